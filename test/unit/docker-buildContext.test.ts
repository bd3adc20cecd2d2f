// The streamed tar context, read back with the system tar: entries, ignore rules, a Dockerfile
// outside the context, long names, and that the Dockerfile is sent even when ignored.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { createBuildContext } from '../../client/src/docker/buildContext';

const made: string[] = [];
after(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dfs-ctx-unit-'));
  made.push(dir);
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of stream) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

function tarList(archive: Buffer): string[] {
  const r = spawnSync('tar', ['-tf', '-'], { input: archive, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim().split('\n').sort();
}

function tarCat(archive: Buffer, member: string): string {
  const r = spawnSync('tar', ['-xOf', '-', member], { input: archive, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

test('the archive holds the context minus ignored files, always with the Dockerfile and .dockerignore', async () => {
  const longName = `${'deep/'.repeat(30)}${'n'.repeat(120)}.txt`;
  const dir = tree({
    Dockerfile: 'FROM x\n',
    '.dockerignore': 'Dockerfile\n.dockerignore\n*.log\nsecret\n',
    'a.txt': 'alpha',
    'app.log': 'nope',
    'secret/key': 'nope',
    'src/main.c': 'int main;',
    [longName]: 'long',
    'caf\u00e9.txt': 'unicode',
  });
  fs.symlinkSync('a.txt', path.join(dir, 'link'));
  const ctx = await createBuildContext({ contextDir: dir, dockerfile: path.join(dir, 'Dockerfile') });
  const archive = await collect(ctx.stream);
  assert.equal(archive.length % 512, 0);
  const names = tarList(archive);
  assert.ok(names.includes('Dockerfile'));
  assert.ok(names.includes('.dockerignore'));
  assert.ok(names.includes('a.txt'));
  assert.ok(names.includes('link'));
  assert.ok(names.includes('src/main.c'));
  assert.ok(names.includes(longName), 'names over 100 bytes survive (PAX)');
  assert.ok(names.includes('caf\u00e9.txt'));
  assert.ok(!names.some((n) => n.includes('app.log') || n.startsWith('secret')));
  assert.equal(tarCat(archive, 'a.txt'), 'alpha');
  assert.equal(tarCat(archive, longName), 'long');
  assert.equal(ctx.dockerfileName, 'Dockerfile');
  assert.equal(ctx.hasDockerignore, true);
  assert.equal(ctx.stats.files, 6);
});

test('a Dockerfile outside the context gets a generated name inside the archive', async () => {
  const dir = tree({ 'a.txt': 'a' });
  const other = tree({ 'My.Dockerfile': 'FROM y\n' });
  const ctx = await createBuildContext({ contextDir: dir, dockerfile: path.join(other, 'My.Dockerfile') });
  const archive = await collect(ctx.stream);
  assert.match(ctx.dockerfileName, /^\.dockerfile\.[0-9a-f]{20}$/);
  assert.equal(tarCat(archive, ctx.dockerfileName), 'FROM y\n');
});

test('file bodies are streamed in bounded chunks (at most 512 KiB)', async () => {
  const dir = tree({ Dockerfile: 'FROM x\n', 'big.bin': 'z'.repeat(3 * 1024 * 1024) });
  const ctx = await createBuildContext({ contextDir: dir, dockerfile: path.join(dir, 'Dockerfile') });
  let largest = 0;
  // Observe the chunks as `pipe` does (flowing mode; async iteration would concatenate the buffer).
  await new Promise<void>((resolve, reject) => {
    ctx.stream.on('data', (c: Buffer) => (largest = Math.max(largest, c.length)));
    ctx.stream.on('end', resolve);
    ctx.stream.on('error', reject);
  });
  assert.ok(largest <= 512 * 1024, `largest chunk ${largest}`);
  assert.equal(ctx.stats.bytes, 3 * 1024 * 1024 + 7);
});

test('a <Dockerfile>.dockerignore next to the Dockerfile replaces the context .dockerignore (as BuildKit does)', async () => {
  const dir = tree({
    Dockerfile: 'FROM x\n',
    'Dockerfile.dev': 'FROM x\n',
    'Dockerfile.dev.dockerignore': 'b.txt\n',
    '.dockerignore': 'a.txt\n',
    'a.txt': 'a',
    'b.txt': 'b',
  });
  const dev = tarList(await collect((await createBuildContext({ contextDir: dir, dockerfile: path.join(dir, 'Dockerfile.dev') })).stream));
  assert.ok(dev.includes('a.txt'), 'the context .dockerignore does not apply to Dockerfile.dev');
  assert.ok(!dev.includes('b.txt'), 'Dockerfile.dev.dockerignore applies');
  const plain = tarList(await collect((await createBuildContext({ contextDir: dir, dockerfile: path.join(dir, 'Dockerfile') })).stream));
  assert.ok(!plain.includes('a.txt') && plain.includes('b.txt'), 'Dockerfile keeps using .dockerignore');
});
