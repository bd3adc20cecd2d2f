import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from '../helpers/lspClient';

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.close();
});

test('publishes rule diagnostics with stable ids, and a quick fix that clears them', async () => {
  const uri = 'file:///tmp/diag/Dockerfile';
  const diags = await server.open(uri, 'FROM alpine:3.20\nMAINTAINER Jane <j@example.com>\n');
  const d = diags.find((x) => x.code === 'maintainer-deprecated');
  assert.ok(d, JSON.stringify(diags));
  assert.equal(d.range.start.line, 1);
  // Every diagnostic links to its rule's documentation (one shared description object per rule).
  for (const x of diags) assert.match(x.codeDescription?.href ?? '', new RegExp(`/docs/RULES\\.md#${String(x.code)}$`));
  const actions = await server.request<{ title: string; edit: { changes: Record<string, { range: unknown; newText: string }[]> } }[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
  const fix = actions.find((a) => a.title.startsWith('Replace with LABEL'));
  assert.ok(fix);
  assert.equal(fix.edit.changes[uri][0].newText, 'LABEL org.opencontainers.image.authors="Jane <j@example.com>"');
  const after = await server.change(uri, 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane <j@example.com>"\n', 2);
  assert.equal(after.filter((x) => x.code === 'maintainer-deprecated').length, 0);
});

test('a hadolint ignore pragma by alias suppresses the rule', async () => {
  const diags = await server.open('file:///tmp/diag2/Dockerfile', 'FROM alpine:3.20\n# hadolint ignore=DL4000\nMAINTAINER x\n');
  assert.equal(diags.filter((x) => x.code === 'maintainer-deprecated').length, 0);
});

test('messages follow the client locale', async () => {
  const ko = await startServer({ locale: 'ko' });
  try {
    const diags = await ko.open('file:///tmp/diag3/Dockerfile', 'FROM a\nMAINTAINER x\n');
    const d = diags.find((x) => x.code === 'maintainer-deprecated');
    assert.match(String(d?.message ?? ''), /더 이상 쓰지 않습니다/);
  } finally {
    await ko.close();
  }
});

test('.hadolint.yaml next to the Dockerfile applies, and a change to it re-lints open documents', async () => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const { pathToFileURL } = await import('node:url');
  const dir = mkdtempSync(join(tmpdir(), 'dfs-lsp-config-'));
  writeFileSync(join(dir, '.hadolint.yaml'), 'ignored: [DL4000]\n');
  const uri = pathToFileURL(join(dir, 'Dockerfile')).href;
  const first = await server.open(uri, 'FROM alpine:3.20\nMAINTAINER x\n');
  assert.equal(first.filter((x) => x.code === 'maintainer-deprecated').length, 0);
  writeFileSync(join(dir, '.hadolint.yaml'), 'override:\n  error: [DL4000]\n');
  const next = server.nextDiagnostics(uri, 5000);
  await server.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(dir, '.hadolint.yaml')).href, type: 2 }] });
  const again = await next;
  const d = again.find((x) => x.code === 'maintainer-deprecated');
  assert.equal(d?.severity, 1);
});

test('a file with more problems than the editor can show gets the most severe 5000 and a note', async () => {
  // ~6000 warnings first, one error at the very end: the error must still be shown.
  const text = 'FROM alpine:3.20\n' + 'MAINTAINER x\n'.repeat(6000) + 'ADD app.js /opt/\n';
  const diags = await server.open('file:///tmp/diag-many/Dockerfile', text);
  assert.equal(diags.length, 5001);
  const note = diags[0];
  assert.equal(note.code, 'too-many-problems');
  assert.match(String(note.message), /Showing 5000 of the \d+ problems/);
  assert.ok(diags.some((d) => d.severity === 1 && d.range.start.line === 6001), 'the error on the last line is kept');
});
