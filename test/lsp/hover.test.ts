import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { startServer, type TestServer } from '../helpers/lspClient';

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.close();
});

async function hover(s: TestServer, uri: string, line: number, character: number): Promise<Hover | null> {
  return s.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
}

function text(h: Hover | null): string {
  assert.ok(h, 'expected a hover');
  const c = h.contents as MarkupContent;
  assert.equal(c.kind, 'markdown');
  return c.value;
}

const FILE = [
  '# syntax=docker/dockerfile:1', // 0
  'ARG VERSION=3.20', // 1
  'FROM --platform=$BUILDPLATFORM golang:1.23 AS build', // 2
  'ARG TARGETARCH', // 3
  'ENV APP_HOME=/srv/app LOG=$APP_HOME/log', // 4
  'RUN --mount=type=cache,target=/root/.cache/go-build GOARCH=$TARGETARCH go build -o $APP_HOME/bin $VERSION', // 5
  'FROM build AS test', // 6
  'RUN echo $APP_HOME $NODE_VESION', // 7
  'FROM alpine:${VERSION}', // 8
  'ENV NODE_VERSION=20', // 9
  'COPY --from=build --chown=app:app /srv/app/bin /usr/local/bin/', // 10
  'COPY --from=bulid /x /y', // 11
  'HEALTHCHECK --start-interval=2s CMD wget -q --spider http://localhost/ || exit 1', // 12
  'ONBUILD RUN make', // 13
  'MAINTAINER someone', // 14
  'RUN --mount=type=secret,id=token,required=true cat /run/secrets/token', // 15
  '', // 16
].join('\n');

