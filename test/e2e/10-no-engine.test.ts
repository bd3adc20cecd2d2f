// Flow 10: no engine reachable (dockerfileStudio.docker.host points at a socket nobody serves):
// the views say so and why, with Retry, and the editing features keep working.
import { after, before, test } from 'node:test';
import { VsCodeSession, waitUntil } from './harness';

let vs: VsCodeSession;
before(async () => {
  vs = await VsCodeSession.start({
    name: 'no-engine',
    folder: 'lint',
    machineSettings: { 'dockerfileStudio.docker.host': `unix:///tmp/dfs-e2e-no-engine-${process.pid}.sock` },
  });
});
after(async () => {
  await vs?.close();
});

test('with no engine the views explain why and offer Retry', async () => {
  await vs.step('views-explain', async () => {
    const containers = await vs.showStudioView('Containers');
    const images = await vs.showStudioView('Images');
    // Each view's message names the engine address that does not answer and what to do; the
    // welcome content below it offers Retry. Both must be on screen at the same time.
    const explains = async (pane: typeof containers): Promise<boolean> => {
      const text = await pane.innerText();
      const retry = pane.locator('.welcome-view-content .monaco-button').filter({ hasText: 'Retry' }).first();
      return /dfs-e2e-no-engine-\d+\.sock/.test(text) && /not running|not listening/.test(text) && (await retry.isVisible());
    };
    await waitUntil('the Containers and Images views to explain the missing engine and offer Retry', async () => {
      if (!(await explains(containers)) || !(await explains(images))) return false;
      await vs.screenshot('e2e-10-no-engine');
      return true;
    }, 60_000);
  });
});

test('with no engine, diagnostics and completion still work', async () => {
  await vs.step('editing-works', async () => {
    await vs.openFile('Dockerfile');
    await vs.editor().locator('.squiggly-warning').first().waitFor({ timeout: 30_000 });
    await vs.goTo(5, 1);
    await vs.page.keyboard.press('Enter');
    await vs.page.keyboard.press('ArrowUp');
    await vs.page.keyboard.type('EXP');
    await vs.expectSuggestion('EXPOSE');
    await vs.page.keyboard.press('Escape');
    await waitUntil('the Docker language status to say the engine is not reachable', async () => {
      await vs.page.locator('[id="status.languageStatus"]').first().click();
      const hover = vs.page.locator('.context-view, .monaco-hover').filter({ hasText: 'Docker: not reachable' }).first();
      return hover.waitFor({ state: 'visible', timeout: 3_000 }).then(() => true, () => false);
    }, 30_000, 0);
    await vs.screenshot('e2e-10-no-engine-editing');
  });
});
