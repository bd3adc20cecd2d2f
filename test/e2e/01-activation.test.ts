// Flow 1: opening a Dockerfile activates the extension; its diagnostics show as squiggles in the
// editor, in the status bar count and in the Problems panel.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { VsCodeSession, waitUntil } from './harness';

let vs: VsCodeSession;
before(async () => {
  // This folder holds only web.dockerfile: no file is named Dockerfile, so the workspaceContains
  // activation events cannot fire, and only opening the file (onLanguage:dockerfile) can activate us.
  vs = await VsCodeSession.start({ name: 'activation', folder: 'activation' });
});
after(async () => {
  await vs?.close();
});

test('opening a Dockerfile activates the extension, diagnostics show as squiggles and in Problems', async () => {
  await vs.step('not-active-before-open', async () => {
    await vs.page.locator('.explorer-folders-view .monaco-list-row[aria-label*="web.dockerfile"]').waitFor();
    assert.doesNotMatch(vs.extensionLog(), /activating/, 'the extension activated before any Dockerfile was opened');
  });

  await vs.step('activates-on-open', async () => {
    await vs.openFile('web.dockerfile');
    await waitUntil('the extension to log its activation', () => /Dockerfile Studio \S+ activating/.test(vs.extensionLog()), 30_000);
  });

  await vs.step('squiggle-and-status-bar', async () => {
    await vs.editor().locator('.squiggly-warning').first().waitFor({ timeout: 30_000 });
    await waitUntil('the status bar to count the warning', async () => {
      const label = await vs.page.locator('[id="status.problems"]').getAttribute('aria-label', { timeout: 1000 });
      return /Warnings: [1-9]/.test(label ?? '');
    }, 10_000);
  });

  await vs.step('problems-panel', async () => {
    await vs.page.keyboard.press('Control+Shift+M');
    const row = vs.page.locator('.markers-panel .monaco-list-row').filter({ hasText: 'MAINTAINER is deprecated' }).first();
    await row.waitFor({ timeout: 15_000 });
    const text = await row.innerText();
    assert.match(text, /org\.opencontainers\.image\.authors/, 'the message says what to do instead');
  });
  await vs.screenshot('e2e-01-diagnostics');
});
