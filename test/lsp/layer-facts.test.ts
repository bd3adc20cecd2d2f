// The client's layer analysis reaches the language server as a `dockerfileStudio/layerFacts`
// notification; the open document is linted again and deleted-in-later-layer quotes the bytes.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer, type TestServer } from '../helpers/lspClient';

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.close();
});

const TEXT = 'FROM ubuntu\nRUN mkdir /test\nRUN fallocate -l 100m /test/dummy\nRUN rm /test/dummy\n';
const ruleMessage = (diags: { code?: unknown; message: unknown }[]) => String(diags.find((d) => d.code === 'deleted-in-later-layer')?.message ?? '');

/**
 * The rule's message from the publications that follow `trigger`, waiting past ones that do not
 * match yet (ShellCheck's findings arrive as a separate, later publication of the same text).
 */
async function messageAfter(s: TestServer, uri: string, trigger: () => Promise<void>, want: RegExp): Promise<string> {
  const deadline = Date.now() + 8000;
  let next = s.nextDiagnostics(uri, 8000);
  await trigger();
  for (;;) {
    const message = ruleMessage(await next);
    if (want.test(message) || Date.now() > deadline) return message;
    next = s.nextDiagnostics(uri, Math.max(1, deadline - Date.now()));
  }
}

test('facts sent for an open Dockerfile republish it with the measured figure; empty facts restore the guess', async () => {
  const uri = 'file:///tmp/layer-facts/Dockerfile';
  const first = await server.open(uri, TEXT);
  assert.match(ruleMessage(first), /was added on line 3/, 'before any analysis: what the text says');

  const measured = /^'\/test\/dummy' removes 105 MB added at line 3; the bytes stay in that layer/;
  assert.match(await messageAfter(server, uri, () => server.conn.sendNotification('dockerfileStudio/layerFacts', { uri, facts: [{ path: '/test/dummy', bytes: 104857600, addedAtLine: 2 }] }), measured), measured);

  // An edit keeps the facts (they describe the built image, not one version of the text).
  const edited = await server.change(uri, TEXT.replace('FROM ubuntu', 'FROM ubuntu:24.04'), 2);
  assert.match(ruleMessage(edited), /removes 105 MB/);

  const guess = /was added on line 3/;
  assert.match(await messageAfter(server, uri, () => server.conn.sendNotification('dockerfileStudio/layerFacts', { uri, facts: [] }), guess), guess);
});

test('facts for a document opened later apply when it opens; malformed facts are dropped, not fatal', async () => {
  const uri = 'file:///tmp/layer-facts-later/Dockerfile';
  await server.conn.sendNotification('dockerfileStudio/layerFacts', {
    uri,
    facts: [{ path: '/test/dummy', bytes: 2_000_000, addedAtLine: 2 }, { path: 5, bytes: 'x' }, null, { path: '/test/dummy', bytes: -1, addedAtLine: 2 }],
  });
  await server.conn.sendNotification('dockerfileStudio/layerFacts', 'not an object');
  const diags = await server.open(uri, TEXT);
  assert.match(ruleMessage(diags), /removes 2 MB added at line 3/);
});

test('Korean clients get the figure in Korean', async () => {
  const ko = await startServer({ locale: 'ko' });
  try {
    const uri = 'file:///tmp/layer-facts-ko/Dockerfile';
    await ko.open(uri, TEXT);
    const want = /3번째 줄에서 추가된 100 MB를 지웁니다/;
    assert.match(await messageAfter(ko, uri, () => ko.conn.sendNotification('dockerfileStudio/layerFacts', { uri, facts: [{ path: '/test/dummy', bytes: 100_000_000, addedAtLine: 2 }] }), want), want);
  } finally {
    await ko.close();
  }
});
