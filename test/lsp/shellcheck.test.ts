// ShellCheck through the language server with the real `shellcheck` binary: findings arrive as a
// second diagnostics publish for the same version, carry the `shellcheck` code and SC alias in
// the message, and vanish when the setting turns ShellCheck off.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { startServer, type TestServer } from '../helpers/lspClient';

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.close();
});

async function until(uri: string, cond: (d: Diagnostic[]) => boolean, first: Diagnostic[]): Promise<Diagnostic[]> {
  let diags = first;
  for (let i = 0; i < 20 && !cond(diags); i++) diags = await server.nextDiagnostics(uri, 10000);
  return diags;
}

test('ShellCheck findings are published for RUN scripts, on the right range', async () => {
  const uri = 'file:///tmp/sc-lsp/Dockerfile';
  const first = await server.open(uri, 'FROM debian:12\nRUN echo $HOME/x\n');
  const diags = await until(uri, (d) => d.some((x) => x.code === 'shellcheck'), first);
  const sc = diags.find((x) => x.code === 'shellcheck');
  assert.ok(sc, JSON.stringify(diags));
  assert.match(String(sc.message), /^SC2086/);
  assert.deepEqual(sc.range, { start: { line: 1, character: 9 }, end: { line: 1, character: 14 } });
});

test('a hadolint ignore pragma with the SC code suppresses it in the editor too', async () => {
  const uri = 'file:///tmp/sc-lsp2/Dockerfile';
  const first = await server.open(uri, 'FROM debian:12\n# hadolint ignore=SC2086\nRUN echo $HOME/x\nRUN echo $HOME/y\n');
  const diags = await until(uri, (d) => d.some((x) => x.code === 'shellcheck'), first);
  assert.deepEqual(diags.filter((x) => x.code === 'shellcheck').map((x) => x.range.start.line), [3]);
});
