// Tag, push and pull through the real engine against the real test registries (open on
// 127.0.0.1:5055, htpasswd basic auth on 127.0.0.1:5056): per-layer progress events, the digest
// the registry stores, pulling back, and explained failures (wrong password, no login, unknown
// local image, closed port, invalid names refused before anything is sent).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import type Dockerode from 'dockerode';
import { pullImage, pushImage, tagImage } from '../../client/src/docker/registry/engineTransfer';
import { InvalidReferenceError } from '../../client/src/docker/registry/reference';
import { RegistryClient } from '../../client/src/docker/registry/registryClient';
import { RegistryError } from '../../client/src/docker/registry/registryErrors';
import { staticCredentials } from '../../client/src/docker/registry/credentials';
import type { TransferEvent, TransferSnapshot } from '../../client/src/docker/registry/transferProgress';
import { buildImage } from '../../client/src/docker/build';
import { BASE_IMAGE, engine, makeContext } from './engine-helpers';
import { AUTH_PASSWORD, AUTH_REGISTRY, AUTH_USER, buildTestImage, cleanUp, OPEN_REGISTRY, runPrefix } from './registry-fixtures';

let docker: Dockerode;
const prefix = runPrefix('xfer');
const localTags: string[] = [];
let source = '';

before(async () => {
  docker = (await engine()).docker;
  source = await buildTestImage(docker, `${prefix}-src:latest`, prefix, 3);
  localTags.push(source);
});
after(async () => {
  await cleanUp(docker, localTags, [
    { registry: OPEN_REGISTRY, prefix },
    { registry: AUTH_REGISTRY, prefix },
  ]);
});

function target(registry: string, repo: string, tag: string): string {
  const t = `${registry}/${prefix}/${repo}:${tag}`;
  localTags.push(t);
  return t;
}

test('push to the open registry reports per-layer progress and the stored digest', async () => {
  const ref = target(OPEN_REGISTRY, 'app', '1.0');
  await tagImage(docker, source, ref);
  const events: TransferEvent[] = [];
  let last: TransferSnapshot | undefined;
  const result = await pushImage({ docker, reference: ref, onProgress: (e, s) => (events.push(e), (last = s)) });

  // busybox layer + 3 RUN layers: every one is reported and ends pushed (or already there).
  assert.ok(last);
  assert.equal(last.layersTotal, 4, JSON.stringify(last.layers));
  assert.equal(last.layersDone, 4);
  assert.ok(last.layers.every((l) => ['pushed', 'exists', 'mounted'].includes(l.phase)));
  assert.ok(events.some((e) => e.type === 'layer' && e.phase === 'preparing'));
  assert.ok(events.some((e) => e.type === 'layer' && e.phase === 'pushing' && (e.total ?? 0) > 0), 'byte progress for at least one layer');
  assert.ok(last.bytesTotal > 0 && last.bytesDone === last.bytesTotal);
  assert.match(result.digest ?? '', /^sha256:[a-f0-9]{64}$/);
  assert.ok((result.size ?? 0) > 0);

  // The registry serves exactly that manifest under the tag.
  const client = new RegistryClient({ registry: OPEN_REGISTRY });
  assert.equal(await client.manifestDigest(`${prefix}/app`, '1.0'), result.digest);
});

test('pull back after removing the local copy: new layers download, shared ones are already present', async () => {
  // An image of its own, so removing it locally really removes its two RUN layers.
  const own = await buildTestImage(docker, `${prefix}-pull-src:latest`, `${prefix}-pull`, 2);
  const ref = target(OPEN_REGISTRY, 'pullme', 'v1');
  await tagImage(docker, own, ref);
  const pushed = await pushImage({ docker, reference: ref });
  await docker.getImage(ref).remove();
  await docker.getImage(own).remove();
  await assert.rejects(docker.getImage(ref).inspect());

  const events: TransferEvent[] = [];
  let last: TransferSnapshot | undefined;
  const pulled = await pullImage({ docker, reference: ref, onProgress: (e, s) => (events.push(e), (last = s)) });
  assert.equal(pulled.digest, pushed.digest);
  const info = await docker.getImage(ref).inspect();
  assert.ok(info.RepoDigests.some((d) => d.endsWith(pushed.digest!)));
  assert.ok(events.some((e) => e.type === 'status' && /Status: Downloaded newer image/.test(e.text)));
  assert.ok(last);
  assert.equal(last.layersTotal, 3, JSON.stringify(last.layers));
  assert.equal(last.layersDone, 3);
  assert.equal(last.layers.filter((l) => l.phase === 'pulled').length, 2, 'the two RUN layers were downloaded');
  assert.equal(last.layers.filter((l) => l.phase === 'already-present').length, 1, 'the busybox layer was already there');
});

