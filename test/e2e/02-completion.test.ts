// Flow 2: completion lists instructions at the start of a line, and flags after `COPY --`.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { VsCodeSession, waitUntil } from './harness';

let vs: VsCodeSession;
before(async () => {
  vs = await VsCodeSession.start({ name: 'completion', folder: 'editing' });
  await vs.openFile('Dockerfile');
  await vs.editor().locator('.view-lines:has-text("WORKDIR /app")').waitFor();
});
after(async () => {
  await vs?.close();
});

const suggestRow = (label: string) => vs.page.locator(`.editor-widget.suggest-widget .monaco-list-row[aria-label^="${label}"]`).first();

test('typing at the start of a line suggests instructions, and accepting one inserts it', async () => {
  await vs.step('instruction-suggestions', async () => {
    await vs.goTo(3, 1); // the empty line between WORKDIR and CMD
    await vs.page.keyboard.type('EXP');
    await vs.expectSuggestion('EXPOSE');
    await vs.screenshot('e2e-02-completion-instructions');
    await vs.page.keyboard.press('Enter');
    await waitUntil('EXPOSE to be inserted', async () => /^EXPOSE\b/m.test(await vs.editorText()), 10_000);
  });
});

test('after `COPY --` the suggestions are COPY flags', async () => {
  await vs.step('flag-suggestions', async () => {
    await vs.page.keyboard.press('End');
    await vs.page.keyboard.press('Enter');
    await vs.page.keyboard.type('COPY --');
    await vs.expectSuggestion('--chown');
    for (const flag of ['--from', '--chmod', '--link']) {
      await suggestRow(flag).waitFor({ state: 'attached', timeout: 5_000 });
    }
    assert.equal(await suggestRow('EXPOSE').count(), 0, 'instructions are not offered inside COPY flags');
    await vs.screenshot('e2e-02-completion-flags');
    await vs.page.keyboard.press('Escape');
  });
});
