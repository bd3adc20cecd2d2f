// Builds through our Engine API path against the real test engine: success and cache, a failing
// RUN mapped to its line with the exit code, an unknown instruction, build args and target stage.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import type Dockerode from 'dockerode';
import { buildImage, BuildFailedError, type BuildProgressEvent } from '../../client/src/docker/build';
import { BASE_IMAGE, containersRunning, engine, makeContext, removeContexts, outputOf, removeImages, removeUntaggedImages, uniqueName } from './engine-helpers';

let docker: Dockerode;
const tags: string[] = [];

before(async () => {
  docker = (await engine()).docker;
});
const stepImages: string[] = [];
after(async () => {
  removeContexts();
  await removeImages(docker, tags);
  await removeUntaggedImages(docker, stepImages);
});

/** Collects the step images of builds that fail, so their cache entries can be removed. */
function collect(e: BuildProgressEvent): void {
  if (e.type === 'step-image') stepImages.push(e.imageId);
}

function tag(): string {
  const t = `${uniqueName('build')}:latest`;
  tags.push(t);
  return t;
}

async function failureOf(p: Promise<unknown>): Promise<BuildFailedError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof BuildFailedError) return err;
    throw err;
  }
  assert.fail('the build should have failed');
}

test('a build succeeds, tags the image, and a second identical build is served from the cache', async () => {
  const marker = uniqueName('marker');
  const dir = makeContext({
    Dockerfile: `FROM ${BASE_IMAGE}\nRUN echo ${marker} > /marker\nCOPY hello.txt /hello.txt\nCMD ["cat", "/marker", "/hello.txt"]\n`,
    'hello.txt': 'hello from the context\n',
  });
  const t = tag();
  const events: BuildProgressEvent[] = [];
  const first = await buildImage(docker, { contextDir: dir, dockerfile: path.join(dir, 'Dockerfile'), tag: t, onEvent: (e) => events.push(e) });
  assert.match(first.imageId, /^sha256:[0-9a-f]{64}$/);
  assert.equal(first.steps, 4);
  assert.equal(first.cacheHits, 0);
  const steps = events.filter((e) => e.type === 'step');
  assert.deepEqual(
    steps.map((s) => (s.type === 'step' ? `${s.step}/${s.total} ${s.instruction.split(' ')[0]}` : '')),
    ['1/4 FROM', '2/4 RUN', '3/4 COPY', '4/4 CMD'],
  );
  const inspected = await docker.getImage(t).inspect();
  assert.equal(inspected.Id, first.imageId);
  assert.equal(await outputOf(docker, t, ['cat', '/marker', '/hello.txt']), `${marker}\nhello from the context\n`);

  const second = await buildImage(docker, { contextDir: dir, dockerfile: path.join(dir, 'Dockerfile'), tag: t });
  assert.equal(second.imageId, first.imageId);
  assert.equal(second.cacheHits, 3, 'RUN, COPY and CMD come from the cache');

  const third = await buildImage(docker, { contextDir: dir, dockerfile: path.join(dir, 'Dockerfile'), tag: t, noCache: true });
  assert.equal(third.cacheHits, 0, 'no-cache rebuilds every step');
  assert.notEqual(third.imageId, first.imageId);
  stepImages.push(first.imageId); // untagged now: removed with the other leftovers
});

test('a failing RUN is reported on its Dockerfile line with exit code and last output, leaving no container', async () => {
  const marker = `about-to-fail-${uniqueName('f')}`;
  const dir = makeContext({
    Dockerfile: `# a comment line\nFROM ${BASE_IMAGE}\nRUN echo fine\nRUN echo ${marker} && \\\n    echo second-line && exit 3\nRUN echo never\n`,
  });
  const err = await failureOf(buildImage(docker, { contextDir: dir, dockerfile: path.join(dir, 'Dockerfile'), tag: tag(), onEvent: collect }));
  const f = err.failure;
  assert.equal(f.kind, 'step');
  assert.equal(f.exitCode, 3);
  assert.equal(f.step, 3);
  assert.equal(f.line, 3, '0-based line of the failing RUN');
  assert.equal(f.endLine, 4, 'the continuation line belongs to the same instruction');
  assert.match(f.message, /returned a non-zero code: 3/);
  assert.ok(f.lastOutput.some((l) => l.startsWith('about-to-fail-')), f.lastOutput.join('|'));
  assert.ok(f.lastOutput.includes('second-line'));
  assert.deepEqual(await containersRunning(docker, marker), [], 'forcerm leaves no intermediate container');
});

