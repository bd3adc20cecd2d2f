import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import type { Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { startServer, type TestServer } from '../helpers/lspClient';

let server: TestServer;
const uri = 'file:///tmp/rename/Dockerfile';
const text = [
  'ARG NODE_VERSION=20', // 0
  'FROM node:${NODE_VERSION}-alpine AS deps', // 1
  'ARG NODE_VERSION', // 2
  'ENV APP=/srv', // 3
  'WORKDIR ${APP}', // 4
  'RUN echo "$NODE_VERSION" $PATH', // 5
  'FROM deps AS build', // 6
  'COPY --from=deps ${APP} /x', // 7
  'RUN --mount=type=cache,from=deps,target=/c true', // 8
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

/** Apply edits to the text (they never overlap). */
function apply(src: string, edits: TextEdit[]): string {
  const lines = src.split('\n');
  const sorted = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
  for (const e of sorted) {
    assert.equal(e.range.start.line, e.range.end.line);
    const l = lines[e.range.start.line];
    lines[e.range.start.line] = l.slice(0, e.range.start.character) + e.newText + l.slice(e.range.end.character);
  }
  return lines.join('\n');
}

test('prepareRename gives the name range and placeholder for variables and stages', async () => {
  assert.deepEqual(await server.request<{ range: Range; placeholder: string }>('textDocument/prepareRename', at(4, 11)), {
    range: { start: { line: 4, character: 10 }, end: { line: 4, character: 13 } },
    placeholder: 'APP',
  });
  const stage = await server.request<{ placeholder: string }>('textDocument/prepareRename', at(7, 14));
  assert.equal(stage.placeholder, 'deps');
});

test('renaming a global ARG renames its stage redeclaration and every use, nothing else', async () => {
  const edit = await server.request<WorkspaceEdit>('textDocument/rename', { ...at(5, 13), newName: 'NODE_MAJOR' });
  const out = apply(text, edit.changes![uri]);
  assert.equal(out, text.replaceAll('NODE_VERSION', 'NODE_MAJOR'));
});

test('renaming a stage renames FROM, COPY --from and --mount from= together', async () => {
  const edit = await server.request<WorkspaceEdit>('textDocument/rename', { ...at(1, 38), newName: 'dependencies' });
  const out = apply(text, edit.changes![uri]);
  assert.equal(out, text.replace('AS deps', 'AS dependencies').replace('FROM deps', 'FROM dependencies').replace('--from=deps', '--from=dependencies').replace('from=deps,', 'from=dependencies,'));
});

test('keywords, flags and undeclared variables are refused with an explanation', async () => {
  await assert.rejects(server.request('textDocument/prepareRename', at(4, 2)), /WORKDIR.*keyword/);
  await assert.rejects(server.request('textDocument/prepareRename', at(1, 34)), /"AS" is a Dockerfile keyword/);
  await assert.rejects(server.request('textDocument/rename', { ...at(7, 3), newName: 'X' }), /keyword/);
  await assert.rejects(server.request('textDocument/prepareRename', at(7, 8)), /--from.*cannot be renamed/);
  await assert.rejects(server.request('textDocument/prepareRename', at(5, 28)), /PATH is not declared/);
  assert.equal(await server.request('textDocument/prepareRename', at(5, 6)), null, 'a plain shell word is simply not renamable');
  const typo = 'file:///tmp/rename/typo/Dockerfile';
  await server.open(typo, 'FROM a\nRUNN echo\nRUN --nope=1 true\n');
  assert.equal(await server.request('textDocument/prepareRename', { textDocument: { uri: typo }, position: { line: 1, character: 2 } }), null, 'a misspelt keyword is not explained as a keyword');
  assert.equal(await server.request('textDocument/prepareRename', { textDocument: { uri: typo }, position: { line: 2, character: 6 } }), null, 'nor an unknown flag');
});

test('invalid new names and stage-name clashes are refused', async () => {
  await assert.rejects(server.request('textDocument/rename', { ...at(3, 5), newName: '1APP' }), /not a valid variable name/);
  await assert.rejects(server.request('textDocument/rename', { ...at(1, 38), newName: 'has space' }), /not a valid stage name/);
  await assert.rejects(server.request('textDocument/rename', { ...at(1, 38), newName: 'BUILD' }), /already exists/);
});

test('refusals are in Korean for a Korean client', async () => {
  const ko = await startServer({ locale: 'ko' });
  try {
    await ko.open(uri, text);
    await assert.rejects(ko.request('textDocument/prepareRename', at(4, 2)), /키워드/);
  } finally {
    await ko.close();
  }
});
