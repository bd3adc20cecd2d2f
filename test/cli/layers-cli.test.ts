import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { runCli } from '../../server/src/cli/runCli';
import { buildTar } from '../../client/src/docker/layers/tarWriter';
import { buildExport } from '../unit/layers-fixtures';

// A 4000-byte file written by one layer and deleted by the next, on a 1000-byte base.
const layers = [
  buildTar([{ path: 'bin', type: 'directory' }, { path: 'bin/tool', content: Buffer.alloc(1000) }]),
  buildTar([{ path: 'tmp', type: 'directory' }, { path: 'tmp/cache', content: Buffer.alloc(4000) }]),
  buildTar([{ path: 'tmp', type: 'directory' }, { path: 'tmp/.wh.cache' }]),
];
const history = [
  { created_by: '/bin/sh -c #(nop) ADD file:base in / ' },
  { created_by: '/bin/sh -c #(nop)  ENV MODE=ci', empty_layer: true },
  { created_by: '/bin/sh -c fetch > /tmp/cache' },
  { created_by: '/bin/sh -c rm /tmp/cache' },
];
const dir = mkdtempSync(join(tmpdir(), 'dfs-layers-cli-'));
const archive = join(dir, 'image.tar');
writeFileSync(archive, buildExport(layers, { layout: 'oci', gzip: true, history, repoTag: 'ci/app:1' }));
test.after(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code = await runCli(['layers', ...argv], { stdout, stderr, cwd: dir, env: { LANG: 'C' } });
  return { code, stdout: out, stderr: err };
}

test('json output has the documented shape with sizes in bytes', async () => {
  const r = await cli('--archive', archive, '--format', 'json', 'ci/app:1');
  assert.equal(r.code, 0, r.stderr);
  const j = JSON.parse(r.stdout);
  assert.equal(j.image, 'ci/app:1');
  assert.equal(j.size, 5000);
  assert.equal(j.wastedBytes, 4000);
  assert.equal(j.efficiency, 1000 / 5000);
  assert.deepEqual(
    j.layers.map((l: Record<string, unknown>) => [l.createdBy, l.size, l.added, l.changed, l.deleted]),
    [
      ['ADD file:base in /', 1000, 2, 0, 0],
      ['RUN fetch > /tmp/cache', 4000, 2, 0, 0],
      ['RUN rm /tmp/cache', 0, 0, 1, 1],
    ],
  );
  assert.deepEqual(j.inefficient, [{ path: '/tmp/cache', count: 2, wastedBytes: 4000, addedIn: [1], removedIn: [2] }]);
  assert.deepEqual(j.history.map((h: { emptyLayer: boolean }) => h.emptyLayer), [false, true, false, false]);
});

test('exit 1 when a threshold is crossed, 0 when all hold', async () => {
  const cases: [string[], number][] = [
    [['--lowest-efficiency', '0.5'], 1],
    [['--lowest-efficiency', '0.2'], 0],
    [['--highest-wasted-bytes', '3kB'], 1],
    [['--highest-wasted-bytes', '4000'], 0],
    [['--highest-user-wasted-percent', '90%'], 1], // 4000 / 4000 = 100 % of the user bytes
    [['--highest-user-wasted-percent', '1'], 0],
  ];
  for (const [flags, expected] of cases) {
    const r = await cli('--archive', archive, ...flags, 'ci/app:1');
    assert.equal(r.code, expected, `${flags.join(' ')}: ${r.stdout}${r.stderr}`);
    assert.match(r.stdout, expected ? /FAIL/ : /PASS/);
  }
});

test('text output lists layers, the empty ENV step and the wasted file, in English or Korean', async () => {
  const en = await cli('--archive', archive, 'ci/app:1');
  assert.equal(en.code, 0);
  assert.match(en.stdout, /RUN fetch > \/tmp\/cache/);
  assert.match(en.stdout, /ENV MODE=ci {2}\(no layer: metadata only\)/);
  assert.match(en.stdout, /4 kB +\/tmp\/cache +added by layer 1, hidden by layer 2/);
  const ko = await cli('--archive', archive, '--language', 'ko', '--lowest-efficiency', '0.9', 'ci/app:1');
  assert.equal(ko.code, 1);
  assert.match(ko.stdout, /레이어 1에서 추가, 레이어 2에서 가려짐/);
  assert.match(ko.stdout, /FAIL lowest-efficiency: 효율성 20\.0%/);
});

test('usage errors exit 2 and explain', async () => {
  assert.equal((await cli()).code, 2);
  assert.equal((await cli('--format', 'yaml', 'x')).code, 2);
  const bad = await cli('--highest-wasted-bytes', 'lots', 'x');
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /needs a size such as 20MB/);
  const missing = await cli('--archive', join(dir, 'nope.tar'), 'x');
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /No such file/);
});

test('the bundled CLI runs the command', () => {
  const r = spawnSync(process.execPath, ['dist/cli.js', 'layers', '--archive', archive, '--format', 'json', '--highest-wasted-bytes', '1kB', 'ci/app:1'], { encoding: 'utf8' });
  assert.equal(r.status, 1, r.stderr);
  assert.equal(JSON.parse(r.stdout).checks[0].passed, false);
});

test('an unreachable engine exits 2 with the explanation, not a stack trace', async () => {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let err = '';
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code = await runCli(['layers', 'any:1'], { stdout, stderr, cwd: dir, env: { LANG: 'C', DOCKER_HOST: `unix://${join(dir, 'no-engine.sock')}` } });
  assert.equal(code, 2);
  assert.match(err, /no-engine\.sock/);
  assert.doesNotMatch(err, /\n\s+at /);
});
