// The analyser must never hold a layer in memory: these exports are generated lazily, piece by
// piece, and the test watches the memory held by buffers while they stream through.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createGzip } from 'node:zlib';
import { Readable } from 'node:stream';
import { analyseImageExport } from '../../client/src/docker/layers/analyseImage';
import { tarHeader, buildTar } from '../../client/src/docker/layers/tarWriter';

const MiB = 1024 * 1024;
const zeros = Buffer.alloc(MiB);

/** A layer tar holding one file of `size` zero bytes, produced lazily. */
function* layerTar(size: number): Generator<Buffer> {
  yield tarHeader({ path: 'big.bin' }, size);
  for (let left = size; left > 0; left -= MiB) yield left >= MiB ? zeros : zeros.subarray(0, left);
  yield Buffer.alloc(1024);
}

/**
 * Buffers already passed on stay counted until V8's next collection, which comes when it likes:
 * a streaming pass shows tens of MiB of such garbage at its peak (32.1 MiB once in CI), a pass that
 * held the layer would show at least the layer itself (256 or 512 MiB). The bound sits between.
 */
const BUFFER_BOUND = 64 * MiB;

let peak = 0;
const sample = (): void => {
  peak = Math.max(peak, process.memoryUsage().arrayBuffers);
};

async function* exportStream(layer: AsyncIterable<Buffer> | Iterable<Buffer>, layerBytes: number, path: string, metadata: Buffer): AsyncGenerator<Buffer> {
  yield tarHeader({ path }, layerBytes);
  for await (const piece of layer) {
    sample();
    yield piece;
  }
  const pad = layerBytes % 512 ? 512 - (layerBytes % 512) : 0;
  yield Buffer.alloc(pad);
  yield metadata.subarray(0, metadata.length - 1024); // the metadata entries, then the end marker
  yield Buffer.alloc(1024);
}

function metadataFor(layerPath: string): Buffer {
  const config = JSON.stringify({ rootfs: { type: 'layers', diff_ids: ['sha256:x'] }, history: [{ created_by: 'COPY big.bin /' }] });
  return buildTar([
    { path: 'cfg.json', content: config },
    { path: 'manifest.json', content: JSON.stringify([{ Config: 'cfg.json', RepoTags: ['big:1'], Layers: [layerPath] }]) },
  ]);
}

test('a 512 MiB uncompressed layer streams through without being buffered', { timeout: 60_000 }, async () => {
  const size = 512 * MiB;
  const tarBytes = 512 + size + 1024;
  const before = process.memoryUsage().arrayBuffers;
  peak = before;
  const a = await analyseImageExport(exportStream(layerTar(size), tarBytes, 'abc/layer.tar', metadataFor('abc/layer.tar')), 'big:1');
  assert.equal(a.size, size);
  assert.deepEqual(a.layers[0].added, [{ path: 'big.bin', kind: 'file', size }]);
  assert.ok(peak - before < BUFFER_BOUND, `buffers grew by ${((peak - before) / MiB).toFixed(1)} MiB`);
});

test('a 256 MiB gzip layer blob is inflated and scanned as it streams', { timeout: 120_000 }, async () => {
  const size = 256 * MiB;
  const gz = await collectGzip(Readable.from(layerTar(size)));
  const before = process.memoryUsage().arrayBuffers;
  peak = before;
  const blob = 'blobs/sha256/0123';
  const a = await analyseImageExport(exportStream(chunks(gz, 64 * 1024), gz.length, blob, metadataFor(blob)), 'big:1');
  assert.equal(a.layers[0].compression, 'gzip');
  assert.equal(a.layers[0].storedBytes, gz.length);
  assert.equal(a.size, size);
  assert.ok(peak - before < BUFFER_BOUND, `buffers grew by ${((peak - before) / MiB).toFixed(1)} MiB while inflating ${size / MiB} MiB`);
});

test('cancellation stops the pass', async () => {
  const ctrl = new AbortController();
  ctrl.abort();
  await assert.rejects(analyseImageExport(exportStream(layerTar(MiB), 512 + MiB + 1024, 'a/layer.tar', metadataFor('a/layer.tar')), 'big:1', { signal: ctrl.signal }), { name: 'AbortError' });
});

async function collectGzip(source: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of source.pipe(createGzip({ level: 1 }))) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

function* chunks(b: Buffer, size: number): Generator<Buffer> {
  for (let i = 0; i < b.length; i += size) yield b.subarray(i, i + size);
}
