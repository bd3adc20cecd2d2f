import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CancellationTokenSource, ResponseError, type Connection } from 'vscode-languageserver/node';
import { safeHandler, userError } from '../../server/src/features/safeHandler';

function fakeConnection(): { connection: Connection; errors: string[] } {
  const errors: string[] = [];
  const connection = { console: { error: (m: string) => errors.push(m) } } as unknown as Connection;
  return { connection, errors };
}

test('an exception becomes an internal-error response and a log line, not a crash', () => {
  const { connection, errors } = fakeConnection();
  const handler = safeHandler({ connection }, 'textDocument/hover', () => {
    throw new TypeError('boom');
  });
  const res = handler({}, new CancellationTokenSource().token);
  assert.ok(res instanceof ResponseError);
  assert.equal(res.code, -32603);
  assert.match(res.message, /textDocument\/hover failed: boom/);
  assert.equal(errors.length, 1);
  assert.match(errors[0], /TypeError: boom/);
});

test('a deliberate refusal passes through unlogged; results pass through; a cancelled request does not run', () => {
  const { connection, errors } = fakeConnection();
  const refuse = safeHandler({ connection }, 'textDocument/rename', () => {
    throw userError('keywords cannot be renamed');
  });
  const res = refuse({}, new CancellationTokenSource().token);
  assert.ok(res instanceof ResponseError);
  assert.equal(res.code, -32803);
  assert.equal(errors.length, 0);
  assert.deepEqual(safeHandler({ connection }, 'x', (p: { a: number }) => [p.a])({ a: 1 }, new CancellationTokenSource().token), [1]);
  const source = new CancellationTokenSource();
  source.cancel();
  let ran = false;
  const cancelled = safeHandler({ connection }, 'x', () => {
    ran = true;
  })({}, source.token);
  assert.ok(cancelled instanceof ResponseError && cancelled.code === -32800);
  assert.equal(ran, false);
});
