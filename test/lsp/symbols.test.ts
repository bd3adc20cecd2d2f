// Document symbols (a tree), folding ranges and image links.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import type { DocumentLink, DocumentSymbol, FoldingRange, SymbolInformation } from 'vscode-languageserver-protocol';
import { startServer, type TestServer } from '../helpers/lspClient';

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.close();
});

const text = [
  '# syntax=docker/dockerfile:1', // 0
  '# two comment lines', // 1
  '# make a block', // 2
  'ARG GO_VERSION=1.22', // 3
  'FROM golang:${GO_VERSION} AS build', // 4
  'RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates git make', // 5
  'COPY <<EOF /etc/app.conf', // 6
  'port=80', // 7
  'EOF', // 8
  'RUN set -e; \\', // 9
  '    go build \\', // 10
  '      -o /out/app .', // 11
  '', // 12
  'FROM alpine:3.20', // 13
  'COPY --from=build /out/app /app', // 14
  'CMD ["/app"]', // 15
  '',
].join('\n');

test('document symbols: preamble ARG at top level, stages holding their instructions', async () => {
  const uri = 'file:///tmp/symbols/Dockerfile';
  await server.open(uri, text);
  const symbols = await server.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
  assert.deepEqual(symbols.map((s) => s.name), ['ARG GO_VERSION', 'build', 'alpine:3.20']);
  const build = symbols[1];
  assert.equal(build.detail, 'FROM golang:${GO_VERSION} AS build');
  assert.deepEqual(build.range, { start: { line: 4, character: 0 }, end: { line: 11, character: 19 } });
  assert.deepEqual(build.children?.map((c) => c.name), ['RUN apt-get update && apt-get install -y --no-i…', 'COPY <<EOF /etc/app.conf', 'RUN set -e; go build -o /out/app .']);
  assert.deepEqual(symbols[2].children?.map((c) => c.name), ['COPY --from=build /out/app /app', 'CMD /app']);
  for (const s of [...symbols, ...symbols.flatMap((x) => x.children ?? [])]) {
    assert.ok(s.name.length > 0);
    assert.ok(s.selectionRange.start.line >= s.range.start.line && s.selectionRange.end.line <= s.range.end.line);
  }
});

test('a client without hierarchical symbols gets a flat list with container names', async () => {
  // The helper advertises hierarchical support; this client speaks to a server that does not.
  const { spawn } = await import('node:child_process');
  const { join } = await import('node:path');
  const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = await import('vscode-jsonrpc/node');
  const proc = spawn(process.execPath, [join(__dirname, '..', '..', 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  conn.listen();
  try {
    await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    await conn.sendNotification('initialized', {});
    const uri = 'file:///tmp/symbols/flat/Dockerfile';
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text } });
    const list = await conn.sendRequest<SymbolInformation[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(list.find((s) => s.name === 'CMD /app')?.containerName, 'alpine:3.20');
    assert.equal(list.length, 3 + 3 + 2);
  } finally {
    conn.dispose();
    proc.kill();
  }
});

test('folding: comment blocks, stages, multi-line instructions and heredocs', async () => {
  const uri = 'file:///tmp/folding/Dockerfile';
  await server.open(uri, text);
  const ranges = await server.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
  const got = ranges.map((r) => `${r.startLine}-${r.endLine}${r.kind ? ` ${r.kind}` : ''}`).sort();
  assert.deepEqual(got, ['0-2 comment', '13-15 region', '4-11 region', '6-8', '9-11'].sort());
});

test('document links: Docker Hub pages for official and namespaced images, nothing for stages, variables or other registries', async () => {
  const uri = 'file:///tmp/links/Dockerfile';
  await server.open(uri, ['FROM node:20-alpine AS web', 'FROM bitnami/redis:7.2@sha256:abcd AS cache', 'FROM web', 'FROM ${BASE}', 'FROM ghcr.io/owner/tool:1', 'FROM docker.io/library/nginx', 'FROM scratch', ''].join('\n'));
  const links = await server.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri } });
  assert.deepEqual(
    links.map((l) => [l.range.start.line, l.range.start.character, l.range.end.character, l.target]),
    [
      [0, 5, 19, 'https://hub.docker.com/_/node'],
      [1, 5, 34, 'https://hub.docker.com/r/bitnami/redis'],
      [5, 5, 28, 'https://hub.docker.com/_/nginx'],
    ],
  );
});
