// Flow 5: Format Document fixes the whitespace of a messy Dockerfile (keyword case as written).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VsCodeSession, waitUntil } from './harness';

let vs: VsCodeSession;
before(async () => {
  // A fixed indent unit: VS Code would otherwise guess 3 spaces from the messy fixture's indentation.
  vs = await VsCodeSession.start({ name: 'format', folder: 'format', settings: { 'editor.detectIndentation': false, 'editor.tabSize': 4, 'editor.insertSpaces': true } });
});
after(async () => {
  await vs?.close();
});

test('Format Document from the palette aligns keywords, indents continuations and trims trailing spaces', async () => {
  const expected = ['FROM dfs-test/busybox:latest', 'RUN echo one && \\', '    echo two', 'COPY . /app', 'CMD ["sh"]', ''].join('\n');
  await vs.step('format-document', async () => {
    await vs.openFile('Dockerfile');
    await vs.editor().locator('.view-lines:has-text("echo two")').waitFor();
    // The formatter comes from the language server: Format Document run before it has started does nothing.
    await vs.waitForLanguageServer();
    await vs.editor().locator('.view-lines').click();
    await vs.runCommand('Format Document');
    await waitUntil('the document to be formatted', async () => (await vs.editorText()).startsWith(expected.trimEnd()), 15_000);
    await vs.screenshot('e2e-05-format');
    await vs.page.keyboard.press('Control+S');
    const onDisk = join(vs.workspace, 'Dockerfile');
    await waitUntil('the formatted file to be saved', () => readFileSync(onDisk, 'utf8') === expected, 10_000);
    assert.equal(readFileSync(onDisk, 'utf8'), expected);
  });
});
