// The same build path with the engine's BuildKit (version=2): its protobuf progress decoded into
// steps, output and cache hits, and a failing step mapped to its line even across stages.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import type Dockerode from 'dockerode';
import { buildImage, BuildFailedError, type BuildProgressEvent } from '../../client/src/docker/build';
import { BASE_IMAGE, containersRunning, engine, makeContext, removeContexts, outputOf, removeImages, uniqueName } from './engine-helpers';

let docker: Dockerode;
const tags: string[] = [];
before(async () => {
  docker = (await engine()).docker;
});
after(async () => {
  removeContexts();
  await removeImages(docker, tags);
});

function tag(): string {
  const t = `${uniqueName('bk')}:latest`;
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

test('BuildKit: steps and output are decoded, the image is tagged, a rebuild is cached', async () => {
  const marker = uniqueName('m');
  const dir = makeContext({ Dockerfile: `FROM ${BASE_IMAGE}\nENV GREETING=hi\nRUN echo ${marker} && echo ${marker} > /m\nCOPY a.txt /a.txt\n`, 'a.txt': 'a\n' });
  const t = tag();
  const events: BuildProgressEvent[] = [];
  const first = await buildImage(docker, { contextDir: dir, dockerfile: path.join(dir, 'Dockerfile'), tag: t, builder: 'buildkit', onEvent: (e) => events.push(e) });
  assert.match(first.imageId, /^sha256:/);
  const steps = events.flatMap((e) => (e.type === 'step' ? [`${e.step}/${e.total} ${e.instruction.split(' ')[0]}`] : []));
  // BuildKit numbers only FROM/WORKDIR/RUN/COPY/ADD: ENV has no number.
  assert.ok(steps.includes('2/3 RUN'), steps.join(', '));
  assert.ok(steps.includes('3/3 COPY'), steps.join(', '));
  assert.ok(events.some((e) => e.type === 'output' && e.text.includes(marker)), 'the RUN output reaches the log');
  assert.equal(await outputOf(docker, t, ['cat', '/m', '/a.txt']), `${marker}\na\n`);

  const second = await buildImage(docker, { contextDir: dir, dockerfile: path.join(dir, 'Dockerfile'), tag: t, builder: 'buildkit' });
  assert.ok(second.cacheHits >= 2, `cache hits: ${second.cacheHits}`);
});

test('BuildKit: a failing RUN in a named stage lands on its line with exit code and output', async () => {
  const dir = makeContext({
    Dockerfile: [`FROM ${BASE_IMAGE} AS deps`, 'RUN echo deps-ok', `FROM ${BASE_IMAGE} AS build`, 'ENV MODE=test', 'WORKDIR /src', 'RUN echo building-now && exit 7', 'FROM build', 'RUN echo never', ''].join('\n'),
  });
  const err = await failureOf(buildImage(docker, { contextDir: dir, dockerfile: path.join(dir, 'Dockerfile'), tag: tag(), builder: 'buildkit' }));
  const f = err.failure;
  assert.equal(f.kind, 'step', f.message);
  assert.equal(f.exitCode, 7);
  assert.equal(f.line, 5);
  assert.ok(f.lastOutput.includes('building-now'), f.lastOutput.join('|'));
  assert.deepEqual(await containersRunning(docker, 'building-now'), []);
});

test('BuildKit: an unknown instruction is a parse error on its line', async () => {
  const dir = makeContext({ Dockerfile: `FROM ${BASE_IMAGE}\nRUNN echo\n` });
  const err = await failureOf(buildImage(docker, { contextDir: dir, dockerfile: path.join(dir, 'Dockerfile'), tag: tag(), builder: 'buildkit' }));
  assert.equal(err.failure.kind, 'parse');
  assert.equal(err.failure.line, 1);
});

test('BuildKit: cancelling stops the build and leaves no container', async () => {
  const marker = `bk-cancel-${uniqueName('c')}`;
  const dir = makeContext({ Dockerfile: `FROM ${BASE_IMAGE}\nRUN echo ${marker} && sleep 60\n` });
  const ctrl = new AbortController();
  const started = Date.now();
  const err = await failureOf(
    buildImage(docker, {
      contextDir: dir,
      dockerfile: path.join(dir, 'Dockerfile'),
      tag: tag(),
      builder: 'buildkit',
      signal: ctrl.signal,
      onEvent: (e) => {
        if (e.type === 'output' && e.text.includes('bk-cancel-')) ctrl.abort();
      },
    }),
  );
  assert.equal(err.failure.kind, 'cancelled');
  assert.ok(Date.now() - started < 30000);
  assert.deepEqual(await containersRunning(docker, marker), []);
});
