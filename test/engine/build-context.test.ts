// The build context against the real engine: .dockerignore gives exactly the file set the docker
// CLI sends (the CLI is the reference), ignored files are absent from the image, the large-context
// warning, and cancelling a build stops it and leaves no container.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import type Dockerode from 'dockerode';
import { buildImage, BuildFailedError, type BuildProgressEvent } from '../../client/src/docker/build';
import { BASE_IMAGE, containersRunning, engine, makeContext, removeContexts, outputOf, removeImages, removeUntaggedImages, uniqueName } from './engine-helpers';

let docker: Dockerode;
const tags: string[] = [];
const stepImages: string[] = [];

before(async () => {
  docker = (await engine()).docker;
});
after(async () => {
  removeContexts();
  await removeImages(docker, tags);
  await removeUntaggedImages(docker, stepImages);
});

function tag(): string {
  const t = `${uniqueName('ctx')}:latest`;
  tags.push(t);
  return t;
}

const IGNORE = [
  '# comment line',
  '*.log',
  '!important.log',
  'node_modules',
  '**/*.tmp',
  'secret?.env',
  '/docs/**',
  '!docs/keep.md',
  'build/',
  'src/*/generated',
  '  spaced.txt  ',
  'Dockerfile',
  '.dockerignore',
  '',
].join('\n');

const FILES: Record<string, string> = {
  Dockerfile: `FROM ${BASE_IMAGE}\nCOPY . /ctx\n`,
  '.dockerignore': IGNORE,
  'a.txt': 'a',
  'app.log': 'log',
  'important.log': 'keep me',
  'node_modules/pkg/index.js': 'x',
  'nested/deep/file.tmp': 'tmp',
  'nested/deep/file.txt': 'txt',
  'top.tmp': 'tmp',
  'secret1.env': 's',
  'secret12.env': 's2',
  'docs/guide.md': 'g',
  'docs/keep.md': 'k',
  'docs/sub/inner.md': 'i',
  'build/out.bin': 'b',
  'src/a/generated/x.js': 'gen',
  'src/a/handwritten.js': 'hw',
  'src/b/c/generated/y.js': 'deeper',
  'spaced.txt': 'sp',
  'with space/file name.txt': 'ws',
  'logs/today.log': 'nested log ("*.log" only matches at the top level)',
};

test('.dockerignore: the image receives exactly the files the docker CLI would send', async () => {
  const dir = makeContext(FILES);
  const t = tag();
  await buildImage(docker, { contextDir: dir, dockerfile: path.join(dir, 'Dockerfile'), tag: t });
  const ours = (await outputOf(docker, t, ['sh', '-c', 'cd /ctx && find . -mindepth 1 | sort'])).trim().split('\n');

  // The reference: the real docker CLI with the classic builder, same context.
  const cliTag = tag();
  const cli = spawnSync('docker', ['build', '-q', '-t', cliTag, dir], { env: { ...process.env, DOCKER_BUILDKIT: '0' }, encoding: 'utf8' });
  assert.equal(cli.status, 0, cli.stderr);
  const reference = (await outputOf(docker, cliTag, ['sh', '-c', 'cd /ctx && find . -mindepth 1 | sort'])).trim().split('\n');

  assert.deepEqual(ours, reference);
  // And the rules themselves, spelled out:
  for (const gone of ['./app.log', './node_modules', './top.tmp', './nested/deep/file.tmp', './secret1.env', './docs/guide.md', './docs/sub', './build', './src/a/generated', './spaced.txt',
    // Sent (the engine needs them) but dropped by the engine after reading, because they are ignored.
    './Dockerfile', './.dockerignore']) {
    assert.ok(!ours.includes(gone), `${gone} must be ignored`);
  }
  for (const kept of ['./a.txt', './important.log', './nested/deep/file.txt', './secret12.env', './docs/keep.md', './src/a/handwritten.js', './src/b/c/generated/y.js', './with space/file name.txt', './logs/today.log']) {
    assert.ok(ours.includes(kept), `${kept} must be sent`);
  }
});

