// RegistryClient logic over a fake transport (no network): which schemes are tried in which
// order, Docker Hub's API host, the identity-token (refresh token) exchange, and that secrets
// never reach the log.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RegistryClient } from '../../client/src/docker/registry/registryClient';
import { RegistryError } from '../../client/src/docker/registry/registryErrors';
import { staticCredentials } from '../../client/src/docker/registry/credentials';
import type { HttpRequest, HttpResponse, HttpTransport } from '../../client/src/docker/registry/httpTransport';

type Handler = (req: HttpRequest) => Partial<HttpResponse> | Error;

function fake(handler: Handler): { transport: HttpTransport; seen: HttpRequest[] } {
  const seen: HttpRequest[] = [];
  const transport: HttpTransport = async (req) => {
    seen.push(req);
    const r = handler(req);
    if (r instanceof Error) throw r;
    return { status: 200, headers: {}, body: Buffer.alloc(0), url: req.url, ...r };
  };
  return { transport, seen };
}

const sslError = () => Object.assign(new Error('write EPROTO wrong version number'), { code: 'ERR_SSL_WRONG_VERSION_NUMBER' });

test('loopback registries: plain HTTP first, HTTPS when the server insists on TLS', async () => {
  const { transport, seen } = fake((req) => (req.url.startsWith('http:') ? { status: 400, body: Buffer.from('Client sent an HTTP request to an HTTPS server.\n') } : { status: 200 }));
  const ping = await new RegistryClient({ registry: 'localhost:5000', transport }).ping();
  assert.equal(ping.baseUrl, 'https://localhost:5000');
  assert.deepEqual(seen.slice(0, 2).map((r) => r.url), ['http://localhost:5000/v2/', 'https://localhost:5000/v2/']);
});

test('other registries: HTTPS only; a plain-HTTP answer is explained, never downgraded', async () => {
  const { transport, seen } = fake((req) => (req.url.startsWith('https:') ? sslError() : { status: 200 }));
  await assert.rejects(new RegistryClient({ registry: '10.0.0.5:5000', transport }).ping(), (err: unknown) => err instanceof RegistryError && err.kind === 'http-vs-https');
  assert.ok(seen.every((r) => r.url.startsWith('https:')));

  // Marked insecure: HTTPS (without certificate checks) first, then plain HTTP.
  const second = fake((req) => (req.url.startsWith('https:') ? sslError() : { status: 200 }));
  const ping = await new RegistryClient({ registry: '10.0.0.5:5000', insecure: true, transport: second.transport }).ping();
  assert.equal(ping.baseUrl, 'http://10.0.0.5:5000');
  assert.equal(second.seen[0]!.insecureTls, true);

  // A fixed protocol is used as is.
  const third = fake(() => ({ status: 200 }));
  await new RegistryClient({ registry: 'localhost:5000', protocol: 'https', transport: third.transport }).ping();
  assert.ok(third.seen.every((r) => r.url.startsWith('https://localhost:5000/')));
});

test('Docker Hub is reached at registry-1.docker.io', async () => {
  const { transport, seen } = fake(() => ({ status: 200, body: Buffer.from('{"name":"library/busybox","tags":["1","latest"]}') }));
  assert.deepEqual(await new RegistryClient({ registry: 'docker.io', transport }).listTags('library/busybox'), ['1', 'latest']);
  assert.ok(seen.every((r) => r.url.startsWith('https://registry-1.docker.io/')));
});

test('identity tokens from docker login are exchanged with the OAuth2 refresh-token POST; secrets stay out of logs', async () => {
  const lines: string[] = [];
  const { transport, seen } = fake((req) => {
    if (req.url.startsWith('https://auth.example/token')) {
      assert.equal(req.method, 'POST');
      const form = new URLSearchParams(req.body);
      assert.equal(form.get('grant_type'), 'refresh_token');
      assert.equal(form.get('refresh_token'), 'REFRESH-SECRET');
      assert.equal(form.get('scope'), 'repository:team/app:pull');
      return { status: 200, body: Buffer.from('{"access_token":"ACCESS-SECRET","expires_in":300}') };
    }
    if (req.headers?.Authorization === 'Bearer ACCESS-SECRET') return { status: 200, body: Buffer.from('{"tags":["v1"]}') };
    return { status: 401, headers: { 'www-authenticate': 'Bearer realm="https://auth.example/token",service="reg",scope="repository:team/app:pull"' } };
  });
  const client = new RegistryClient({ registry: 'reg.example', transport, credentials: staticCredentials('<token>', 'REFRESH-SECRET'), log: (l) => lines.push(l) });
  assert.deepEqual(await client.listTags('team/app'), ['v1']);
  assert.deepEqual(await client.listTags('team/app'), ['v1']);
  assert.equal(seen.filter((r) => r.url.startsWith('https://auth.example/')).length, 1, 'the token is reused');
  assert.ok(lines.length > 0);
  assert.ok(lines.every((l) => !/SECRET/.test(l)), 'no secret in any log line');
});

test('a registry that does not answer as a registry is explained', async () => {
  const { transport } = fake(() => ({ status: 404, body: Buffer.from('<html>Not Found</html>') }));
  await assert.rejects(new RegistryClient({ registry: 'web.example', transport }).ping(), (err: unknown) => err instanceof RegistryError && err.kind === 'not-a-registry');
  const junk = fake(() => ({ status: 200, body: Buffer.from('<html>') }));
  await assert.rejects(new RegistryClient({ registry: 'web.example', transport: junk.transport }).listTags('x'), (err: unknown) => err instanceof RegistryError && /cannot read/.test(err.message));
});
