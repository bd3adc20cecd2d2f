import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem } from 'vscode-languageserver-protocol';
import { startServer, type TestServer } from '../helpers/lspClient';

let server: TestServer;
let n = 0;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.close();
});

/** Open `text` with `|` marking the cursor, and complete there. */
async function complete(marked: string): Promise<CompletionItem[]> {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const before = text.slice(0, offset).split('\n');
  const uri = `file:///tmp/completion/${n++}/Dockerfile`;
  await server.open(uri, text);
  const res = await server.request<CompletionItem[] | { items: CompletionItem[] }>('textDocument/completion', {
    textDocument: { uri },
    position: { line: before.length - 1, character: before[before.length - 1].length },
  });
  return Array.isArray(res) ? res : res.items;
}

const labels = (items: CompletionItem[]): string[] => items.map((i) => i.label);
const newText = (item: CompletionItem | undefined): string | undefined => (item?.textEdit && 'newText' in item.textEdit ? item.textEdit.newText : undefined);

test('instructions with snippet bodies in the upper-case style of the file', async () => {
  const items = await complete('FROM alpine:3.20\nRUN echo hi\n|\n');
  assert.ok(labels(items).includes('RUN'));
  assert.ok(labels(items).includes('HEALTHCHECK'));
  const run = items.find((i) => i.label === 'RUN');
  assert.equal(newText(run), 'RUN ${1:command}');
  assert.equal(run?.insertTextFormat, 2);
  assert.ok(items.find((i) => i.label === 'MAINTAINER')?.tags?.includes(1), 'MAINTAINER is marked deprecated');
});

test('keyword case follows the file: a lower-case file gets lower-case keywords', async () => {
  const items = await complete('from alpine:3.20\nrun echo hi\nworkdir /app\nr|\n');
  assert.ok(labels(items).includes('run'));
  assert.ok(!labels(items).includes('RUN'));
  const run = items.find((i) => i.label === 'run');
  assert.equal(newText(run), 'run ${1:command}');
  assert.deepEqual(run?.textEdit && 'range' in run.textEdit ? run.textEdit.range : undefined, { start: { line: 3, character: 0 }, end: { line: 3, character: 1 } });
});

test('before the first FROM only ARG and FROM are offered, plus parser directives on the first line', async () => {
  const items = await complete('|\n');
  assert.deepEqual(labels(items).filter((l) => !l.startsWith('#')).sort(), ['ARG', 'FROM']);
  assert.ok(labels(items).includes('# syntax='));
});

test('parser directives after # at the top, and their values', async () => {
  const names = await complete('# |\nFROM alpine\n');
  assert.deepEqual(labels(names).sort(), ['check=', 'escape=', 'syntax=']);
  const present = await complete('# syntax=docker/dockerfile:1\n# |\nFROM alpine\n');
  assert.deepEqual(labels(present).sort(), ['check=', 'escape=']);
  const values = await complete('# syntax=|\nFROM alpine\n');
  assert.ok(labels(values).includes('docker/dockerfile:1'));
  const notTop = await complete('FROM alpine\n# |\n');
  assert.deepEqual(notTop, []);
});

test('flags of the instruction after --, without those already present unless repeatable', async () => {
  assert.deepEqual(labels(await complete('FROM a\nRUN --|\n')).sort(), ['--mount', '--network', '--security']);
  const copy = labels(await complete('FROM a AS b\nFROM c\nCOPY --from=b --exclude=*.md --| /x /y\n'));
  assert.ok(!copy.includes('--from'));
  assert.ok(copy.includes('--exclude'));
  for (const f of ['--chown', '--chmod', '--link', '--parents']) assert.ok(copy.includes(f), f);
  const add = labels(await complete('FROM a\nADD --| https://example.com/x /x\n'));
  for (const f of ['--checksum', '--keep-git-dir', '--chown', '--chmod', '--link']) assert.ok(add.includes(f), f);
  const hc = labels(await complete('FROM a\nHEALTHCHECK --| CMD true\n'));
  for (const f of ['--interval', '--timeout', '--start-period', '--start-interval', '--retries']) assert.ok(hc.includes(f), f);
  assert.deepEqual(labels(await complete('FROM --|\n')), ['--platform']);
  const mount = (await complete('FROM a\nRUN --|\n')).find((i) => i.label === '--mount');
  assert.equal(newText(mount), '--mount=');
});

