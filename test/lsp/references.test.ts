// Definition, references and document highlight for ARG/ENV variables and stage names.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import type { DocumentHighlight, Location, Range } from 'vscode-languageserver-protocol';
import { startServer, type TestServer } from '../helpers/lspClient';

let server: TestServer;
const uri = 'file:///tmp/refs/Dockerfile';
const text = [
  'ARG VERSION=1.22', // 0
  'ARG UNUSED', // 1
  'FROM golang:${VERSION} AS build', // 2
  'ARG VERSION', // 3
  'ENV GOFLAGS=-mod=vendor', // 4
  'RUN echo $VERSION $GOFLAGS $HOME', // 5
  'FROM build AS test', // 6
  'RUN go test $GOFLAGS', // 7
  'FROM alpine:3.20', // 8
  'ENV GOFLAGS=other', // 9
  'RUN echo $GOFLAGS $VERSION', // 10
  'COPY --from=build /out /bin/app', // 11
  'RUN --mount=type=bind,from=test,target=/t ls /t', // 12
  '',
].join('\n');

before(async () => {
  server = await startServer();
  await server.open(uri, text);
});
after(async () => {
  await server.close();
});

const at = (line: number, character: number) => ({ textDocument: { uri }, position: { line, character } });
const r = (line: number, start: number, end: number): Range => ({ start: { line, character: start }, end: { line, character: end } });
const ranges = (locs: Location[] | null): Range[] => (locs ?? []).map((l) => l.range).sort((a, b) => a.start.line - b.start.line || a.start.character - b.start.character);

test('a redeclared ARG in a stage refers to the global ARG: references include both and their uses', async () => {
  const refs = await server.request<Location[]>('textDocument/references', { ...at(5, 11), context: { includeDeclaration: true } });
  assert.deepEqual(ranges(refs), [r(0, 4, 11), r(2, 14, 21), r(3, 4, 11), r(5, 10, 17)]);
  const noDecl = await server.request<Location[]>('textDocument/references', { ...at(0, 5), context: { includeDeclaration: false } });
  assert.deepEqual(ranges(noDecl), [r(2, 14, 21), r(5, 10, 17)]);
});

test('a stage that does not redeclare the global ARG does not see it: $VERSION there is another (free) name', async () => {
  const refs = await server.request<Location[]>('textDocument/references', { ...at(10, 20), context: { includeDeclaration: true } });
  assert.deepEqual(ranges(refs), [r(10, 19, 26)]);
});

test('ENV is inherited by a stage built FROM an earlier stage, and not by an unrelated stage', async () => {
  const refs = await server.request<Location[]>('textDocument/references', { ...at(4, 6), context: { includeDeclaration: true } });
  assert.deepEqual(ranges(refs), [r(4, 4, 11), r(5, 19, 26), r(7, 13, 20)]);
  const other = await server.request<Location[]>('textDocument/references', { ...at(9, 6), context: { includeDeclaration: true } });
  assert.deepEqual(ranges(other), [r(9, 4, 11), r(10, 10, 17)]);
});

test('definition of a use goes to the visible declaration; of a stage ARG to the global ARG', async () => {
  assert.deepEqual(ranges(await server.request<Location[]>('textDocument/definition', at(5, 12))), [r(3, 4, 11)]);
  assert.deepEqual(ranges(await server.request<Location[]>('textDocument/definition', at(3, 6))), [r(0, 4, 11)]);
  assert.deepEqual(ranges(await server.request<Location[]>('textDocument/definition', at(7, 15))), [r(4, 4, 11)]);
  assert.deepEqual(ranges(await server.request<Location[]>('textDocument/definition', at(11, 14))), [r(2, 26, 31)]);
  assert.equal(await server.request('textDocument/definition', at(5, 29)), null, '$HOME is declared nowhere');
  assert.equal(await server.request('textDocument/definition', at(5, 1)), null, 'keywords have no definition');
});

test('stage references: FROM <stage>, COPY --from and RUN --mount from=', async () => {
  const build = await server.request<Location[]>('textDocument/references', { ...at(2, 27), context: { includeDeclaration: true } });
  assert.deepEqual(ranges(build), [r(2, 26, 31), r(6, 5, 10), r(11, 12, 17)]);
  const testStage = await server.request<Location[]>('textDocument/references', { ...at(12, 28), context: { includeDeclaration: true } });
  assert.deepEqual(ranges(testStage), [r(6, 14, 18), r(12, 27, 31)]);
});

test('document highlight marks declarations as writes and uses as reads', async () => {
  const hl = await server.request<DocumentHighlight[]>('textDocument/documentHighlight', at(4, 5));
  const byLine = hl.map((h) => [h.range.start.line, h.kind]).sort((a, b) => (a[0] as number) - (b[0] as number));
  assert.deepEqual(byLine, [[4, 3], [5, 2], [7, 2]]);
  const stage = await server.request<DocumentHighlight[]>('textDocument/documentHighlight', at(6, 7));
  assert.equal(stage.length, 3);
  assert.equal(await server.request('textDocument/documentHighlight', at(8, 1)), null);
});
