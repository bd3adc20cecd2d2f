import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TarParser, TarFormatError, normalisePath, type TarHeader } from '../../client/src/docker/layers/tarParser';
import { buildTar, tarHeader } from '../../client/src/docker/layers/tarWriter';

function collect(archive: Buffer, pieceSize: number): { header: TarHeader; content: string }[] {
  const out: { header: TarHeader; content: string }[] = [];
  const parser = new TarParser((header) => {
    const entry = { header, content: '' };
    out.push(entry);
    return { data: (c) => (entry.content += c.toString('utf8')), end: () => undefined };
  });
  for (let i = 0; i < archive.length; i += pieceSize) parser.write(archive.subarray(i, i + pieceSize));
  parser.end();
  assert.equal(parser.done, true);
  return out;
}

const longName = `deep/${'d'.repeat(120)}/${'f'.repeat(90)}.txt`;
const sample = buildTar([
  { path: './etc', type: 'directory' },
  { path: './etc/hostname', content: 'box\n' },
  { path: longName, content: 'long' },
  { path: 'bin/sh', type: 'symlink', linkName: 'busybox' },
  { path: 'bin/ash', type: 'hardlink', linkName: 'bin/busybox' },
  { path: 'empty', content: '' },
  { path: 'block', content: Buffer.alloc(1024, 0x61) },
]);

for (const piece of [1, 7, 511, 512, 513, 100000]) {
  test(`reads entries, pax long names and link targets when fed ${piece}-byte pieces`, () => {
    const entries = collect(sample, piece);
    assert.deepEqual(
      entries.map((e) => [e.header.path, e.header.type, e.header.size, e.header.linkName]),
      [
        ['etc', 'directory', 0, ''],
        ['etc/hostname', 'file', 4, ''],
        [longName, 'file', 4, ''],
        ['bin/sh', 'symlink', 0, 'busybox'],
        ['bin/ash', 'hardlink', 0, 'bin/busybox'],
        ['empty', 'file', 0, ''],
        ['block', 'file', 1024, ''],
      ],
    );
    assert.equal(entries[1].content, 'box\n');
    assert.equal(entries[2].content, 'long');
    assert.equal(entries[6].content, 'a'.repeat(1024));
  });
}

test('reads GNU long names and base-256 sizes', () => {
  const name = `gnu/${'n'.repeat(150)}`;
  const longRecord = Buffer.from(`${name}\u0000`);
  const gnu = withChecksum(tarHeader({ path: '././@LongLink' }, longRecord.length), (h) => h.write('L', 156, 1, 'ascii'));
  const real = withChecksum(tarHeader({ path: name.slice(0, 100) }, 0), (h) => {
    h.fill(0, 124, 136);
    h[124] = 0x80; // base-256 marker
    h[135] = 3; // size 3
  });
  const archive = Buffer.concat([gnu, pad(longRecord), real, pad(Buffer.from('abc')), Buffer.alloc(1024)]);
  const entries = collect(archive, 50);
  assert.deepEqual(entries.map((e) => [e.header.path, e.header.size, e.content]), [[name, 3, 'abc']]);
});

test('a truncated archive is an error, not a short listing', () => {
  const truncated = sample.subarray(0, 512 + 100);
  const parser = new TarParser(() => undefined);
  parser.write(truncated);
  assert.throws(() => parser.end(), TarFormatError);
});

test('a non-tar stream is rejected by the header checksum', () => {
  const parser = new TarParser(() => undefined);
  assert.throws(() => parser.write(Buffer.alloc(512, 0x41)), TarFormatError);
});

test('normalises archive paths', () => {
  assert.equal(normalisePath('./a/b/'), 'a/b');
  assert.equal(normalisePath('/a//b/./c'), 'a/b/c');
  assert.equal(normalisePath('./'), '');
  assert.equal(normalisePath('.'), '');
});

function pad(b: Buffer): Buffer {
  return Buffer.concat([b, Buffer.alloc((512 - (b.length % 512)) % 512)]);
}

function withChecksum(header: Buffer, edit: (h: Buffer) => void): Buffer {
  const h = Buffer.from(header.subarray(header.length - 512));
  edit(h);
  h.fill(0x20, 148, 156);
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += h[i];
  h.write(`${sum.toString(8).padStart(6, '0')}\u0000 `, 148, 8, 'binary');
  return h;
}
