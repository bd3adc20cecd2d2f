import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseImageExport } from '../../client/src/docker/layers/analyseImage';
import { buildTar } from '../../client/src/docker/layers/tarWriter';
import { ImageLayoutError } from '../../client/src/docker/layers/imageLayout';
import type { ImageAnalysis, PathChange } from '../../client/src/docker/layers/layerAnalysis';
import { buildExport, chunked, type ExportFixtureOptions } from './layers-fixtures';

// Five layers with known content: a base, a 5000-byte file, its deletion, an overwrite, and an
// opaque directory (rm -rf etc && mkdir etc && write passwd again), plus two empty history steps.
const layers = [
  buildTar([
    { path: 'bin', type: 'directory' },
    { path: 'bin/sh', content: Buffer.alloc(100) },
    { path: 'etc', type: 'directory' },
    { path: 'etc/group', content: Buffer.alloc(10) },
    { path: 'etc/passwd', content: Buffer.alloc(30) },
    { path: 'tmp', type: 'directory' },
  ]),
  buildTar([{ path: 'data', type: 'directory' }, { path: 'data/big', content: Buffer.alloc(5000, 1) }]),
  buildTar([{ path: 'data', type: 'directory' }, { path: 'data/.wh.big' }]),
  buildTar([{ path: 'etc', type: 'directory' }, { path: 'etc/passwd', content: Buffer.alloc(40) }]),
  buildTar([{ path: 'etc', type: 'directory' }, { path: 'etc/.wh..wh..opq' }, { path: 'etc/passwd', content: Buffer.alloc(45) }]),
];
const history = [
  { created_by: '/bin/sh -c #(nop) ADD file:0123abcd in / ' },
  { created_by: '/bin/sh -c #(nop)  CMD ["sh"]', empty_layer: true },
  { created_by: '/bin/sh -c head -c 5000 /dev/zero > /data/big' },
  { created_by: 'RUN /bin/sh -c rm /data/big # buildkit' },
  { created_by: '|1 USER=x /bin/sh -c echo x >> /etc/passwd' },
  { created_by: 'ENV A=b', empty_layer: true, comment: 'buildkit.dockerfile.v0' },
  { created_by: '/bin/sh -c rm -rf /etc && mkdir /etc && echo y > /etc/passwd' },
];

const change = (path: string, kind: PathChange['kind'], size = 0): PathChange => ({ path, kind, size });

function assertKnownAnalysis(a: ImageAnalysis): void {
  assert.deepEqual(
    a.layers.map((l) => [l.instruction, l.size, l.wastedBytes]),
    [
      ['ADD file:0123abcd in /', 140, 40],
      ['RUN head -c 5000 /dev/zero > /data/big', 5000, 5000],
      ['RUN rm /data/big', 0, 0],
      ['RUN echo x >> /etc/passwd', 40, 40],
      ['RUN rm -rf /etc && mkdir /etc && echo y > /etc/passwd', 45, 0],
    ],
  );
  assert.deepEqual(a.layers[0].added, [
    change('bin', 'directory'),
    change('bin/sh', 'file', 100),
    change('etc', 'directory'),
    change('etc/group', 'file', 10),
    change('etc/passwd', 'file', 30),
    change('tmp', 'directory'),
  ]);
  assert.deepEqual([a.layers[1].added, a.layers[1].changed, a.layers[1].deleted], [[change('data', 'directory'), change('data/big', 'file', 5000)], [], []]);
  assert.deepEqual([a.layers[2].added, a.layers[2].changed, a.layers[2].deleted], [[], [change('data', 'directory')], [change('data/big', 'file', 5000)]]);
  assert.deepEqual([a.layers[3].added, a.layers[3].changed, a.layers[3].deleted], [[], [change('etc', 'directory'), change('etc/passwd', 'file', 40)], []]);
  assert.deepEqual([a.layers[4].added, a.layers[4].changed, a.layers[4].deleted], [[], [change('etc', 'directory'), change('etc/passwd', 'file', 45)], [change('etc/group', 'file', 10)]]);
  assert.equal(a.size, 5225);
  assert.equal(a.userSize, 5085);
  assert.equal(a.wastedBytes, 5080);
  assert.equal(a.userWastedPercent, 5080 / 5085);
  // dive: Σ smallest size per path / Σ all sizes per path = (100 + 30 + 10 + 0 + 0) / (100 + 115 + 10 + 0 + 5000)
  assert.equal(a.efficiency, 140 / 5225);
  assert.deepEqual(a.inefficient, [
    { path: 'data/big', count: 2, wastedBytes: 5000, addedIn: [1], removedIn: [2], sizes: [5000] },
    { path: 'etc/passwd', count: 3, wastedBytes: 70, addedIn: [0, 3], removedIn: [3, 4], sizes: [30, 40] },
    { path: 'etc/group', count: 1, wastedBytes: 10, addedIn: [0], removedIn: [4], sizes: [10] },
  ]);
  assert.deepEqual(
    a.history.map((h) => [h.instruction, h.emptyLayer, h.layerIndex]),
    [
      ['ADD file:0123abcd in /', false, 0],
      ['CMD ["sh"]', true, undefined],
      ['RUN head -c 5000 /dev/zero > /data/big', false, 1],
      ['RUN rm /data/big', false, 2],
      ['RUN echo x >> /etc/passwd', false, 3],
      ['ENV A=b', true, undefined],
      ['RUN rm -rf /etc && mkdir /etc && echo y > /etc/passwd', false, 4],
    ],
  );
}

