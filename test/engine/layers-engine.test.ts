// The layer analyser against a real engine: an image with known content is built on the local
// busybox base, exported through the Engine API, and analysed as the classic `docker save` layout
// and as an OCI layout (gzip blobs) made from the same layers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable, PassThrough } from 'node:stream';
import Dockerode from 'dockerode';
import { analyseEngineImage, analyseImageExport } from '../../client/src/docker/layers/analyseImage';
import { TarParser } from '../../client/src/docker/layers/tarParser';
import { buildTar } from '../../client/src/docker/layers/tarWriter';
import type { ImageAnalysis, PathChange } from '../../client/src/docker/layers/layerAnalysis';
import type { HistoryEntry } from '../../client/src/docker/layers/imageLayout';
import { runCli } from '../../server/src/cli/runCli';
import { buildExport, chunked } from '../unit/layers-fixtures';

const docker = new Dockerode();
const tag = `dfs-test-layers-known:${process.pid}`;
const FIVE_MB = 5 * 1024 * 1024;
const dockerfile = `FROM dfs-test/busybox:latest
RUN mkdir /data && head -c ${FIVE_MB} /dev/zero > /data/big
RUN echo one > /data/note
ENV GREETING=hello
RUN echo second > /data/note
RUN rm /data/big
`;

async function build(): Promise<void> {
  const context = Readable.from([buildTar([{ path: 'Dockerfile', content: dockerfile }])]);
  const stream = await docker.buildImage(context, { t: tag, rm: true, forcerm: true });
  const events = await new Promise<Array<{ error?: string; errorDetail?: unknown }>>((resolve, reject) =>
    docker.modem.followProgress(stream, (err, out) => (err ? reject(err) : resolve(out as Array<{ error?: string }>))),
  );
  const failed = events.find((e) => e.error);
  if (failed) throw new Error(`build failed: ${failed.error}`);
}

test.before(build, { timeout: 120_000 });
test.after(async () => {
  await docker.getImage(tag).remove({ force: true }).catch(() => undefined);
});

const change = (path: string, kind: PathChange['kind'], size = 0): PathChange => ({ path, kind, size });

function assertKnown(a: ImageAnalysis): void {
  const base = a.layers[0].size;
  assert.ok(base > 1_000_000, 'the busybox base layer holds the busybox binary');
  assert.deepEqual(
    a.layers.slice(1).map((l) => [l.instruction, l.size, l.wastedBytes, l.added, l.changed, l.deleted]),
    [
      [`RUN mkdir /data && head -c ${FIVE_MB} /dev/zero > /data/big`, FIVE_MB, FIVE_MB, [change('data', 'directory'), change('data/big', 'file', FIVE_MB)], [], []],
      ['RUN echo one > /data/note', 4, 4, [change('data/note', 'file', 4)], [change('data', 'directory')], []],
      ['RUN echo second > /data/note', 7, 0, [], [change('data', 'directory'), change('data/note', 'file', 7)], []],
      ['RUN rm /data/big', 0, 0, [], [change('data', 'directory')], [change('data/big', 'file', FIVE_MB)]],
    ],
  );
  assert.equal(a.layers[0].wastedBytes, 0);
  assert.equal(a.size, base + FIVE_MB + 4 + 7);
  assert.equal(a.wastedBytes, FIVE_MB + 4);
  assert.equal(a.userWastedPercent, (FIVE_MB + 4) / (FIVE_MB + 11));
  // dive: every base path once (Σmin = Σall = base); data/big: 5 MiB then a whiteout sized 0;
  // data/note: 4 then 7 bytes (min 4, all 11).
  assert.equal(a.efficiency, (base + 4) / (base + FIVE_MB + 11));
  assert.deepEqual(
    a.inefficient.map((w) => [w.path, w.count, w.wastedBytes, w.addedIn, w.removedIn]),
    [
      ['data/big', 2, FIVE_MB, [1], [4]],
      ['data/note', 2, 4, [2], [3]],
    ],
  );
  assert.deepEqual(
    a.history.slice(-5).map((h) => [h.instruction, h.emptyLayer, h.layerIndex]),
    [
      [`RUN mkdir /data && head -c ${FIVE_MB} /dev/zero > /data/big`, false, 1],
      ['RUN echo one > /data/note', false, 2],
      ['ENV GREETING=hello', true, undefined],
      ['RUN echo second > /data/note', false, 3],
      ['RUN rm /data/big', false, 4],
    ],
  );
}

test('the engine\'s own export (docker save layout), streamed once', { timeout: 60_000 }, async () => {
  const a = await analyseEngineImage(docker, tag);
  assert.equal(a.layout, 'docker-save');
  assert.deepEqual(a.repoTags, [tag]);
  assertKnown(a);
  // Sizes agree with what the engine itself reports in `docker history` for the layers we made.
  const history = (await docker.getImage(tag).history()) as Array<{ Size: number; CreatedBy: string }>;
  const engineSizes = history
    .slice()
    .reverse()
    .filter((h) => !h.CreatedBy.includes('#(nop)'))
    .slice(1)
    .map((h) => h.Size);
  assert.deepEqual(engineSizes, a.layers.slice(1).map((l) => l.size));
});

