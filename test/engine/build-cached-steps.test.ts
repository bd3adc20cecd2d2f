// A rebuild reports which Dockerfile steps came from the build cache, on their lines, for the
// classic builder and for BuildKit (the "cached" mark next to a line's layer size).
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import type Dockerode from 'dockerode';
import { buildImage } from '../../client/src/docker/build';
import { BASE_IMAGE, engine, makeContext, removeContexts, removeImages, uniqueName } from './engine-helpers';

let docker: Dockerode;
const tags: string[] = [];
before(async () => {
  docker = (await engine()).docker;
});
after(async () => {
  removeContexts();
  await removeImages(docker, tags);
});

for (const builder of ['classic', 'buildkit'] as const) {
  test(`${builder}: the second build of the same context reports its RUN step as cached`, async () => {
    // A marker nobody built before, so the first build cannot hit an old cache entry.
    const marker = uniqueName('cached');
    const dir = makeContext({ Dockerfile: `FROM ${BASE_IMAGE}\nENV MODE=demo\nRUN echo ${marker} > /m\nCOPY a.txt /a.txt\n`, 'a.txt': 'a\n' });
    const tag = `${uniqueName(`cache-${builder}`)}:latest`;
    tags.push(tag);
    const opts = { contextDir: dir, dockerfile: path.join(dir, 'Dockerfile'), tag, builder };
    const runOf = (steps: readonly { line: number; instruction: string; cached: boolean }[]) => steps.find((s) => s.line === 2);

    const first = await buildImage(docker, opts);
    const firstRun = runOf(first.stepCache);
    assert.equal(firstRun?.instruction, `RUN echo ${marker} > /m`, JSON.stringify(first.stepCache));
    assert.equal(firstRun?.cached, false, 'a step never built before is not cached');

    const second = await buildImage(docker, opts);
    assert.equal(runOf(second.stepCache)?.cached, true, JSON.stringify(second.stepCache));
    assert.equal(second.stepCache.find((s) => s.line === 3)?.cached, true, 'COPY of the same file is cached too');
    assert.equal(second.imageId, first.imageId);
  });
}