test('.dockerignore: ** prefixes, nested exceptions, classes and re-opened directories match the CLI too', async () => {
  const files: Record<string, string> = {
    Dockerfile: `FROM ${BASE_IMAGE}\nCOPY . /ctx\n`,
    '.dockerignore': ['**/node_modules', '!packages/keep/node_modules', '*/temp*', 'docs/[a-c]*.md', '!docs/b*.md', '**/.git', 'build', '!build/keep.txt', 'src/**/*.map', '?.cfg', ''].join('\n'),
    'node_modules/a/index.js': 'x',
    'packages/one/node_modules/b/index.js': 'x',
    'packages/keep/node_modules/c/index.js': 'kept by an exception',
    'packages/one/index.js': 'x',
    'app/temp.txt': 'x',
    'app/tempdir/x.txt': 'x',
    'app/main.txt': 'x',
    'temp.txt': 'top-level: */temp* needs one directory',
    'docs/a.md': 'x',
    'docs/b.md': 'x',
    'docs/d.md': 'x',
    '.git/HEAD': 'x',
    'sub/.git/HEAD': 'x',
    'build/out.bin': 'x',
    'build/keep.txt': 'x',
    'src/a/b/c.js.map': 'x',
    'src/a/b/c.js': 'x',
    'src/top.map': 'x',
    'a.cfg': 'x',
    'ab.cfg': 'x',
  };
  const dir = makeContext(files);
  const ours = tag();
  await buildImage(docker, { contextDir: dir, dockerfile: path.join(dir, 'Dockerfile'), tag: ours });
  const cliTag = tag();
  const cli = spawnSync('docker', ['build', '-q', '-t', cliTag, dir], { env: { ...process.env, DOCKER_BUILDKIT: '0' }, encoding: 'utf8' });
  assert.equal(cli.status, 0, cli.stderr);
  const list = (image: string) => outputOf(docker, image, ['sh', '-c', 'cd /ctx && find . -mindepth 1 -type f | sort']);
  const [mine, reference] = [await list(ours), await list(cliTag)];
  assert.equal(mine, reference);
  assert.match(mine, /packages\/keep\/node_modules\/c\/index\.js/);
  assert.match(mine, /build\/keep\.txt/);
  assert.doesNotMatch(mine, /build\/out\.bin|docs\/a\.md|sub\/\.git|c\.js\.map|\.\/a\.cfg/);
});

test('a large context without .dockerignore is reported once; with one it is not', async () => {
  const dir = makeContext({ Dockerfile: `FROM ${BASE_IMAGE}\nCOPY . /ctx\n`, 'big.bin': 'x'.repeat(64 * 1024), 'small.txt': 'y' });
  const seen: BuildProgressEvent[] = [];
  await buildImage(docker, { contextDir: dir, dockerfile: path.join(dir, 'Dockerfile'), tag: tag(), largeContextBytes: 1000, onEvent: (e) => seen.push(e) });
  const warnings = seen.filter((e) => e.type === 'large-context');
  assert.equal(warnings.length, 1);

  const withIgnore = makeContext({ Dockerfile: `FROM ${BASE_IMAGE}\nCOPY . /ctx\n`, '.dockerignore': 'nothing-matches\n', 'big.bin': 'x'.repeat(64 * 1024) });
  const seen2: BuildProgressEvent[] = [];
  await buildImage(docker, { contextDir: withIgnore, dockerfile: path.join(withIgnore, 'Dockerfile'), tag: tag(), largeContextBytes: 1000, onEvent: (e) => seen2.push(e) });
  assert.equal(seen2.filter((e) => e.type === 'large-context').length, 0);
});

test('cancelling a running build stops it quickly and leaves no container behind', async () => {
  const marker = `cancel-me-${uniqueName('c')}`;
  const dir = makeContext({ Dockerfile: `FROM ${BASE_IMAGE}\nRUN echo ${marker} && sleep 60\n` });
  const ctrl = new AbortController();
  const started = Date.now();
  let runningIn: string | undefined;
  let error: unknown;
  try {
    await buildImage(docker, {
      contextDir: dir,
      dockerfile: path.join(dir, 'Dockerfile'),
      tag: tag(),
      signal: ctrl.signal,
      onEvent: (e) => {
        if (e.type === 'step-image') stepImages.push(e.imageId);
        if (e.type === 'output' && e.text.startsWith('cancel-me-')) ctrl.abort();
        if (e.type === 'running-in') runningIn = e.containerId;
      },
    });
  } catch (err) {
    error = err;
  }
  assert.ok(error instanceof BuildFailedError, String(error));
  assert.equal(error.failure.kind, 'cancelled');
  assert.ok(runningIn, 'the RUN step had started a container');
  assert.ok(Date.now() - started < 30000, 'cancel does not wait for the 60 s step');
  assert.deepEqual(await containersRunning(docker, marker), [], 'no intermediate container is left');
});

test('an already aborted signal builds nothing', async () => {
  const dir = makeContext({ Dockerfile: `FROM ${BASE_IMAGE}\n` });
  const ctrl = new AbortController();
  ctrl.abort();
  await assert.rejects(buildImage(docker, { contextDir: dir, dockerfile: path.join(dir, 'Dockerfile'), signal: ctrl.signal }), (e: unknown) => e instanceof BuildFailedError && e.failure.kind === 'cancelled');
});
