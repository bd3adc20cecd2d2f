import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { serverLaunch, v8PoolSize } from '../../server/src/serverLaunch';

const launch = serverLaunch();

// The client starts the server with these settings (client/src/languageClient.ts); a flag Node
// does not know would stop the server from starting at all ("bad option"), in every editor.
test('node accepts the server launch flags, and they cap the young generation', () => {
  // Keep ~40 MB alive while allocating, the way parsed models survive collections: without the
  // cap V8 grows the young generation to 32 MB.
  const probe = `
    const v8 = require('node:v8');
    const keep = [];
    let max = 0;
    for (let i = 0; i < 400000; i++) {
      keep.push({ i, s: 'x' + i });
      if (i % 1000 === 0) max = Math.max(max, v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size);
    }
    console.log(JSON.stringify({ newSpaceMB: max / 1048576, env: process.env.MALLOC_MMAP_THRESHOLD_ }));`;
  const r = spawnSync(process.execPath, [...launch.execArgv, '-e', probe], { env: { ...process.env, ...launch.env }, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, '');
  const out = JSON.parse(r.stdout) as { newSpaceMB: number; env: string };
  assert.ok(out.newSpaceMB <= 6, `young generation grew to ${out.newSpaceMB} MB`);
  assert.equal(out.env, launch.env.MALLOC_MMAP_THRESHOLD_);

  const unflagged = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
  assert.ok((JSON.parse(unflagged.stdout) as { newSpaceMB: number }).newSpaceMB > 6, 'the probe must be able to tell the difference');
});

test("V8's background threads leave the main thread a core of its own, up to Node's 4", () => {
  assert.deepEqual([1, 2, 3, 4, 6, 8, 64].map(v8PoolSize), [1, 1, 2, 3, 4, 4, 4]);
  assert.equal(v8PoolSize(0), 1, 'a machine that reports no cores still gets a thread');
  assert.ok(serverLaunch(2).execArgv.includes('--v8-pool-size=1'));
  assert.ok(serverLaunch(16).execArgv.includes('--v8-pool-size=4'));
});

test("the pool size flag reaches the process: fewer threads than with Node's default pool", () => {
  // Threads of the process itself (main, V8 workers, libuv's loop helpers): /proc/self/status.
  const probe = `console.log(/Threads:\\s+(\\d+)/.exec(require('node:fs').readFileSync('/proc/self/status', 'utf8'))[1])`;
  const threads = (argv: string[]): number => Number(spawnSync(process.execPath, [...argv, '-e', probe], { encoding: 'utf8' }).stdout.trim());
  const small = threads(serverLaunch(2).execArgv);
  const nodeDefault = threads(launch.execArgv.filter((a) => !a.startsWith('--v8-pool-size')));
  assert.equal(nodeDefault - small, 3, `pool of 1 instead of Node's 4: ${small} vs ${nodeDefault} threads`);
});
