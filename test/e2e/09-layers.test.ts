// Flow 9: layer analysis of a built image shows the bytes wasted by a file that one RUN writes
// and a later RUN deletes (the bytes stay in the first layer).
import { after, before, test } from 'node:test';
import { VsCodeSession, waitUntil } from './harness';
import { removeImage, uniqueName } from './docker';

const tag = `dfs-e2e/${uniqueName('wasted')}:1`;
let vs: VsCodeSession;
before(async () => {
  vs = await VsCodeSession.start({ name: 'layers', folder: 'wasted' });
});
after(async () => {
  await vs?.close();
  removeImage(tag);
});

test('layer analysis shows the wasted bytes of a file deleted in a later layer', async () => {
  await vs.step('build', async () => {
    await vs.openFile('Dockerfile');
    await vs.buildFromCodeLens(tag);
    await vs.toast(`Built ${tag}.`).waitFor({ state: 'visible', timeout: 120_000 });
  });

  await vs.step('open-analysis-from-layer-size', async () => {
    // 2048 KiB = 2.1 MB in docker's decimal units, on the RUN that wrote /big.bin.
    const lens = await vs.codeLensAbove('count=2048', /2\.1 MB/);
    await lens.locator('a').first().click();
  });

  await vs.step('wasted-bytes-shown', async () => {
    const panel = await vs.webview(`Layers of ${tag}`);
    const body = panel.locator('body');
    await waitUntil('the analysis to show the wasted bytes and the file', async () => {
      const text = await body.innerText({ timeout: 2_000 });
      return /wasted 2\.1 MB/.test(text) && text.includes('big.bin');
    }, 60_000);
  });
  await vs.screenshot('e2e-09-layers-wasted');
});
