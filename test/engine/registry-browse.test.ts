// Browsing real registries through the Registry API V2 client: catalog pagination (more entries
// than one page), tags, manifest details (digest, size, created) checked against the engine and
// the raw manifest, an OCI index with platforms, deleting a tag, basic auth with right, wrong and
// missing passwords, docker CLI logins (config.json auths and a credential helper), and failures
// that must be explained quickly: closed port, a server that never answers, HTTPS against HTTP.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import type Dockerode from 'dockerode';
import { DockerConfigCredentials, staticCredentials } from '../../client/src/docker/registry/credentials';
import { pushImage, tagImage } from '../../client/src/docker/registry/engineTransfer';
import { MEDIA_TYPES } from '../../client/src/docker/registry/manifests';
import { RegistryClient } from '../../client/src/docker/registry/registryClient';
import { RegistryError } from '../../client/src/docker/registry/registryErrors';
import { engine } from './engine-helpers';
import { AUTH_PASSWORD, AUTH_REGISTRY, AUTH_USER, buildTestImage, cleanUp, OPEN_REGISTRY, runPrefix } from './registry-fixtures';

let docker: Dockerode;
const prefix = runPrefix('browse');
const localTags: string[] = [];
const digests = new Map<string, string>();
let imageA = '';
let imageB = '';
let imageC = '';

async function push(registry: string, repo: string, tag: string, source: string, credentials?: { username: string; password: string }): Promise<string> {
  const ref = `${registry}/${prefix}/${repo}:${tag}`;
  localTags.push(ref);
  await tagImage(docker, source, ref);
  const r = await pushImage({ docker, reference: ref, ...(credentials ? { credentials: { ...credentials, source: 'explicit' as const } } : {}) });
  digests.set(`${registry}/${repo}:${tag}`, r.digest!);
  return r.digest!;
}

before(async () => {
  docker = (await engine()).docker;
  imageA = await buildTestImage(docker, `${prefix}-a:latest`, `${prefix}-a`, 2);
  imageB = await buildTestImage(docker, `${prefix}-b:latest`, `${prefix}-b`, 1);
  imageC = await buildTestImage(docker, `${prefix}-c:latest`, `${prefix}-c`, 1);
  localTags.push(imageA, imageB, imageC);
  for (let i = 0; i < 5; i++) await push(OPEN_REGISTRY, `r${i}`, 'v1', imageA);
  for (let i = 0; i < 4; i++) await push(OPEN_REGISTRY, 'tags', `t${i}`, i % 2 ? imageB : imageA);
  await push(OPEN_REGISTRY, 'tags', 't4', imageC);
  await push(OPEN_REGISTRY, 'multi', 'amd', imageA);
  await push(OPEN_REGISTRY, 'multi', 'arm', imageB);
  await push(AUTH_REGISTRY, 'private', '1.0', imageA, { username: AUTH_USER, password: AUTH_PASSWORD });
});
after(async () => {
  await cleanUp(docker, localTags, [
    { registry: OPEN_REGISTRY, prefix },
    { registry: AUTH_REGISTRY, prefix },
  ]);
});

function logged(): { lines: string[]; log: (l: string) => void } {
  const lines: string[] = [];
  return { lines, log: (l) => lines.push(l) };
}

test('catalog pagination: n=2 pages through every repository, following Link rel="next"', async () => {
  const { lines, log } = logged();
  const client = new RegistryClient({ registry: OPEN_REGISTRY, log });
  const ours = ['multi', 'r0', 'r1', 'r2', 'r3', 'r4', 'tags'].map((r) => `${prefix}/${r}`);

  const first = await client.repositoriesPage({ pageSize: 2 });
  assert.equal(first.items.length, 2);
  assert.ok(first.next, 'a Link header points at the next page');
  const second = await client.repositoriesPage({ pageSize: 2, next: first.next });
  assert.equal(second.items.length, 2);
  assert.equal(second.items.filter((r) => first.items.includes(r)).length, 0, 'pages do not overlap');
  assert.ok(second.items[0]! > first.items[1]!, 'the next page continues after the last entry');

  lines.length = 0;
  const all = await client.listRepositories({ pageSize: 2 });
  for (const r of ours) assert.ok(all.includes(r), `${r} listed`);
  assert.equal(new Set(all).size, all.length, 'no repository twice');
  const pageRequests = lines.filter((l) => l.includes('/v2/_catalog')).length;
  assert.ok(pageRequests >= Math.ceil(all.length / 2), `${pageRequests} page requests for ${all.length} repositories`);
});