test('push to the htpasswd registry: right password works, wrong or missing one is explained', async () => {
  const ref = target(AUTH_REGISTRY, 'secure', '1');
  await tagImage(docker, source, ref);
  const ok = await pushImage({ docker, reference: ref, credentials: { username: AUTH_USER, password: AUTH_PASSWORD, source: 'explicit' } });
  assert.match(ok.digest ?? '', /^sha256:/);
  const check = new RegistryClient({ registry: AUTH_REGISTRY, credentials: staticCredentials(AUTH_USER, AUTH_PASSWORD) });
  assert.deepEqual(await check.listTags(`${prefix}/secure`), ['1']);

  const wrong = pushImage({ docker, reference: ref, credentials: { username: AUTH_USER, password: 'not-the-password', source: 'explicit' } });
  await assert.rejects(wrong, (err: unknown) => err instanceof RegistryError && err.kind === 'unauthorized' && /sign in|password/i.test(err.message));
  await assert.rejects(pushImage({ docker, reference: ref }), (err: unknown) => err instanceof RegistryError && err.kind === 'unauthorized');
  // Pulling needs the login too.
  await assert.rejects(pullImage({ docker, reference: ref }), (err: unknown) => err instanceof RegistryError && (err.kind === 'unauthorized' || err.kind === 'not-found'));
  await docker.getImage(ref).remove();
  const pulled = await pullImage({ docker, reference: ref, credentials: { username: AUTH_USER, password: AUTH_PASSWORD, source: 'explicit' } });
  assert.equal(pulled.digest, ok.digest);
  assert.ok((await docker.getImage(ref).inspect()).RepoDigests.some((d) => d.endsWith(ok.digest!)));
});

test('errors in the stream fail the operation: nothing local to push, unreachable registry', async () => {
  await assert.rejects(pushImage({ docker, reference: `${OPEN_REGISTRY}/${prefix}/never-built:1` }), (err: unknown) => err instanceof RegistryError && err.kind === 'not-found' && /no local image/i.test(err.message));

  const closedPort = await new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
  const ref = target(`127.0.0.1:${closedPort}`, 'nowhere', '1');
  await tagImage(docker, source, ref);
  await assert.rejects(pushImage({ docker, reference: ref }), (err: unknown) => err instanceof RegistryError && err.kind === 'unreachable' && err.problem.detail.length > 0);
});

test('invalid references are refused before the engine is called', async () => {
  const untouchable = new Proxy({}, { get: () => assert.fail('the engine must not be called') }) as Dockerode;
  await assert.rejects(pushImage({ docker: untouchable, reference: `${OPEN_REGISTRY}/${prefix}/App:1` }), (err: unknown) => err instanceof InvalidReferenceError && err.problem.code === 'uppercase');
  await assert.rejects(pullImage({ docker: untouchable, reference: 'app:-bad' }), (err: unknown) => err instanceof InvalidReferenceError && err.problem.code === 'tag-invalid');
  await assert.rejects(tagImage(untouchable, source, 'http://localhost:5000/app:1'), (err: unknown) => err instanceof InvalidReferenceError && err.problem.code === 'scheme');
});

test('a push can be cancelled, before it starts and in the middle of a layer', async () => {
  const ref = target(OPEN_REGISTRY, 'cancelled', '1');
  await tagImage(docker, source, ref);
  const ctrl = new AbortController();
  ctrl.abort();
  await assert.rejects(pushImage({ docker, reference: ref, signal: ctrl.signal }), (err: unknown) => err instanceof RegistryError && err.kind === 'cancelled');

  // 64 MB of random bytes do not compress, so the upload lasts long enough to be interrupted.
  const big = `${prefix}-big:latest`;
  localTags.push(big);
  const dir = makeContext({ Dockerfile: `FROM ${BASE_IMAGE}\nRUN dd if=/dev/urandom of=/blob bs=1048576 count=64 2>/dev/null\n` });
  try {
    await buildImage(docker, { contextDir: dir, dockerfile: path.join(dir, 'Dockerfile'), tag: big });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const bigRef = target(OPEN_REGISTRY, 'cancelled-big', '1');
  await tagImage(docker, big, bigRef);
  const mid = new AbortController();
  let sawBytes = false;
  const started = Date.now();
  await assert.rejects(
    pushImage({
      docker,
      reference: bigRef,
      signal: mid.signal,
      onProgress: (e) => {
        if (e.type === 'layer' && e.phase === 'pushing' && (e.current ?? 0) > 0 && !sawBytes) {
          sawBytes = true;
          mid.abort();
        }
      },
    }),
    (err: unknown) => err instanceof RegistryError && err.kind === 'cancelled',
  );
  assert.ok(sawBytes, 'the push had started moving bytes');
  assert.ok(Date.now() - started < 30_000);
  // The tag never reached the registry.
  await assert.rejects(new RegistryClient({ registry: OPEN_REGISTRY }).manifestDigest(`${prefix}/cancelled-big`, '1'), (err: unknown) => err instanceof RegistryError && err.kind === 'not-found');
});