test('an OCI layout with gzip blobs made from the same layers gives the same analysis', { timeout: 60_000 }, async () => {
  const exported = await readAll(await docker.getImage(tag).get());
  // Pull the layer tars and config out of the engine's export, in manifest order.
  const files = new Map<string, Buffer>();
  const parser = new TarParser((h) => {
    if (h.type !== 'file') return undefined;
    const parts: Buffer[] = [];
    return { data: (c) => parts.push(Buffer.from(c)), end: () => files.set(h.path, Buffer.concat(parts)) };
  });
  parser.write(exported);
  parser.end();
  const manifest = JSON.parse((files.get('manifest.json') as Buffer).toString()) as Array<{ Config: string; Layers: string[] }>;
  const config = JSON.parse((files.get(manifest[0].Config) as Buffer).toString()) as { history: HistoryEntry[] };
  const layers = manifest[0].Layers.map((p) => files.get(p) as Buffer);
  const oci = buildExport(layers, { layout: 'oci', gzip: true, history: config.history, repoTag: tag });
  const a = await analyseImageExport(chunked(oci, 64 * 1024), tag);
  assert.equal(a.layout, 'oci');
  assert.equal(a.layers[1].compression, 'gzip');
  assert.ok(a.layers[1].storedBytes < FIVE_MB / 100, 'five MiB of zeros compress to a few kB');
  assertKnown(a);
});

test('the CLI analyses an engine image and fails the wasted-bytes threshold', { timeout: 60_000 }, async () => {
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  const code = await runCli(['layers', '--format', 'json', '--highest-wasted-bytes', '5MB', '--lowest-efficiency', '0.2', tag], { stdout, stderr: new PassThrough(), cwd: process.cwd(), env: process.env });
  assert.equal(code, 1); // 5 242 884 wasted bytes > 5 000 000
  const j = JSON.parse(out);
  assert.equal(j.wastedBytes, FIVE_MB + 4);
  assert.deepEqual(j.checks.map((c: { rule: string; passed: boolean }) => [c.rule, c.passed]), [['lowest-efficiency', true], ['highest-wasted-bytes', false]]);
  assert.deepEqual(j.layers.slice(1).map((l: { added: number; changed: number; deleted: number }) => [l.added, l.changed, l.deleted]), [[2, 0, 0], [1, 1, 0], [0, 2, 0], [0, 1, 1]]);
});

test('the CLI explains a missing image and exits 2', { timeout: 30_000 }, async () => {
  const stderr = new PassThrough();
  let err = '';
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code = await runCli(['layers', 'dfs-test-layers-missing:never'], { stdout: new PassThrough(), stderr, cwd: process.cwd(), env: process.env });
  assert.equal(code, 2);
  assert.match(err, /no image named dfs-test-layers-missing:never/);
});

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of stream) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

test('a BuildKit build of the same Dockerfile: history without its noise, lines matched, the same waste', { timeout: 120_000 }, async () => {
  const { matchHistoryToDockerfile } = await import('../../client/src/views/layersLineModel');
  const bkTag = `dfs-test-layers-buildkit:${process.pid}`;
  const modem = docker.modem as unknown as { dial(o: Record<string, unknown>, cb: (err: unknown, res: unknown) => void): void };
  try {
    // POST /build?version=2 with a tar context: BuildKit without a session, as the build command does.
    const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
      modem.dial(
        { path: '/build?', method: 'POST', file: Readable.from([buildTar([{ path: 'Dockerfile', content: dockerfile }])]), options: { t: bkTag, version: '2' }, isStream: true, statusCodes: { 200: true, 400: 'bad parameter', 500: 'server error' } },
        (err, res) => (err ? reject(err) : resolve(res as NodeJS.ReadableStream)),
      ),
    );
    const out = await new Promise<Array<{ error?: string }>>((resolve, reject) => docker.modem.followProgress(stream, (e, o) => (e ? reject(e) : resolve(o as Array<{ error?: string }>))));
    assert.equal(out.find((e) => e.error)?.error, undefined);

    const a = await analyseEngineImage(docker, bkTag);
    assert.deepEqual(
      a.history.slice(1).map((h) => [h.createdBy.endsWith('# buildkit') || h.createdBy.startsWith('ENV'), h.instruction, h.layerIndex]),
      [
        [true, `RUN mkdir /data && head -c ${FIVE_MB} /dev/zero > /data/big`, 1],
        [true, 'RUN echo one > /data/note', 2],
        [true, 'ENV GREETING=hello', undefined],
        [true, 'RUN echo second > /data/note', 3],
        [true, 'RUN rm /data/big', 4],
      ],
    );
    // BuildKit also records the mount points it created (/dev, /proc, /sys: the base lacks them)
    // and touches /etc in every RUN; the files and the waste are the same as the classic build's.
    assert.deepEqual(
      a.layers.slice(1).map((l) => [l.added.map((c) => c.path), l.changed.map((c) => c.path), l.deleted.map((c) => c.path), l.size]),
      [
        [['data', 'data/big', 'dev', 'proc', 'sys'], ['etc'], [], FIVE_MB],
        [['data/note'], ['data', 'etc'], [], 4],
        [[], ['data', 'data/note', 'etc'], [], 7],
        [[], ['data', 'etc'], ['data/big'], 0],
      ],
    );
    assert.equal(a.wastedBytes, FIVE_MB + 4);
    const history = (await docker.getImage(bkTag).history()) as Array<{ CreatedBy: string }>;
    const lines = matchHistoryToDockerfile(history.slice().reverse().map((h) => h.CreatedBy), dockerfile);
    assert.deepEqual(lines?.map((m) => m.line), [1, 2, 3, 4, 5]);
  } finally {
    await docker.getImage(bkTag).remove({ force: true }).catch(() => undefined);
  }
});