const variants: [string, ExportFixtureOptions][] = [
  ['docker save, manifest.json last', { layout: 'docker-save' }],
  ['docker save, manifest.json first', { layout: 'docker-save', metadataFirst: true }],
  ['OCI layout, plain blobs', { layout: 'oci' }],
  ['OCI layout, gzip blobs, index.json last', { layout: 'oci', gzip: true }],
];

for (const [name, options] of variants) {
  for (const piece of [7, 65536]) {
    test(`${name}: exact per-layer changes, wasted bytes and efficiency (${piece}-byte chunks)`, async () => {
      const archive = buildExport(layers, { ...options, history, repoTag: 'example/known:1' });
      const a = await analyseImageExport(chunked(archive, piece), 'example/known:1');
      assert.equal(a.layout, options.layout);
      assert.deepEqual(a.repoTags, ['example/known:1']);
      assertKnownAnalysis(a);
      assert.equal(a.layers[1].compression, options.gzip ? 'gzip' : 'none');
      if (options.gzip) assert.ok(a.layers[1].storedBytes < 5000, 'gzip blob of zeros is smaller than its content');
    });
  }
}

test('Docker 25+ exports: manifest.json points at layer.tar symlinks into blobs/', async () => {
  const layer = buildTar([{ path: 'hello', content: 'hi' }]);
  const oci = buildExport([layer], { layout: 'oci' });
  // Add the legacy view Docker 25 writes next to the OCI layout.
  const { readImageExport } = await import('../../client/src/docker/layers/exportReader');
  const contents = await readImageExport(chunked(oci, 4096));
  const blob = [...contents.layers.keys()][0];
  const config = [...contents.documents.keys()].find((k) => k.startsWith('blobs/') && (contents.documents.get(k) as { rootfs?: unknown }).rootfs);
  const legacy = buildTar([
    { path: 'abc', type: 'directory' },
    { path: 'abc/layer.tar', type: 'symlink', linkName: `../${blob}` },
    { path: blob, content: layer },
    { path: config as string, content: JSON.stringify(contents.documents.get(config as string)) },
    { path: 'manifest.json', content: JSON.stringify([{ Config: config, RepoTags: ['x:1'], Layers: ['abc/layer.tar'] }]) },
  ]);
  const a = await analyseImageExport(chunked(legacy, 1000), 'x:1');
  assert.equal(a.layout, 'docker-save');
  assert.deepEqual(a.layers[0].added, [change('hello', 'file', 2)]);
});

test('an archive without manifest.json or index.json is reported as not an image', async () => {
  await assert.rejects(analyseImageExport(chunked(buildTar([{ path: 'x', content: 'y' }]), 512), 'x'), ImageLayoutError);
});

test('a missing layer blob is named in the error', async () => {
  const archive = buildExport(layers.slice(0, 1), { layout: 'oci' });
  const damaged = buildTar([{ path: 'index.json', content: JSON.stringify({ manifests: [] }) }]);
  await assert.rejects(analyseImageExport(chunked(damaged, 512), 'x'), /no image manifest/);
  assert.ok(archive.length > 0);
});

test('a zstd layer this Node.js cannot inflate is named in the error, with the reason', async () => {
  const zstdLike = Buffer.concat([Buffer.from([0x28, 0xb5, 0x2f, 0xfd]), Buffer.alloc(600, 7)]);
  const config = JSON.stringify({ rootfs: { diff_ids: ['sha256:x'] }, history: [{ created_by: 'COPY x /' }] });
  const manifest = JSON.stringify({ config: { digest: 'sha256:c0' }, layers: [{ digest: 'sha256:aa', mediaType: 'application/vnd.oci.image.layer.v1.tar+zstd' }] });
  const archive = buildTar([
    { path: 'blobs/sha256/aa', content: zstdLike },
    { path: 'blobs/sha256/c0', content: config },
    { path: 'blobs/sha256/m0', content: manifest },
    { path: 'index.json', content: JSON.stringify({ manifests: [{ digest: 'sha256:m0' }] }) },
  ]);
  await assert.rejects(analyseImageExport(chunked(archive, 1000), 'x'), /layer blobs\/sha256\/aa could not be read: zstd/);
});