test('instruction keywords explain what they do, their syntax, an example and the pitfalls', async () => {
  const uri = 'file:///tmp/hover1/Dockerfile';
  await server.open(uri, FILE);
  const h = await hover(server, uri, 5, 1);
  const md = text(h);
  assert.match(md, /^\*\*RUN\*\*/);
  assert.match(md, /RUN vs CMD/);
  assert.match(md, /layer/);
  assert.match(md, /```dockerfile/);
  assert.deepEqual(h!.range, { start: { line: 5, character: 0 }, end: { line: 5, character: 3 } });
  assert.match(text(await hover(server, uri, 2, 2)), /multi-stage build/);
  const health = text(await hover(server, uri, 12, 3));
  assert.match(health, /Only the \*\*last\*\* HEALTHCHECK/);
  assert.match(health, /unhealthy/);
  // HEALTHCHECK's CMD is not the CMD instruction.
  assert.match(text(await hover(server, uri, 12, 33)), /^\*\*HEALTHCHECK CMD\*\*[\s\S]*does not change the image's CMD/);
  // The trigger inside ONBUILD is documented as its own instruction.
  assert.match(text(await hover(server, uri, 13, 9)), /^\*\*RUN\*\*/);
  assert.match(text(await hover(server, uri, 13, 2)), /^\*\*ONBUILD\*\*/);
});

test('flags, mount types and mount keys have their own docs', async () => {
  const uri = 'file:///tmp/hover2/Dockerfile';
  await server.open(uri, FILE);
  assert.match(text(await hover(server, uri, 2, 8)), /--platform\*\* \(flag of FROM\)/);
  assert.match(text(await hover(server, uri, 10, 22)), /--chown\*\* \(flag of COPY\)[\s\S]*root:root/);
  assert.match(text(await hover(server, uri, 12, 16)), /--start-interval[\s\S]*start period/);
  const mountFlag = text(await hover(server, uri, 5, 7));
  assert.match(mountFlag, /--mount\*\* \(flag of RUN\)/);
  const cacheKey = await hover(server, uri, 5, 26);
  assert.match(text(cacheKey), /\*\*target\*\* \(key of `--mount=type=cache`\)/);
  assert.deepEqual(cacheKey!.range, { start: { line: 5, character: 23 }, end: { line: 5, character: 51 } });
  assert.match(text(await hover(server, uri, 5, 19)), /--mount=type=cache\*\* \(mount type\)[\s\S]*persistent cache/);
  assert.match(text(await hover(server, uri, 15, 19)), /never stored/);
  assert.match(text(await hover(server, uri, 15, 36)), /\*\*required\*\* \(key of `--mount=type=secret`\)/);
});

test('parser directives are documented', async () => {
  const uri = 'file:///tmp/hover3/Dockerfile';
  await server.open(uri, '# escape=`\n# check=skip=JSONArgsRecommended\nFROM alpine\n');
  assert.match(text(await hover(server, uri, 0, 3)), /escape=\*\* \(parser directive\)[\s\S]*Windows/);
  assert.match(text(await hover(server, uri, 1, 3)), /check=\*\* \(parser directive\)[\s\S]*skip=/);
});

test('a variable shows its resolved value and where it is defined, or why it is empty', async () => {
  const uri = 'file:///tmp/hover4/Dockerfile';
  await server.open(uri, FILE);
  const global = await hover(server, uri, 8, 16);
  assert.match(text(global), /\*\*\$VERSION\*\* — ARG[\s\S]*Value: `3\.20`[\s\S]*Defined on line 2/);
  assert.deepEqual(global!.range, { start: { line: 8, character: 12 }, end: { line: 8, character: 22 } });
  // ENV expands the ARG-free earlier value; an instruction does not see its own pairs.
  assert.match(text(await hover(server, uri, 5, 86)), /\*\*\$APP_HOME\*\* — ENV[\s\S]*`\/srv\/app`[\s\S]*line 5/);
  assert.match(text(await hover(server, uri, 4, 30)), /Not defined here/);
  // A global ARG is not visible in the stage until redeclared.
  assert.match(text(await hover(server, uri, 5, 100)), /global `ARG VERSION` exists on line 2[\s\S]*redeclare/);
  // Automatic platform args: declared in the stage, value known only at build time.
  assert.match(text(await hover(server, uri, 5, 62)), /\$TARGETARCH\*\* — ARG[\s\S]*Set by BuildKit[\s\S]*Defined on line 4/);
  assert.match(text(await hover(server, uri, 2, 20)), /\$BUILDPLATFORM[\s\S]*machine \*\*running\*\* the build/);
  // Inherited from the parent stage; a typo gets a suggestion.
  assert.match(text(await hover(server, uri, 7, 12)), /`\/srv\/app`[\s\S]*Inherited from the parent stage `build`/);
  assert.match(text(await hover(server, uri, 7, 22)), /empty string[\s\S]*NODE_VERSION/);
  // The declaration itself.
  assert.match(text(await hover(server, uri, 9, 6)), /\*\*NODE_VERSION\*\* — ENV[\s\S]*`20`/);
});

test('a FROM line only sees global ARGs', async () => {
  const uri = 'file:///tmp/hover8/Dockerfile';
  await server.open(uri, 'FROM alpine\nARG TAG=3.20\nFROM alpine:$TAG\n');
  assert.match(text(await hover(server, uri, 2, 14)), /empty string[\s\S]*FROM lines only see global ARGs/);
});

test('a stage declaration counts COPY --from, FROM and RUN --mount=from users', async () => {
  const uri = 'file:///tmp/hover9/Dockerfile';
  await server.open(uri, 'FROM alpine AS deps\nFROM alpine\nRUN --mount=type=bind,from=deps,target=/d ls /d\nRUN --mount=type=bind,from=deps,target=/d cat /d/x\n');
  assert.match(text(await hover(server, uri, 0, 16)), /Used on lines 3, 4/);
  assert.match(text(await hover(server, uri, 2, 29)), /\*\*Stage `deps`\*\*/);
});

test('stage names and COPY --from show the stage, or warn that a name will be pulled as an image', async () => {
  const uri = 'file:///tmp/hover5/Dockerfile';
  await server.open(uri, FILE);
  const ref = text(await hover(server, uri, 10, 14));
  assert.match(ref, /\*\*Stage `build`\*\* \(index 0, line 3\)/);
  assert.match(ref, /golang:1\.23/);
  assert.match(text(await hover(server, uri, 11, 14)), /`bulid`\*\*: no stage above has this name/);
  assert.match(text(await hover(server, uri, 2, 48)), /Stage `build`[\s\S]*Used on lines 7, 11/);
  assert.match(text(await hover(server, uri, 6, 7)), /Stage `build`/);
});

test('a diagnostic under the cursor adds the rule documentation', async () => {
  const uri = 'file:///tmp/hover6/Dockerfile';
  const diags = await server.open(uri, FILE);
  const d = diags.find((x) => x.code === 'maintainer-deprecated');
  assert.ok(d);
  // The keyword is flagged: its docs first, then the rule's.
  const md = text(await hover(server, uri, d.range.start.line, d.range.start.character + 1));
  assert.match(md, /^\*\*MAINTAINER\*\*[\s\S]*\n---\n[\s\S]*\(`maintainer-deprecated` · `DL4000`/);
  assert.match(md, /\*\*Why it matters:\*\*/);
  assert.match(md, /Fixed:\n\n```dockerfile\n[\s\S]*LABEL/);
  // Outside the diagnostic's range, no rule doc.
  assert.equal(await hover(server, uri, 14, 14), null);
});

test('nothing to say on blank lines and plain arguments', async () => {
  const uri = 'file:///tmp/hover7/Dockerfile';
  await server.open(uri, 'FROM alpine:3.20\n\nRUN echo hello\n');
  assert.equal(await hover(server, uri, 1, 0), null);
  assert.equal(await hover(server, uri, 2, 10), null);
  assert.equal(await hover(server, 'file:///tmp/not-open/Dockerfile', 0, 0), null);
});

test('Korean from the client locale', async () => {
  const ko = await startServer({ locale: 'ko-KR' });
  try {
    const uri = 'file:///tmp/hover-ko/Dockerfile';
    await ko.open(uri, FILE);
    const run = text(await hover(ko, uri, 5, 1));
    assert.match(run, /RUN과 CMD의 차이/);
    assert.match(run, /\*\*주의할 점\*\*/);
    assert.match(text(await hover(ko, uri, 8, 16)), /값: `3\.20`[\s\S]*2번 줄에서 정의/);
    assert.match(text(await hover(ko, uri, 10, 22)), /COPY의 옵션/);
    assert.match(text(await hover(ko, uri, 14, 3)), /\*\*왜 문제인가요\?\*\*/);
  } finally {
    await ko.close();
  }
});

test('Korean from the dockerfileStudio.language setting, even with an English client', async () => {
  const ko = await startServer({ locale: 'en', settings: { language: 'ko' } });
  try {
    const uri = 'file:///tmp/hover-ko2/Dockerfile';
    await ko.open(uri, FILE);
    // Settings arrive after `initialized` (workspace/configuration): wait for them, bounded.
    const deadline = Date.now() + 10000;
    let md = text(await hover(ko, uri, 12, 3));
    while (!/헬스 체크|검사/.test(md) && Date.now() < deadline) {
      await new Promise((r) => setImmediate(r));
      md = text(await hover(ko, uri, 12, 3));
    }
    assert.match(md, /제대로 동작하는지/);
    assert.match(md, /`\|\| exit 1`로 끝내세요/);
  } finally {
    await ko.close();
  }
});
