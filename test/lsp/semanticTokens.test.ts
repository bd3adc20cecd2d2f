import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-protocol';
import { startServer, type TestServer } from '../helpers/lspClient';

let server: TestServer;
let legend: SemanticTokensLegend;
before(async () => {
  server = await startServer();
  legend = (server.init.capabilities.semanticTokensProvider as { legend: SemanticTokensLegend }).legend;
});
after(async () => {
  await server.close();
});

interface Tok {
  line: number;
  char: number;
  text: string;
  type: string;
  mods: string[];
}

function decode(lines: string[], data: number[]): Tok[] {
  const out: Tok[] = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
    out.push({
      line,
      char,
      text: lines[line].slice(char, char + data[i + 2]),
      type: legend.tokenTypes[data[i + 3]],
      mods: legend.tokenModifiers.filter((_, b) => (data[i + 4] >> b) & 1),
    });
  }
  return out;
}

const text = [
  '# syntax=docker/dockerfile:1', // 0
  'ARG BASE=alpine', // 1
  'FROM --platform=$BUILDPLATFORM ${BASE}:3.20 AS build', // 2
  '# a comment', // 3
  'ENV APP="/srv/$BASE" \\', // 4
  '    MODE=prod', // 5
  'RUN --mount=type=cache,target=/root/.cache apk add curl && echo "$APP" | tee /x', // 6
  'RUN <<EOF', // 7
  '  echo "$APP" && ls', // 8
  'EOF', // 9
  'FROM alpine', // 10
  'COPY --from=build --chmod=755 /a /b', // 11
  'maintainer someone', // 12
  '',
].join('\n');
const lines = text.split('\n');

test('the legend is registered and the full request classifies every kind of token', async () => {
  assert.ok(legend.tokenTypes.includes('keyword') && legend.tokenTypes.includes('parameter') && legend.tokenTypes.includes('variable'));
  const uri = 'file:///tmp/semtok/Dockerfile';
  await server.open(uri, text);
  const res = await server.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
  const toks = decode(lines, res.data);
  const find = (line: number, t: string): Tok | undefined => toks.find((x) => x.line === line && x.text === t);
  assert.equal(find(0, 'syntax')?.type, 'macro');
  assert.equal(find(0, 'docker/dockerfile:1')?.type, 'string');
  assert.equal(find(1, 'ARG')?.type, 'keyword');
  assert.equal(find(1, 'BASE')?.type, 'variable');
  assert.deepEqual(find(1, 'BASE')?.mods, ['declaration']);
  assert.equal(find(2, '--platform')?.type, 'parameter');
  assert.equal(find(2, '$BUILDPLATFORM')?.type, 'variable');
  assert.equal(find(2, '${BASE}')?.type, 'variable');
  assert.equal(find(2, 'AS')?.type, 'keyword');
  assert.equal(find(2, 'build')?.type, 'class');
  assert.equal(find(3, '# a comment')?.type, 'comment');
  assert.equal(find(4, '"/srv/')?.type, 'string', 'a string is split around the variable inside it');
  assert.equal(find(4, '$BASE')?.type, 'variable');
  assert.equal(find(4, '\\')?.type, 'operator');
  assert.equal(find(5, 'MODE')?.type, 'variable');
  assert.equal(find(6, 'type')?.type, 'property');
  assert.equal(find(6, 'cache')?.type, 'string');
  assert.equal(find(6, '&&')?.type, 'operator');
  assert.equal(find(6, '|')?.type, 'operator');
  assert.equal(find(7, '<<EOF')?.type, 'string');
  assert.deepEqual(toks.filter((t) => t.line === 8), [], 'nothing inside a heredoc body');
  assert.equal(find(9, 'EOF')?.type, 'string');
  assert.equal(find(11, 'build')?.type, 'class', 'COPY --from names a stage');
  assert.equal(find(11, '755')?.type, 'enumMember');
  assert.deepEqual(find(12, 'maintainer')?.mods, ['deprecated']);
  // Sorted and non-overlapping, each on one line.
  for (let i = 1; i < toks.length; i++) {
    const a = toks[i - 1];
    const b = toks[i];
    assert.ok(b.line > a.line || b.char >= a.char + a.text.length, `overlap at ${b.line}:${b.char}`);
  }
});

test('the range request returns only tokens of the requested lines, encoded from the start', async () => {
  const uri = 'file:///tmp/semtok/range/Dockerfile';
  await server.open(uri, text);
  const res = await server.request<SemanticTokens>('textDocument/semanticTokens/range', { textDocument: { uri }, range: { start: { line: 10, character: 0 }, end: { line: 11, character: 99 } } });
  const toks = decode(lines, res.data);
  assert.ok(toks.length > 0);
  assert.ok(toks.every((t) => t.line === 10 || t.line === 11), JSON.stringify(toks));
  assert.equal(toks[0].text, 'FROM');
});

test('answers on a 10 000-line file with a 100 000-character line and 2000 stages', async () => {
  const parts: string[] = [];
  for (let i = 0; i < 2000; i++) parts.push(`FROM alpine AS s${i}`, `COPY --from=s${Math.max(0, i - 1)} /a /b`, `RUN echo "$X" && ls \\`, '  -la', `ENV K${i}=v`);
  parts.push(`RUN ${'a '.repeat(50000)}`);
  const uri = 'file:///tmp/semtok/big/Dockerfile';
  // Ask for tokens right after opening, without waiting for diagnostics: the lint of this file
  // runs in slices, so the request is answered while it is still going.
  const diagnostics = server.nextDiagnostics(uri, 120_000);
  await server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text: parts.join('\n') } });
  let linted = false;
  void diagnostics.then(() => (linted = true));
  const res = await server.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
  assert.ok(res.data.length / 5 > 2000 * 8);
  const tokensAnsweredBeforeLintEnded = !linted;
  await diagnostics;
  assert.ok(tokensAnsweredBeforeLintEnded, 'semantic tokens did not wait for the lint');
});