test('tags of a repository', async () => {
  const client = new RegistryClient({ registry: OPEN_REGISTRY });
  assert.deepEqual((await client.listTags(`${prefix}/tags`, { pageSize: 2 })).sort(), ['t0', 't1', 't2', 't3', 't4']);
  await assert.rejects(client.listTags(`${prefix}/does-not-exist`), (err: unknown) => err instanceof RegistryError && err.kind === 'not-found' && /does-not-exist/.test(err.message));
});

test('tag details: digest, size and created match the registry manifest and the engine', async () => {
  const client = new RegistryClient({ registry: OPEN_REGISTRY });
  const d = await client.tagDetails(`${prefix}/tags`, 't0');
  assert.equal(d.kind, 'image');
  assert.equal(d.digest, digests.get(`${OPEN_REGISTRY}/tags:t0`));
  assert.equal(d.mediaType, MEDIA_TYPES.dockerManifest);
  assert.equal(d.layerCount, 3);
  assert.deepEqual(d.platform, { os: 'linux', architecture: (await docker.getImage(imageA).inspect()).Architecture });

  // Size: config plus compressed layers, computed here from the raw manifest.
  const raw = await new Promise<{ config: { size: number }; layers: Array<{ size: number }> }>((resolve, reject) => {
    http
      .get(`http://${OPEN_REGISTRY}/v2/${prefix}/tags/manifests/t0`, { headers: { Accept: MEDIA_TYPES.dockerManifest } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString()) as never));
      })
      .on('error', reject);
  });
  assert.equal(d.size, raw.config.size + raw.layers.reduce((n, l) => n + l.size, 0));
  assert.ok((d.size ?? 0) > 500_000, 'busybox is in there');

  const created = (await docker.getImage(imageA).inspect()).Created;
  assert.equal(Date.parse(d.created ?? ''), Date.parse(created));
  assert.notEqual((await client.tagDetails(`${prefix}/tags`, 't1')).digest, d.digest, 'a different image has a different digest');
});

