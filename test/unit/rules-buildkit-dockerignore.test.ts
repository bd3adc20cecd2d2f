// Finding the .dockerignore that CopyIgnoredFile reads: `<Dockerfile>.dockerignore` first, then the
// context's `.dockerignore`, nothing when neither exists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDockerignoreFor } from '../../server/src/rules/buildkit/dockerignoreFile';
import { DockerIgnore } from '../../server/src/rules/buildkit/dockerignore';

test('reads the per-Dockerfile ignore file before the context one', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dfs-ignore-'));
  try {
    const df = join(dir, 'app.Dockerfile');
    assert.equal(readDockerignoreFor(df), undefined);
    writeFileSync(join(dir, '.dockerignore'), 'node_modules\n*.log\n');
    assert.deepEqual(readDockerignoreFor(df), ['node_modules', '*.log', '']);
    writeFileSync(join(dir, 'app.Dockerfile.dockerignore'), '.env\n');
    assert.deepEqual(readDockerignoreFor(df), ['.env', '']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('dockerignore matching: folders, **, ? and the last matching line', () => {
  const ig = new DockerIgnore(['node_modules', '**/*.log', 'build?', '!build2', '/tmp/*', '# not a pattern']);
  assert.ok(ig.excludes('node_modules/left-pad/index.js'));
  assert.ok(ig.excludes('./a/b/c.log'));
  assert.ok(ig.excludes('build1'));
  assert.ok(!ig.excludes('build2'));
  assert.ok(ig.excludes('tmp/x'));
  assert.ok(!ig.excludes('src/app.js'));
  assert.ok(!ig.excludes('# not a pattern'));
});

test('the language server config for a Dockerfile carries its .dockerignore, refreshed when caches clear', async () => {
  const { configForDocument, clearConfigCache } = await import('../../server/src/rules/configFiles');
  const { pathToFileURL } = await import('node:url');
  const dir = mkdtempSync(join(tmpdir(), 'dfs-ignore-lsp-'));
  try {
    const uri = pathToFileURL(join(dir, 'Dockerfile')).href;
    assert.equal(configForDocument(uri).dockerignore, undefined);
    writeFileSync(join(dir, '.dockerignore'), '.env\n');
    assert.equal(configForDocument(uri).dockerignore, undefined, 'cached until the watcher clears the cache');
    clearConfigCache();
    assert.deepEqual(configForDocument(uri).dockerignore, ['.env', '']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
