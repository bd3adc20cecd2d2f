import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import serverLaunch from '../../server/src/serverLaunch.json';

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
  const r = spawnSync(process.execPath, [...serverLaunch.execArgv, '-e', probe], { env: { ...process.env, ...serverLaunch.env }, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, '');
  const out = JSON.parse(r.stdout) as { newSpaceMB: number; env: string };
  assert.ok(out.newSpaceMB <= 6, `young generation grew to ${out.newSpaceMB} MB`);
  assert.equal(out.env, serverLaunch.env.MALLOC_MMAP_THRESHOLD_);

  const unflagged = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
  assert.ok((JSON.parse(unflagged.stdout) as { newSpaceMB: number }).newSpaceMB > 6, 'the probe must be able to tell the difference');
});
