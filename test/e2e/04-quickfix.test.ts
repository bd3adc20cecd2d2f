// Flow 4: a quick fix applied from the light bulb changes the text and clears the diagnostic.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VsCodeSession, waitUntil } from './harness';

let vs: VsCodeSession;
before(async () => {
  vs = await VsCodeSession.start({ name: 'quickfix', folder: 'lint' });
});
after(async () => {
  await vs?.close();
});

test('a quick fix from the light bulb rewrites MAINTAINER as a LABEL and the warning goes away', async () => {
  const fixed = 'LABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"';

  // Other rules may warn about other lines of the fixture: follow this one diagnostic in Problems.
  const maintainerRow = vs.page.locator('.markers-panel .monaco-list-row').filter({ hasText: 'MAINTAINER is deprecated' }).first();

  await vs.step('open-with-warning', async () => {
    await vs.openFile('Dockerfile');
    await vs.editor().locator('.squiggly-warning').first().waitFor({ timeout: 30_000 });
    await vs.page.keyboard.press('Control+Shift+M');
    await maintainerRow.waitFor({ state: 'visible', timeout: 30_000 });
  });

  await vs.step('click-light-bulb', async () => {
    await vs.goTo(2, 3);
    // VS Code draws the light bulb in the gutter next to the line (older releases: in the text).
    const bulb = vs.editor().locator('[class*="codicon-gutter-lightbulb"], .lightBulbWidget .codicon').first();
    await bulb.waitFor({ state: 'visible', timeout: 15_000 });
    await bulb.click();
    const action = vs.page.locator('.action-widget .monaco-list-row').filter({ hasText: 'Replace with LABEL' }).first();
    await action.waitFor({ state: 'visible', timeout: 10_000 });
    await vs.screenshot('e2e-04-quickfix-menu');
    await action.click();
  });

  await vs.step('text-changed-and-warning-cleared', async () => {
    await waitUntil('the fix to be applied', async () => (await vs.editorText()).includes(fixed), 10_000);
    await maintainerRow.waitFor({ state: 'detached', timeout: 15_000 });
    await vs.page.keyboard.press('Control+S');
    const onDisk = join(vs.workspace, 'Dockerfile');
    await waitUntil('the file to be saved', () => readFileSync(onDisk, 'utf8').includes(fixed), 10_000);
    assert.doesNotMatch(readFileSync(onDisk, 'utf8'), /MAINTAINER/);
  });
  await vs.screenshot('e2e-04-quickfix-applied');
});