test('--mount=type= values, per-type keys and key values', async () => {
  assert.deepEqual(labels(await complete('FROM a\nRUN --mount=type=| true\n')).sort(), ['bind', 'cache', 'secret', 'ssh', 'tmpfs']);
  const cacheKeys = labels(await complete('FROM a\nRUN --mount=type=cache,| true\n'));
  for (const k of ['target=', 'id=', 'sharing=', 'from=', 'mode=', 'uid=', 'gid=']) assert.ok(cacheKeys.includes(k), k);
  assert.ok(!cacheKeys.includes('type='));
  const secretKeys = labels(await complete('FROM a\nRUN --mount=type=secret,id=x,| true\n'));
  assert.ok(secretKeys.includes('env=') && secretKeys.includes('required='));
  assert.ok(!secretKeys.includes('id='));
  assert.deepEqual(labels(await complete('FROM a\nRUN --mount=type=cache,sharing=| true\n')), ['shared', 'private', 'locked']);
  assert.deepEqual(labels(await complete('FROM a AS deps\nFROM b\nRUN --mount=type=bind,from=| true\n')), ['deps']);
});

test('flag values: --network, --security, --platform, --chmod, --from', async () => {
  assert.deepEqual(labels(await complete('FROM a\nRUN --network=| true\n')), ['default', 'none', 'host']);
  assert.deepEqual(labels(await complete('FROM a\nRUN --security=| true\n')), ['sandbox', 'insecure']);
  const platforms = labels(await complete('FROM --platform=| alpine\n'));
  assert.ok(platforms.includes('linux/amd64') && platforms.includes('linux/arm64') && platforms.includes('$BUILDPLATFORM'));
  assert.ok(labels(await complete('FROM a\nCOPY --chmod=| a b\n')).includes('755'));
  assert.deepEqual(labels(await complete('FROM a AS one\nFROM b AS two\nCOPY --from=| x y\nFROM c AS three\n')), ['one']);
});

test('stage names after FROM: earlier stages only, with --platform=', async () => {
  const items = await complete('FROM golang:1.22 AS build\nFROM alpine AS test\nFROM |\nFROM scratch AS later\n');
  assert.deepEqual(labels(items), ['build', 'test', '--platform=']);
  const as = await complete('FROM golang:1.22 |\n');
  assert.deepEqual(labels(as), ['AS']);
});

test('variables in scope after $ and ${, with their values', async () => {
  const items = await complete('ARG GLOBAL=1\nFROM alpine\nARG VERSION=3.1\nENV APP_HOME=/srv/app\nRUN echo $|\n');
  assert.deepEqual(labels(items).filter((l) => !/^(TARGET|BUILD|SOURCE)/.test(l)), ['VERSION', 'APP_HOME']);
  assert.match(items.find((i) => i.label === 'APP_HOME')?.detail ?? '', /\/srv\/app/);
  assert.match(items.find((i) => i.label === 'VERSION')?.detail ?? '', /3\.1/);
  const braced = await complete('FROM alpine\nENV APP_HOME=/srv\nWORKDIR ${AP|\n');
  assert.equal(newText(braced.find((i) => i.label === 'APP_HOME')), 'APP_HOME}');
  const closed = await complete('FROM alpine\nENV APP_HOME=/srv\nWORKDIR ${AP|}\n');
  assert.equal(newText(closed.find((i) => i.label === 'APP_HOME')), 'APP_HOME');
  const redeclared = await complete('ARG GLOBAL=1\nFROM alpine\nARG GLOBAL\nRUN echo ${|\n');
  assert.match(redeclared.find((i) => i.label === 'GLOBAL')?.detail ?? '', /GLOBAL=1/);
  const fromLine = await complete('ARG BASE=alpine\nFROM $|\n');
  assert.ok(labels(fromLine).includes('BASE'));
});

test('ONBUILD triggers and HEALTHCHECK CMD/NONE', async () => {
  const triggers = labels(await complete('FROM a\nONBUILD |\n'));
  assert.ok(triggers.includes('RUN') && triggers.includes('COPY'));
  assert.ok(!triggers.includes('FROM') && !triggers.includes('ONBUILD') && !triggers.includes('MAINTAINER'));
  assert.deepEqual(labels(await complete('FROM a\nONBUILD COPY --| a b\n')).includes('--chown'), true);
  assert.deepEqual(labels(await complete('FROM a\nHEALTHCHECK --interval=30s |\n')), ['CMD', 'NONE']);
});

test('nothing inside heredoc bodies or comments', async () => {
  assert.deepEqual(await complete('FROM a\nRUN <<EOF\n  ec|\nEOF\n'), []);
  assert.deepEqual(await complete('FROM a\n# a comment |\n'), []);
});
