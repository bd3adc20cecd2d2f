import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDockerfile } from '../../server/src/model/parser';

test('parses directives, stages, flags and continuations', () => {
  const df = parseDockerfile('# syntax=docker/dockerfile:1\n# escape=\\\nARG BASE=alpine\nFROM --platform=$BUILDPLATFORM ${BASE}:3.20 AS build\nRUN apk add \\\n  # a comment inside\n  curl\nCOPY --from=build --chown=1:1 /a /b\n');
  assert.deepEqual(df.directives.map((d) => [d.name, d.value]), [['syntax', 'docker/dockerfile:1'], ['escape', '\\']]);
  assert.equal(df.instructions.length, 4);
  assert.equal(df.preamble.length, 1);
  assert.equal(df.stages.length, 1);
  assert.equal(df.stages[0].name, 'build');
  assert.equal(df.stages[0].platform, '$BUILDPLATFORM');
  const run = df.instructions[2];
  assert.equal(run.name, 'RUN');
  assert.equal(run.startLine, 4);
  assert.equal(run.endLine, 6);
  assert.equal(run.argsText, 'apk add   curl');
  assert.deepEqual(run.args.map((t) => t.value), ['apk', 'add', 'curl']);
  assert.deepEqual(run.args[2].range, { start: { line: 6, character: 2 }, end: { line: 6, character: 6 } });
  assert.equal(df.comments.filter((c) => c.insideInstruction).length, 1);
  const copy = df.instructions[3];
  assert.deepEqual(copy.flags.map((f) => [f.name, f.value]), [['from', 'build'], ['chown', '1:1']]);
  assert.deepEqual(df.stages[0].from.variables.map((v) => v.name), ['BUILDPLATFORM', 'BASE']);
});

test('heredocs, exec form, key/value pairs, ONBUILD triggers', () => {
  const df = parseDockerfile('FROM x\nRUN <<EOF\nset -e\necho hi\nEOF\nCMD ["node", "app.js"]\nENV A=1 B="two words"\nENV LEGACY value with spaces\nONBUILD RUN make\n');
  const run = df.instructions[1];
  assert.equal(run.heredocs.length, 1);
  assert.equal(run.heredocs[0].body, 'set -e\necho hi');
  assert.equal(run.endLine, 4);
  assert.ok(df.heredocLines.has(2) && df.heredocLines.has(4));
  assert.deepEqual(df.instructions[2].json, ['node', 'app.js']);
  assert.deepEqual(df.instructions[3].pairs.map((p) => [p.key, p.value, p.hasEquals]), [['A', '1', true], ['B', 'two words', true]]);
  assert.deepEqual(df.instructions[4].pairs.map((p) => [p.key, p.value, p.hasEquals]), [['LEGACY', 'value with spaces', false]]);
  const trigger = df.instructions[5].trigger;
  assert.equal(trigger?.name, 'RUN');
  assert.equal(trigger?.argsText, 'make');
  assert.deepEqual(trigger?.keywordRange.start, { line: 8, character: 8 });
});

test('never throws on hostile input and handles BOM, CRLF and the backtick escape', () => {
  const inputs = ['\uFEFFFROM a\r\nRUN b \\\r\n c\r\n', '\u0000\u0001\u0002', 'RUN <<EOF\nno end', 'RUN a \\', '# escape=`\nFROM x\nRUN dir c:\\ `\n  && echo', '$'.repeat(10000), '{'.repeat(5000), 'FROM\n'.repeat(3000)];
  for (const text of inputs) assert.doesNotThrow(() => parseDockerfile(text));
  const bom = parseDockerfile(inputs[0]);
  assert.equal(bom.hasBom, true);
  assert.equal(bom.eol, '\r\n');
  assert.equal(bom.instructions[1].argsText, 'b  c');
  const win = parseDockerfile(inputs[4]);
  assert.equal(win.escapeChar, '`');
  assert.equal(win.instructions[1].argsText, 'dir c:\\   && echo');
});
