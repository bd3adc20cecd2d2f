// Connecting to engines: the real test engine found by discovery (default socket, DOCKER_HOST,
// a docker context), and unreachable engines failing fast with an explained reason.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { connectEngine, EngineUnavailableError, formatMessage } from '../../client/src/docker/engine';

async function problemOf(p: Promise<unknown>): Promise<EngineUnavailableError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof EngineUnavailableError) return err;
    throw err;
  }
  assert.fail('connecting should have failed');
}

const made: string[] = [];
after(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});
const tempDir = (prefix: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
};
const noContextHome = () => tempDir('dfs-home-');

test('the test engine is found through the default socket and answers with its API version', async () => {
  const c = await connectEngine({ environment: { env: {}, homeDir: noContextHome() } });
  assert.equal(c.endpoint.host, 'unix:///var/run/docker.sock');
  assert.equal(c.endpoint.source, 'default');
  assert.match(c.version.apiVersion, /^1\.\d+$/);
});

test('DOCKER_HOST and a docker context pointing at the engine are used', async () => {
  const viaEnv = await connectEngine({ environment: { env: { DOCKER_HOST: 'unix:///var/run/docker.sock' }, homeDir: noContextHome() } });
  assert.equal(viaEnv.endpoint.source, 'DOCKER_HOST');

  const home = noContextHome();
  const name = 'dfs-test-ctx';
  const metaDir = path.join(home, '.docker', 'contexts', 'meta', createHash('sha256').update(name).digest('hex'));
  fs.mkdirSync(metaDir, { recursive: true });
  fs.writeFileSync(path.join(metaDir, 'meta.json'), JSON.stringify({ Name: name, Metadata: {}, Endpoints: { docker: { Host: 'unix:///var/run/docker.sock', SkipTLSVerify: false } } }));
  fs.writeFileSync(path.join(home, '.docker', 'config.json'), JSON.stringify({ currentContext: name }));
  const viaContext = await connectEngine({ environment: { env: {}, homeDir: home } });
  assert.equal(viaContext.endpoint.source, 'context');
  assert.equal(viaContext.endpoint.contextName, name);
  assert.ok(viaContext.version.apiVersion);
});

test('a socket that does not exist: "not running", at once', async () => {
  const started = Date.now();
  const err = await problemOf(connectEngine({ environment: { env: { DOCKER_HOST: 'unix:///nonexistent/docker.sock' } } }));
  assert.equal(err.problem.kind, 'not-running');
  assert.match(formatMessage(err.problem.summary), /unix:\/\/\/nonexistent\/docker\.sock \(DOCKER_HOST\)/);
  assert.ok(Date.now() - started < 2000);
});

test('a closed TCP port: "not running", at once', async () => {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen({ port: 0, host: '127.0.0.1' }, r));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((r) => server.close(() => r()));
  const started = Date.now();
  const err = await problemOf(connectEngine({ environment: { env: { DOCKER_HOST: `tcp://127.0.0.1:${port}` } } }));
  assert.equal(err.problem.kind, 'not-running');
  assert.ok(Date.now() - started < 2000);
});

test('an engine that accepts but never answers times out instead of hanging', async () => {
  const sockets: net.Socket[] = [];
  const server = net.createServer((s) => sockets.push(s)); // accepts, says nothing
  await new Promise<void>((r) => server.listen({ port: 0, host: '127.0.0.1' }, r));
  const port = (server.address() as net.AddressInfo).port;
  try {
    const started = Date.now();
    const err = await problemOf(connectEngine({ timeoutMs: 500, environment: { env: { DOCKER_HOST: `tcp://127.0.0.1:${port}` } } }));
    assert.equal(err.problem.kind, 'timeout');
    assert.ok(Date.now() - started < 3000);
  } finally {
    for (const s of sockets) s.destroy();
    await new Promise<void>((r) => server.close(() => r()));
  }
});

test('a TLS engine address spoken to with TLS but answered in plain HTTP is a TLS problem', async () => {
  const sockets: net.Socket[] = [];
  const server = net.createServer((s) => {
    sockets.push(s);
    s.end('HTTP/1.1 400 Bad Request\r\n\r\nClient sent an HTTP request to an HTTPS server.\n');
  });
  await new Promise<void>((r) => server.listen({ port: 0, host: '127.0.0.1' }, r));
  const port = (server.address() as net.AddressInfo).port;
  try {
    const err = await problemOf(connectEngine({ timeoutMs: 2000, environment: { env: { DOCKER_HOST: `tcp://127.0.0.1:${port}`, DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: noContextHome() } } }));
    assert.equal(err.problem.kind, 'tls', err.problem.detail);
  } finally {
    for (const s of sockets) s.destroy();
    await new Promise<void>((r) => server.close(() => r()));
  }
});

test('a setting that is not an address is a configuration problem', async () => {
  const err = await problemOf(connectEngine({ setting: 'ftp://example' }));
  assert.equal(err.problem.kind, 'config');
});

test('a user without access to the engine socket is told to join the docker group', async () => {
  const uid = process.getuid?.();
  let kind: string;
  let fix: string;
  if (uid === 0) {
    // As root nothing is denied: ask the real socket as the unprivileged "nobody" (no docker group).
    const dir = tempDir('dfs-perm-');
    fs.chmodSync(dir, 0o755);
    const script = path.join(dir, 'probe.mts');
    const engineModule = path.resolve(__dirname, '../../client/src/docker/engine.ts');
    fs.writeFileSync(
      script,
      `import { connectEngine, EngineUnavailableError, formatMessage } from ${JSON.stringify(engineModule)};\n` +
        `try { await connectEngine({ environment: { env: {}, homeDir: ${JSON.stringify(dir)} } }); console.log(JSON.stringify({ kind: 'connected' })); }\n` +
        `catch (e) { console.log(JSON.stringify(e instanceof EngineUnavailableError ? { kind: e.problem.kind, fix: formatMessage(e.problem.fix) } : { kind: String(e) })); }\n`,
    );
    const r = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '--import', 'tsx', script], { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: dir }, cwd: path.resolve(__dirname, '../..'), timeout: 60000 });
    assert.equal(r.status, 0, r.stderr);
    ({ kind, fix } = JSON.parse(r.stdout.trim().split('\n').pop()!) as { kind: string; fix: string });
  } else {
    // Not root: a socket its owner may not open gives the same EACCES.
    const dir = tempDir('dfs-perm-');
    const sock = path.join(dir, 'docker.sock');
    const server = net.createServer();
    await new Promise<void>((r) => server.listen(sock, r));
    fs.chmodSync(sock, 0);
    try {
      const err = await problemOf(connectEngine({ environment: { env: { DOCKER_HOST: `unix://${sock}` } } }));
      kind = err.problem.kind;
      fix = formatMessage(err.problem.fix);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  }
  assert.equal(kind, 'permission');
  assert.match(fix, /sudo usermod -aG docker \$USER/);
});

test('an API version the engine refuses is explained as "too old"', async () => {
  const { default: Dockerode } = await import('dockerode');
  // Speak an ancient API version to the real engine: it answers 400 "client version 1.11 is too old".
  const ancient = new Dockerode({ socketPath: '/var/run/docker.sock', version: 'v1.11' });
  const err = await ancient.version().then(
    () => assert.fail('the engine should refuse API 1.11'),
    (e: unknown) => e,
  );
  const { explainEngineError } = await import('../../client/src/docker/engineErrors');
  const problem = explainEngineError(err);
  assert.equal(problem.kind, 'api-too-old', problem.detail);
});