test('exit code 127 carries a hint that the command does not exist', async () => {
  const dir = makeContext({ Dockerfile: `FROM ${BASE_IMAGE}\nRUN definitely-not-a-command-xyz\n` });
  const err = await failureOf(buildImage(docker, { contextDir: dir, dockerfile: path.join(dir, 'Dockerfile'), tag: tag(), onEvent: collect }));
  assert.equal(err.failure.exitCode, 127);
  assert.equal(err.failure.line, 1);
  assert.match(err.failure.hint?.message ?? '', /could not find the command/);
});

test('an unknown instruction is a parse error on its line', async () => {
  const dir = makeContext({ Dockerfile: `FROM ${BASE_IMAGE}\n\nRUNN echo typo\n` });
  const err = await failureOf(buildImage(docker, { contextDir: dir, dockerfile: path.join(dir, 'Dockerfile'), tag: tag(), onEvent: collect }));
  assert.equal(err.failure.kind, 'parse');
  assert.equal(err.failure.line, 2);
  assert.match(err.failure.message, /unknown instruction: RUNN/i);
});

test('build args and the target stage are honoured, and steps are numbered up to the target', async () => {
  const dir = makeContext({
    'docker/app.Dockerfile': [
      'ARG GREETING=hello',
      `FROM ${BASE_IMAGE} AS base`,
      'ARG GREETING',
      'RUN echo "greeting=$GREETING" > /greeting',
      'FROM base AS test',
      'RUN echo test-stage > /stage',
      'FROM base AS final',
      'RUN echo final-stage > /stage',
      'RUN exit 9',
      '',
    ].join('\n'),
  });
  const t = tag();
  const totals = new Set<number>();
  await buildImage(docker, {
    contextDir: dir,
    dockerfile: path.join(dir, 'docker', 'app.Dockerfile'),
    tag: t,
    target: 'test',
    buildArgs: { GREETING: 'bonjour' },
    onEvent: (e) => {
      if (e.type === 'step') totals.add(e.total);
    },
  });
  assert.deepEqual([...totals], [6], 'the meta ARG, base (3) and test (2): later stages are not built');
  assert.equal(await outputOf(docker, t, ['cat', '/greeting', '/stage']), 'greeting=bonjour\ntest-stage\n');

  // Without a target the last stage is built and fails at its RUN exit 9 (line 9).
  const err = await failureOf(buildImage(docker, { contextDir: dir, dockerfile: path.join(dir, 'docker', 'app.Dockerfile'), tag: tag(), onEvent: collect }));
  assert.equal(err.failure.exitCode, 9);
  assert.equal(err.failure.line, 8);
});

test('a Dockerfile outside the context is sent under a generated name', async () => {
  const ctx = makeContext({ 'data.txt': 'outside-dockerfile-ok\n' });
  const elsewhere = makeContext({ 'Build.Dockerfile': `FROM ${BASE_IMAGE}\nCOPY data.txt /data.txt\n` });
  const t = tag();
  await buildImage(docker, { contextDir: ctx, dockerfile: path.join(elsewhere, 'Build.Dockerfile'), tag: t });
  assert.equal(await outputOf(docker, t, ['cat', '/data.txt']), 'outside-dockerfile-ok\n');
});

test('a build against an engine that is gone is an engine problem, not a Dockerfile error', async () => {
  const { EngineUnavailableError } = await import('../../client/src/docker/engineErrors');
  const { createDockerClient, resolveEngineEndpoint } = await import('../../client/src/docker/engine');
  const gone = createDockerClient(resolveEngineEndpoint({ setting: 'unix:///nonexistent/docker.sock' }));
  const dir = makeContext({ Dockerfile: `FROM ${BASE_IMAGE}\n` });
  const err = await buildImage(gone, { contextDir: dir, dockerfile: path.join(dir, 'Dockerfile') }).then(
    () => assert.fail('should fail'),
    (e: unknown) => e,
  );
  assert.ok(err instanceof EngineUnavailableError, String(err));
  assert.equal(err.problem.kind, 'not-running');
});
