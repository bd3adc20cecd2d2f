// Flow 7: a Dockerfile whose RUN fails: the build error lands on that RUN line (squiggle, Problems)
// and the notification names the line.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { VsCodeSession } from './harness';
import { imageExists, removeImage, uniqueName } from './docker';

const tag = `dfs-e2e/${uniqueName('fail')}:1`;
let vs: VsCodeSession;
before(async () => {
  vs = await VsCodeSession.start({ name: 'build-failure', folder: 'failing-run' });
});
after(async () => {
  await vs?.close();
  removeImage(tag);
});

test('a failing RUN puts the build error on its line', async () => {
  await vs.step('build', async () => {
    await vs.openFile('Dockerfile');
    await vs.buildFromCodeLens(tag);
  });

  await vs.step('error-on-line', async () => {
    await vs.toast(/Build failed \(line 3\)/).waitFor({ state: 'visible', timeout: 120_000 });
    // The error squiggle sits on line 3, the RUN that exits with 3.
    const squiggle = vs.editor().locator('.squiggly-error').first();
    await squiggle.waitFor({ state: 'visible', timeout: 15_000 });
    const line3 = vs.editor().locator('.view-line').filter({ hasText: 'about to fail' }).first();
    const [s, l] = [await squiggle.boundingBox(), await line3.boundingBox()];
    assert.ok(s && l && Math.abs(s.y + s.height / 2 - (l.y + l.height / 2)) < l.height, 'the squiggle is on the failing RUN line');

    await vs.page.keyboard.press('Control+Shift+M');
    const row = vs.page.locator('.markers-panel .monaco-list-row').filter({ hasText: 'docker build' }).first();
    await row.waitFor({ state: 'visible', timeout: 15_000 });
    assert.match(await row.innerText(), /Ln 3\b/);
    assert.equal(imageExists(tag), false, 'a failed build tags no image');
  });
  await vs.screenshot('e2e-07-build-failure');
});
