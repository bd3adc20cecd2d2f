// Flow 8: "Run" from the CodeLens with a port mapping: the page is served on 127.0.0.1, the
// container shows in the Containers view, and it is stopped and removed from the view.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { freePort } from './codeServer';
import { VsCodeSession, waitUntil } from './harness';
import { containerState, removeContainer, removeImage, uniqueName } from './docker';

const tag = `dfs-e2e/${uniqueName('serve')}:1`;
const containerName = uniqueName('dfs-e2e-web');
let vs: VsCodeSession;
before(async () => {
  vs = await VsCodeSession.start({ name: 'run', folder: 'serve' });
});
after(async () => {
  await vs?.close();
  removeContainer(containerName);
  removeImage(tag);
});

test('Run with a port mapping serves the page on 127.0.0.1; stop and remove it from the Containers view', async () => {
  const hostPort = await freePort();

  await vs.step('build', async () => {
    await vs.openFile('Dockerfile');
    await vs.buildFromCodeLens(tag);
    await vs.toast(`Built ${tag}.`).waitFor({ state: 'visible', timeout: 120_000 });
  });

  await vs.step('run-from-codelens', async () => {
    await vs.clickCodeLens('Run');
    await vs.answerPrompt('port mappings', `${hostPort}:8080`);
    await vs.answerPrompt('options');
    await vs.answerPrompt('container name', containerName);
    await vs.answerPrompt('environment variables');
    await vs.toast(`Container ${containerName} is running`).waitFor({ state: 'visible', timeout: 60_000 });
  });

  await vs.step('page-is-served', async () => {
    const body = await waitUntil('the container to serve its page', async () => {
      const res = await fetch(`http://127.0.0.1:${hostPort}/`).catch(() => undefined);
      return res?.ok ? res.text() : undefined;
    }, 30_000);
    assert.match(body, /Hello from Dockerfile Studio e2e/);
  });

  const view = await vs.step('containers-view', async () => {
    const pane = await vs.showStudioView('Containers');
    const row = pane.locator('.monaco-list-row').filter({ hasText: containerName }).first();
    await row.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await row.innerText(), new RegExp(`${tag.replace(/[/.]/g, '\\$&')}`), 'the row names the image');
    await vs.screenshot('e2e-08-run-containers-view');
    return { pane, row };
  });

  await vs.step('stop-from-view', async () => {
    await view.row.hover();
    await view.row.locator('.action-label[aria-label^="Stop"]').first().click();
    await waitUntil('the container to stop', () => containerState(containerName) === 'exited', 60_000);
    await waitUntil('the view to show it stopped', async () => /exited/i.test(await view.row.innerText()), 30_000);
  });

  await vs.step('remove-from-view', async () => {
    // Each attempt opens the menu afresh, then waits for the engine to drop the container.
    await waitUntil('the container to be removed from the view', async () => {
      await vs.runContextMenuItem(view.row, 'Remove');
      return waitUntil('the engine to drop it', () => containerState(containerName) === undefined, 10_000).then(() => true, () => false);
    }, 60_000, 0);
    await view.pane.locator('.monaco-list-row').filter({ hasText: containerName }).first().waitFor({ state: 'detached', timeout: 30_000 });
  });
});
