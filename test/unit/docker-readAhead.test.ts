// readAhead: bounded concurrency with results in input order (the build context's file reads).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readAhead } from '../../client/src/docker/readAhead';

async function* from<T>(items: T[], onReturn?: () => void): AsyncGenerator<T> {
  try {
    for (const i of items) yield i;
  } finally {
    onReturn?.();
  }
}

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('results come in input order although later items finish first', async () => {
  const items = [30, 5, 20, 1, 10, 0, 15];
  const out: number[] = [];
  for await (const r of readAhead(from(items), async (ms) => (await delay(ms), ms), { window: 4 })) out.push(r);
  assert.deepEqual(out, items);
});

test('never more than `window` items in flight, and the window is actually used', async () => {
  let running = 0;
  let peak = 0;
  const work = async (i: number) => {
    running++;
    peak = Math.max(peak, running);
    await delay(5);
    running--;
    return i;
  };
  const out: number[] = [];
  for await (const r of readAhead(from([...Array(20).keys()]), work, { window: 3 })) out.push(r);
  assert.equal(out.length, 20);
  assert.equal(peak, 3);
});

test('the weight cap holds, but a single heavy item still runs', async () => {
  let weightRunning = 0;
  let peakWeight = 0;
  const work = async (w: number) => {
    weightRunning += w;
    peakWeight = Math.max(peakWeight, weightRunning);
    await delay(3);
    weightRunning -= w;
    return w;
  };
  const items = [4, 4, 4, 10, 1, 1, 1, 1];
  const out: number[] = [];
  for await (const r of readAhead(from(items), work, { window: 8, weight: (w) => w, maxWeight: 8 })) out.push(r);
  assert.deepEqual(out, items);
  assert.equal(peakWeight, 10, 'the 10 ran alone; nothing else pushed past the cap');
});

test('a failure surfaces in its turn, after the earlier results', async () => {
  const out: number[] = [];
  const work = async (i: number) => {
    await delay(i === 2 ? 0 : 5);
    if (i === 2) throw new Error('boom at 2');
    return i;
  };
  await assert.rejects(async () => {
    for await (const r of readAhead(from([0, 1, 2, 3]), work, { window: 4 })) out.push(r);
  }, /boom at 2/);
  assert.deepEqual(out, [0, 1]);
});

test('a consumer that stops early lets started work settle and closes the source', async () => {
  let closed = false;
  let settled = 0;
  const work = async (i: number) => {
    await delay(5);
    settled++;
    return i;
  };
  for await (const r of readAhead(from([...Array(10).keys()], () => (closed = true)), work, { window: 4 })) if (r === 1) break;
  assert.ok(closed);
  // Items 0..4 were started (window 4 refilled once after 0): all of them finished before we returned.
  assert.ok(settled >= 4 && settled <= 6, `settled ${settled}`);
});
