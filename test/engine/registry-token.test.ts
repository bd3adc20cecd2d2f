// The Bearer token flow (distribution's token auth spec) against a token-authenticating registry
// of the test's own on 127.0.0.1, which forwards authorised requests to the real open registry:
// challenge → token request with the challenge's service and scope and Basic credentials → retry,
// tokens reused per scope, paginated tags through Link headers, wrong and missing passwords, and a
// registry that refuses deletion (405 UNSUPPORTED) explained.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type Dockerode from 'dockerode';
import { staticCredentials } from '../../client/src/docker/registry/credentials';
import { pushImage, tagImage } from '../../client/src/docker/registry/engineTransfer';
import { RegistryClient } from '../../client/src/docker/registry/registryClient';
import { RegistryError } from '../../client/src/docker/registry/registryErrors';
import { engine } from './engine-helpers';
import { buildTestImage, cleanUp, OPEN_REGISTRY, runPrefix } from './registry-fixtures';
import { startTokenRegistry, type TokenRegistry } from './registry-tokenServer';

let docker: Dockerode;
const prefix = runPrefix('token');
const localTags: string[] = [];
let tokenRegistry: TokenRegistry;
let refusing: TokenRegistry;
let pushedDigest = '';
const USER = 'tok-user';
const PASSWORD = 'tok-secret';

before(async () => {
  docker = (await engine()).docker;
  const image = await buildTestImage(docker, `${prefix}-img:latest`, prefix, 1);
  localTags.push(image);
  for (const tag of ['a', 'b', 'c', 'd', 'e']) {
    const ref = `${OPEN_REGISTRY}/${prefix}/app:${tag}`;
    localTags.push(ref);
    await tagImage(docker, image, ref);
    pushedDigest = (await pushImage({ docker, reference: ref })).digest!;
  }
  tokenRegistry = await startTokenRegistry({ upstream: OPEN_REGISTRY, username: USER, password: PASSWORD });
  refusing = await startTokenRegistry({ upstream: OPEN_REGISTRY, username: USER, password: PASSWORD, refuseDelete: true });
});
after(async () => {
  await tokenRegistry?.close();
  await refusing?.close();
  await cleanUp(docker, localTags, [{ registry: OPEN_REGISTRY, prefix }]);
});

test('Bearer flow: challenge, token with the challenge scope, retry; tokens reused per scope', async () => {
  const client = new RegistryClient({ registry: tokenRegistry.host, credentials: staticCredentials(USER, PASSWORD) });
  const ping = await client.ping();
  assert.equal(ping.auth, 'bearer');

  const before = tokenRegistry.tokenRequests.length;
  const repos = await client.listRepositories({ pageSize: 2 });
  assert.ok(repos.includes(`${prefix}/app`));
  const tags = await client.listTags(`${prefix}/app`, { pageSize: 2 });
  assert.deepEqual(tags, ['a', 'b', 'c', 'd', 'e']);
  const details = await client.tagDetails(`${prefix}/app`, 'c');
  assert.equal(details.digest, pushedDigest);
  assert.ok(details.created && (details.size ?? 0) > 0);

  const asked = tokenRegistry.tokenRequests.slice(before);
  assert.deepEqual(
    asked.map((r) => r.scopes.join(' ')),
    ['registry:catalog:*', `repository:${prefix}/app:pull`],
    'one token per scope, reused for every page, the manifest and the config blob',
  );
  assert.ok(asked.every((r) => r.authorised && r.service === 'dfs-token-test'));
});

test('tags are paged with n and Link rel="next" (3 pages of 2 for 5 tags)', async () => {
  const client = new RegistryClient({ registry: tokenRegistry.host, credentials: staticCredentials(USER, PASSWORD) });
  const first = await client.tagsPage(`${prefix}/app`, { pageSize: 2 });
  assert.deepEqual(first.items, ['a', 'b']);
  assert.ok(first.next);
  const second = await client.tagsPage(`${prefix}/app`, { pageSize: 2, next: first.next });
  assert.deepEqual(second.items, ['c', 'd']);
  const third = await client.tagsPage(`${prefix}/app`, { pageSize: 2, next: second.next });
  assert.deepEqual(third.items, ['e']);
  assert.equal(third.next, undefined);
});

test('wrong password at the token service, and no credentials at all', async () => {
  const wrong = new RegistryClient({ registry: tokenRegistry.host, credentials: staticCredentials(USER, 'nope') });
  await assert.rejects(wrong.listTags(`${prefix}/app`), (err: unknown) => err instanceof RegistryError && err.kind === 'wrong-credentials' && err.problem.status === 401);
  const anonymous = new RegistryClient({ registry: tokenRegistry.host });
  await assert.rejects(anonymous.listTags(`${prefix}/app`), (err: unknown) => err instanceof RegistryError && err.kind === 'unauthorized');
  assert.ok(tokenRegistry.tokenRequests.some((r) => !r.authorised));
});

test('a registry that refuses deletion: 405 UNSUPPORTED explained, nothing deleted', async () => {
  const client = new RegistryClient({ registry: refusing.host, credentials: staticCredentials(USER, PASSWORD) });
  await assert.rejects(client.deleteTag(`${prefix}/app`, 'e'), (err: unknown) => err instanceof RegistryError && err.kind === 'unsupported' && err.problem.code === 'UNSUPPORTED' && /REGISTRY_STORAGE_DELETE_ENABLED/.test(err.message));
  assert.ok(refusing.tokenRequests.some((r) => r.scopes.includes(`repository:${prefix}/app:delete`)), 'asked for the delete scope the challenge named');
  assert.deepEqual((await new RegistryClient({ registry: OPEN_REGISTRY }).listTags(`${prefix}/app`)).sort(), ['a', 'b', 'c', 'd', 'e']);
});

test('deletion through the token registry works when allowed', async () => {
  const client = new RegistryClient({ registry: tokenRegistry.host, credentials: staticCredentials(USER, PASSWORD) });
  const { digest } = await client.deleteTag(`${prefix}/app`, 'e');
  assert.equal(digest, pushedDigest);
  // All five tags point at the same image, so deleting its digest removes every one of them.
  assert.deepEqual(await client.listTags(`${prefix}/app`), []);
});
