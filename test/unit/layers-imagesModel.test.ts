import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatAge, imageNodes, layerNodes } from '../../client/src/views/imagesModel';

const now = Date.UTC(2026, 0, 10, 12, 0, 0);
const secs = (ms: number): number => Math.floor(ms / 1000);

test('one node per tag, dangling images grouped last', () => {
  const nodes = imageNodes(
    [
      { id: 'sha256:bbbbbbbbbbbbbbbbbbbb', repoTags: ['web:2', 'web:latest'], size: 7_230_000, created: secs(now) - 180 },
      { id: 'sha256:aaaaaaaaaaaaaaaaaaaa', repoTags: ['api:1'], size: 512, created: secs(now) - 2 * 86400 },
      { id: 'sha256:cccccccccccccccccccc', repoTags: ['<none>:<none>'], size: 1000, created: secs(now) },
    ],
    now,
  );
  assert.deepEqual(
    nodes.map((n) => (n.kind === 'dangling' ? [n.label, n.children.map((c) => [c.label, c.ref])] : [n.label, n.kind === 'image' ? n.description : ''])),
    [
      ['api:1', '512 B · 2 days ago'],
      ['web:2', '7.23 MB · 3 minutes ago'],
      ['web:latest', '7.23 MB · 3 minutes ago'],
      ['Dangling images (1)', [['cccccccccccc', 'sha256:cccccccccccccccccccc']]],
    ],
  );
});

test('layers in build order, noise cleaned, metadata-only steps marked empty', () => {
  const history = [
    { created: secs(now) - 60, createdBy: '/bin/sh -c rm /data/big', size: 0, comment: '' },
    { created: secs(now) - 60, createdBy: '/bin/sh -c #(nop)  ENV GREETING=hello', size: 0, comment: '' },
    { created: secs(now) - 120, createdBy: 'RUN /bin/sh -c head -c 5242880 /dev/zero > /big # buildkit', size: 5_242_880, comment: 'buildkit.dockerfile.v0' },
    { created: secs(now) - 86400 * 40, createdBy: '', size: 1_982_296, comment: 'Imported from -' },
  ];
  const layers = layerNodes('web:2', history, now);
  assert.deepEqual(
    layers.map((l) => [l.step, l.label, l.description, l.emptyLayer]),
    [
      [0, '(Imported from -)', '1.98 MB · 1 month ago', false],
      [1, 'RUN head -c 5242880 /dev/zero > /big', '5.24 MB · 2 minutes ago', false],
      [2, 'ENV GREETING=hello', 'empty layer · 1 minute ago', true],
      [3, 'RUN rm /data/big', '0 B · 1 minute ago', false], // a 0-byte RUN still made a layer
    ],
  );
});

test('ages read like docker images', () => {
  assert.equal(formatAge(secs(now) - 5, now), 'just now');
  assert.equal(formatAge(secs(now) - 3600, now), '1 hour ago');
  assert.equal(formatAge(secs(now) - 86400 * 400, now), '1 year ago');
});

test('container diff text counts and lists changes like docker diff', async () => {
  const { containerDiffText } = await import('../../client/src/views/imagesModel');
  assert.equal(
    containerDiffText('web', [{ path: '/etc', kind: 'C' }, { path: '/hello', kind: 'A' }, { path: '/gone', kind: 'D' }], 'A added\nD deleted', '(none)'),
    '# web: 1 A, 1 C, 1 D\n# A added\n# D deleted\n\nC /etc\nA /hello\nD /gone\n',
  );
  assert.match(containerDiffText('idle', [], 'x', '(none)'), /\n\(none\)\n$/);
});

test('a layer\'s paths sort by size or by path and are capped', async () => {
  const { pathNodes } = await import('../../client/src/views/imagesModel');
  const layer = {
    added: [{ path: 'data/big', kind: 'file', size: 5_000_000 }, { path: 'data', kind: 'directory', size: 0 }],
    changed: [{ path: 'etc/passwd', kind: 'file', size: 40 }],
    deleted: [{ path: 'tmp/cache', kind: 'file', size: 7000 }],
  };
  assert.deepEqual(pathNodes(layer, 'size').map((n) => (n.kind === 'path' ? [n.label, n.description] : n.hidden)), [
    ['A /data/big', '5 MB'],
    ['D /tmp/cache', '7 kB'],
    ['C /etc/passwd', '40 B'],
    ['A /data/', ''],
  ]);
  assert.deepEqual(pathNodes(layer, 'path', 2).map((n) => (n.kind === 'path' ? n.path : `+${n.hidden}`)), ['data', 'data/big', '+2']);
});
