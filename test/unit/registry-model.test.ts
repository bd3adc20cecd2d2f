import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRegistryAddress } from '../../client/src/docker/registry/registryAddress';
import { formatMessage } from '../../client/src/docker/message';
import { age, moreNode, platformNodes, registryNodes, repositoryNodes, shortDigest, tagNode, type RegistryEntry } from '../../client/src/views/registriesModel';
import type { TagDetails } from '../../client/src/docker/registry/registryClient';

const text = (parts: ReadonlyArray<{ message: string; args: readonly string[] }> | undefined) => (parts ?? []).map((p) => formatMessage(p)).join(' · ');

test('registry addresses: what users paste is reduced to host[:port], explained when impossible', () => {
  const ok: Array<[string, string, string, boolean]> = [
    ['localhost:5000', 'localhost:5000', 'auto', false],
    ['  3.35.207.14:5000 ', '3.35.207.14:5000', 'auto', false],
    ['http://3.35.207.14:5000/v2/', '3.35.207.14:5000', 'http', true],
    ['http://localhost:5000/v2/_catalog', 'localhost:5000', 'http', true],
    ['https://ghcr.io', 'ghcr.io', 'https', false],
    ['Registry.Example.com:443', 'registry.example.com:443', 'auto', false],
    ['docker.io', 'docker.io', 'auto', false],
    ['https://index.docker.io/v2/', 'docker.io', 'https', false],
    ['hub.docker.com', 'docker.io', 'auto', false],
    ['[::1]:5000', '[::1]:5000', 'auto', false],
  ];
  for (const [input, host, protocol, insecure] of ok) {
    const r = parseRegistryAddress(input);
    assert.ok(r.ok, input);
    assert.deepEqual(r.address, { host, protocol, insecure }, input);
  }
  for (const bad of ['', 'ftp://host', 'localhost:50a0', 'host/team/app', 'my registry', 'host-:5000']) {
    const r = parseRegistryAddress(bad);
    assert.ok(!r.ok, bad);
    assert.doesNotMatch(formatMessage(r.problem), /\{\d\}/);
  }
});

test('registry nodes: sorted, deduplicated, login and plain-HTTP shown, only user entries removable', () => {
  const entries: RegistryEntry[] = [
    { host: 'localhost:5000', insecure: false, protocol: 'auto', origin: 'user' },
    { host: 'docker.io', insecure: false, protocol: 'auto', origin: 'docker-cli' },
    { host: '10.0.0.5:5000', insecure: true, protocol: 'auto', origin: 'user' },
    { host: 'localhost:5000', insecure: false, protocol: 'auto', origin: 'docker-cli' },
  ];
  const logins = new Map([
    ['localhost:5000', { username: 'dfs', source: 'secret-storage' as const }],
    ['docker.io', { username: 'hubuser', source: 'credential-helper' as const }],
  ]);
  const nodes = registryNodes(entries, logins);
  assert.deepEqual(nodes.map((n) => n.label), ['10.0.0.5:5000', 'Docker Hub (docker.io)', 'localhost:5000']);
  assert.deepEqual(nodes.map((n) => n.contextValue), ['registry+removable', 'registry', 'registry+removable+signedIn']);
  assert.equal(text(nodes[0]!.description), 'plain HTTP');
  assert.equal(text(nodes[1]!.description), 'signed in as hubuser (docker CLI) · from docker login');
  assert.equal(text(nodes[2]!.description), 'signed in as dfs');
  assert.deepEqual(repositoryNodes('localhost:5000', ['goapp']).map((n) => [n.id, n.label]), [['repo:localhost:5000/goapp', 'goapp']]);
  assert.equal(text(moreNode('repo:x', 100).description), '100 shown — load more…');
});

const NOW = Date.parse('2026-11-23T12:00:00Z');

test('tag rows: loading first, then size, age, digest; an index lists its platforms', () => {
  assert.equal(text(tagNode('localhost:5000', 'goapp', '1.0', undefined, NOW).description), 'loading…');
  const image: TagDetails = { repository: 'goapp', tag: '1.0', digest: 'sha256:' + 'ab'.repeat(32), mediaType: 'application/vnd.docker.distribution.manifest.v2+json', kind: 'image', size: 2_800_000, created: '2026-11-20T12:00:00Z', platform: { os: 'linux', architecture: 'amd64' }, layerCount: 3 };
  const row = tagNode('localhost:5000', 'goapp', '1.0', image, NOW);
  assert.equal(row.reference, 'localhost:5000/goapp:1.0');
  assert.equal(text(row.description), '2.8 MB · 3 days ago · sha256:abababababab');
  assert.match(formatMessage(row.tooltip!), /digest: sha256:abab/);
  assert.match(formatMessage(row.tooltip!), /platform: linux\/amd64/);
  assert.equal(row.contextValue, 'tag');

  const index: TagDetails = {
    repository: 'goapp',
    tag: 'multi',
    digest: 'sha256:' + 'cd'.repeat(32),
    mediaType: 'application/vnd.oci.image.index.v1+json',
    kind: 'index',
    size: 3_000_000,
    created: '2026-11-23T11:59:30Z',
    platforms: [
      { platform: { os: 'linux', architecture: 'amd64' }, digest: 'sha256:' + '11'.repeat(32), size: 1_000_000 },
      { platform: { os: 'linux', architecture: 'arm64', variant: 'v8' }, digest: 'sha256:' + '22'.repeat(32), size: 2_000_000 },
    ],
  };
  const irow = tagNode('localhost:5000', 'goapp', 'multi', index, NOW);
  assert.equal(irow.contextValue, 'tag+index');
  assert.equal(text(irow.description), '3.0 MB · just now · 2 platforms · sha256:cdcdcdcdcdcd');
  const platforms = platformNodes(irow);
  assert.deepEqual(platforms.map((p) => [p.label, p.reference, text(p.description)]), [
    ['linux/amd64', `localhost:5000/goapp@sha256:${'11'.repeat(32)}`, '1.0 MB · sha256:111111111111'],
    ['linux/arm64/v8', `localhost:5000/goapp@sha256:${'22'.repeat(32)}`, '2.0 MB · sha256:222222222222'],
  ]);
});

test('ages and short digests', () => {
  assert.deepEqual(
    ['2026-11-23T11:59:59Z', '2026-11-23T11:55:00Z', '2026-11-23T11:00:00Z', '2026-11-21T12:00:00Z', '2026-11-09T12:00:00Z', '2025-11-01T00:00:00Z', 'garbage'].map((c) => formatMessage(age(c, NOW))),
    ['just now', '5 minutes ago', '1 hour ago', '2 days ago', '2 weeks ago', '1 year ago', 'garbage'],
  );
  assert.equal(shortDigest('sha256:0123456789abcdef'), 'sha256:0123456789ab');
});