test('an OCI index shows its platforms (attestations left out) with per-platform size', async () => {
  const client = new RegistryClient({ registry: OPEN_REGISTRY });
  const amd = await client.manifest(`${prefix}/multi`, 'amd');
  const arm = await client.manifest(`${prefix}/multi`, 'arm');
  const index = {
    schemaVersion: 2,
    mediaType: MEDIA_TYPES.ociIndex,
    manifests: [
      { mediaType: amd.mediaType, digest: amd.digest, size: amd.size, platform: { os: 'linux', architecture: 'amd64' } },
      { mediaType: arm.mediaType, digest: arm.digest, size: arm.size, platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } },
      { mediaType: amd.mediaType, digest: amd.digest, size: amd.size, platform: { os: 'unknown', architecture: 'unknown' }, annotations: { 'vnd.docker.reference.type': 'attestation-manifest', 'vnd.docker.reference.digest': amd.digest } },
    ],
  };
  const body = JSON.stringify(index);
  const status = await new Promise<number>((resolve, reject) => {
    const req = http.request(`http://${OPEN_REGISTRY}/v2/${prefix}/multi/manifests/multi`, { method: 'PUT', headers: { 'Content-Type': MEDIA_TYPES.ociIndex, 'Content-Length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
  assert.equal(status, 201);

  const d = await client.tagDetails(`${prefix}/multi`, 'multi');
  assert.equal(d.kind, 'index');
  assert.equal(d.mediaType, MEDIA_TYPES.ociIndex);
  assert.match(d.digest, /^sha256:/);
  assert.deepEqual(
    d.platforms?.map((p) => p.platform),
    [
      { os: 'linux', architecture: 'amd64' },
      { os: 'linux', architecture: 'arm64', variant: 'v8' },
    ],
  );
  const amdDetails = await client.tagDetails(`${prefix}/multi`, 'amd');
  assert.equal(d.platforms?.[0]?.size, amdDetails.size);
  assert.equal(d.platforms?.[0]?.digest, amd.digest);
  assert.equal(d.size, (d.platforms ?? []).reduce((n, p) => n + (p.size ?? 0), 0));
  assert.ok(d.created);
});

test('delete a tag: resolved to its digest, deleted, gone from the tag list', async () => {
  const client = new RegistryClient({ registry: OPEN_REGISTRY });
  const { digest } = await client.deleteTag(`${prefix}/tags`, 't4');
  assert.equal(digest, digests.get(`${OPEN_REGISTRY}/tags:t4`));
  assert.deepEqual((await client.listTags(`${prefix}/tags`)).sort(), ['t0', 't1', 't2', 't3']);
  await assert.rejects(client.tagDetails(`${prefix}/tags`, 't4'), (err: unknown) => err instanceof RegistryError && err.kind === 'not-found');
});

test('basic auth registry: right password, wrong password, no credentials', async () => {
  const good = new RegistryClient({ registry: AUTH_REGISTRY, credentials: staticCredentials(AUTH_USER, AUTH_PASSWORD) });
  assert.deepEqual(await good.ping(), { baseUrl: `http://${AUTH_REGISTRY}`, auth: 'basic', authenticated: true });
  assert.ok((await good.listRepositories({ pageSize: 2 })).includes(`${prefix}/private`));
  assert.equal((await good.tagDetails(`${prefix}/private`, '1.0')).digest, digests.get(`${AUTH_REGISTRY}/private:1.0`));

  const wrong = new RegistryClient({ registry: AUTH_REGISTRY, credentials: staticCredentials(AUTH_USER, 'wrong') });
  await assert.rejects(wrong.ping(), (err: unknown) => err instanceof RegistryError && err.kind === 'wrong-credentials' && /password/.test(err.message));
  await assert.rejects(wrong.listTags(`${prefix}/private`), (err: unknown) => err instanceof RegistryError && err.kind === 'wrong-credentials');

  const anonymous = new RegistryClient({ registry: AUTH_REGISTRY });
  await assert.rejects(anonymous.listRepositories(), (err: unknown) => err instanceof RegistryError && err.kind === 'unauthorized' && /docker login 127\.0\.0\.1:5056/.test(err.message));
});

test('docker CLI logins: config.json auths and a credential helper run with an argument array', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dfs-docker-config-'));
  const binDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dfs-cred-helper-'));
  const savedPath = process.env.PATH;
  try {
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ auths: { [`http://${AUTH_REGISTRY}`]: { auth: Buffer.from(`${AUTH_USER}:${AUTH_PASSWORD}`).toString('base64') } } }));
    const fromAuths = new RegistryClient({ registry: AUTH_REGISTRY, credentials: new DockerConfigCredentials({ configDir: dir }) });
    assert.equal((await fromAuths.ping()).authenticated, true);

    // A helper that answers like docker-credential-* does: server URL on stdin, JSON on stdout.
    const helper = path.join(binDir, 'docker-credential-dfstest');
    fs.writeFileSync(helper, `#!/bin/sh\nread url\n[ "$1" = get ] || exit 3\nprintf '{"ServerURL":"%s","Username":"${AUTH_USER}","Secret":"${AUTH_PASSWORD}"}' "$url"\n`, { mode: 0o755 });
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ auths: { [AUTH_REGISTRY]: {} }, credHelpers: { [AUTH_REGISTRY]: 'dfstest' } }));
    process.env.PATH = `${binDir}${path.delimiter}${savedPath ?? ''}`;
    const creds = new DockerConfigCredentials({ configDir: dir });
    assert.deepEqual(await creds.knownRegistries(), [AUTH_REGISTRY]);
    const fromHelper = new RegistryClient({ registry: AUTH_REGISTRY, credentials: creds });
    assert.ok((await fromHelper.listRepositories()).includes(`${prefix}/private`));
  } finally {
    process.env.PATH = savedPath;
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(binDir, { recursive: true, force: true });
  }
});

test('unreachable registries fail fast and explained: closed port, silent server, HTTPS against HTTP', async () => {
  const closedPort = await new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
  await assert.rejects(new RegistryClient({ registry: `127.0.0.1:${closedPort}` }).ping(), (err: unknown) => err instanceof RegistryError && err.kind === 'unreachable' && /Nothing is answering/.test(err.message));

  // Accepts the connection, never answers: the deadline must end it (no hang).
  const sockets: net.Socket[] = [];
  const silent = net.createServer((s) => sockets.push(s));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  try {
    const started = Date.now();
    const client = new RegistryClient({ registry: `127.0.0.1:${(silent.address() as net.AddressInfo).port}`, timeoutMs: 400 });
    await assert.rejects(client.ping(), (err: unknown) => err instanceof RegistryError && err.kind === 'timeout');
    assert.ok(Date.now() - started < 5000, 'gave up within a few deadlines');
  } finally {
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  }

  await assert.rejects(new RegistryClient({ registry: OPEN_REGISTRY, protocol: 'https' }).ping(), (err: unknown) => err instanceof RegistryError && err.kind === 'http-vs-https' && /insecure-registries/.test(err.message));
});
