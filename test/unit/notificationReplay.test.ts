// NotificationReplay: what the client re-sends to a restarted language server (layer facts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NotificationReplay } from '../../client/src/notificationReplay';

test('the latest params per key are replayed, once per key', async () => {
  const replay = new NotificationReplay();
  replay.remember('dockerfileStudio/layerFacts', 'file:///a/Dockerfile', { uri: 'a', facts: [1] });
  replay.remember('dockerfileStudio/layerFacts', 'file:///b/Dockerfile', { uri: 'b', facts: [] });
  replay.remember('dockerfileStudio/layerFacts', 'file:///a/Dockerfile', { uri: 'a', facts: [2] });
  const sent: unknown[] = [];
  assert.equal(await replay.replay(async (method, params) => void sent.push([method, params])), 2);
  assert.deepEqual(sent, [
    ['dockerfileStudio/layerFacts', { uri: 'a', facts: [2] }],
    ['dockerfileStudio/layerFacts', { uri: 'b', facts: [] }],
  ]);
});

test('a failing send does not stop the others, and everything is kept for the next restart', async () => {
  const replay = new NotificationReplay();
  replay.remember('m', 'x', 1);
  replay.remember('m', 'y', 2);
  let calls = 0;
  const n = await replay.replay(async (_m, p) => {
    calls++;
    if (p === 1) throw new Error('server gone');
  });
  assert.equal(calls, 2);
  assert.equal(n, 1);
  const again: unknown[] = [];
  await replay.replay(async (_m, p) => void again.push(p));
  assert.deepEqual(again, [1, 2]);
});
