// Engine discovery with fake environments and home directories, in the docker CLI's order, and
// the explanations of connection errors.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { test } from 'node:test';
import { describeEndpoint, parseHost, resolveEngineEndpoint, type DiscoveryEnvironment } from '../../client/src/docker/endpoint';
import { apiVersionAtLeast, explainEngineError } from '../../client/src/docker/engineErrors';
import { formatMessage } from '../../client/src/docker/message';

const HOME = '/home/learner';

function fakeEnv(env: Record<string, string>, files: Record<string, string> = {}, sockets: string[] = []): Partial<DiscoveryEnvironment> {
  return {
    env,
    homeDir: HOME,
    platform: 'linux',
    uid: 1000,
    exists: (f) => f in files || sockets.includes(f),
    readText: (f) => files[f],
  };
}

function contextFiles(name: string, host: string, opts: { tls?: boolean; skipVerify?: boolean; current?: boolean } = {}): Record<string, string> {
  const digest = createHash('sha256').update(name).digest('hex');
  const files: Record<string, string> = {
    [path.join(HOME, '.docker/contexts/meta', digest, 'meta.json')]: JSON.stringify({ Name: name, Endpoints: { docker: { Host: host, SkipTLSVerify: !!opts.skipVerify } } }),
  };
  if (opts.current !== false) files[path.join(HOME, '.docker/config.json')] = JSON.stringify({ currentContext: name });
  if (opts.tls) {
    for (const f of ['ca.pem', 'cert.pem', 'key.pem']) files[path.join(HOME, '.docker/contexts/tls', digest, 'docker', f)] = 'pem';
  }
  return files;
}

test('the setting wins over everything', () => {
  const ep = resolveEngineEndpoint({ setting: 'tcp://10.0.0.5:2375', environment: fakeEnv({ DOCKER_HOST: 'unix:///x.sock' }, contextFiles('remote', 'ssh://me@box')) });
  assert.equal(ep.source, 'setting');
  assert.equal(ep.host, 'tcp://10.0.0.5:2375');
  assert.equal(ep.tls, undefined);
});

test('DOCKER_HOST: unix, tcp, tcp with TLS verification and cert path, ssh', () => {
  assert.deepEqual(resolveEngineEndpoint({ environment: fakeEnv({ DOCKER_HOST: 'unix:///run/user/1000/docker.sock' }) }), {
    source: 'DOCKER_HOST',
    contextName: undefined,
    host: 'unix:///run/user/1000/docker.sock',
    transport: 'unix',
    socketPath: '/run/user/1000/docker.sock',
  });
  const tcp = resolveEngineEndpoint({ environment: fakeEnv({ DOCKER_HOST: 'tcp://build-box:2375' }) });
  assert.equal(tcp.transport, 'tcp');
  assert.equal(tcp.hostname, 'build-box');
  assert.equal(tcp.port, 2375);
  assert.equal(tcp.tls, undefined);

  const certs = '/certs';
  const files = { '/certs/ca.pem': 'x', '/certs/cert.pem': 'x', '/certs/key.pem': 'x' };
  const tls = resolveEngineEndpoint({ environment: fakeEnv({ DOCKER_HOST: 'tcp://build-box', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certs }, files) });
  assert.equal(tls.port, 2376, 'TLS defaults to 2376');
  assert.deepEqual(tls.tls, { verify: true, caFile: '/certs/ca.pem', certFile: '/certs/cert.pem', keyFile: '/certs/key.pem' });
  assert.match(describeEndpoint(tls), /tcp:\/\/build-box:2376 \(DOCKER_HOST, TLS verified\)/);

  const defaultCerts = resolveEngineEndpoint({ environment: fakeEnv({ DOCKER_HOST: 'tcp://h:2376', DOCKER_TLS_VERIFY: '1' }, { [path.join(HOME, '.docker/ca.pem')]: 'x' }) });
  assert.equal(defaultCerts.tls?.caFile, path.join(HOME, '.docker/ca.pem'), 'certificates default to ~/.docker');

  const ssh = resolveEngineEndpoint({ environment: fakeEnv({ DOCKER_HOST: 'ssh://me@box:2222' }) });
  assert.equal(ssh.transport, 'ssh');
  assert.equal(ssh.username, 'me');
  assert.equal(ssh.port, 2222);
  assert.equal(ssh.host, 'ssh://me@box:2222');
});

test('DOCKER_HOST beats the current context; DOCKER_CONTEXT beats config.json', () => {
  const files = { ...contextFiles('remote', 'tcp://remote:2375'), ...contextFiles('other', 'tcp://other:2375', { current: false }) };
  assert.equal(resolveEngineEndpoint({ environment: fakeEnv({ DOCKER_HOST: 'unix:///a.sock' }, files) }).source, 'DOCKER_HOST');
  const viaEnv = resolveEngineEndpoint({ environment: fakeEnv({ DOCKER_CONTEXT: 'other' }, files) });
  assert.equal(viaEnv.source, 'DOCKER_CONTEXT');
  assert.equal(viaEnv.hostname, 'other');
  const viaConfig = resolveEngineEndpoint({ environment: fakeEnv({}, files) });
  assert.equal(viaConfig.source, 'context');
  assert.equal(viaConfig.contextName, 'remote');
  assert.equal(viaConfig.hostname, 'remote');
});

test('a context with TLS files uses them; SkipTLSVerify turns verification off', () => {
  const ep = resolveEngineEndpoint({ environment: fakeEnv({}, contextFiles('secure', 'tcp://secure:2376', { tls: true, skipVerify: true })) });
  assert.equal(ep.tls?.verify, false);
  assert.match(ep.tls?.caFile ?? '', /contexts\/tls\/[0-9a-f]{64}\/docker\/ca\.pem$/);
});

test('DOCKER_CONFIG moves the config directory', () => {
  const digest = createHash('sha256').update('c').digest('hex');
  const files = {
    '/cfg/config.json': JSON.stringify({ currentContext: 'c' }),
    [`/cfg/contexts/meta/${digest}/meta.json`]: JSON.stringify({ Name: 'c', Endpoints: { docker: { Host: 'unix:///c.sock' } } }),
  };
  assert.equal(resolveEngineEndpoint({ environment: fakeEnv({ DOCKER_CONFIG: '/cfg' }, files) }).socketPath, '/c.sock');
});

test('a missing or broken context is a configuration error, not a silent fallback', () => {
  assert.throws(() => resolveEngineEndpoint({ environment: fakeEnv({ DOCKER_CONTEXT: 'ghost' }) }), /context "ghost" was not found/);
  const files = { [path.join(HOME, '.docker/config.json')]: JSON.stringify({ currentContext: 'default' }) };
  assert.equal(resolveEngineEndpoint({ environment: fakeEnv({}, files, ['/var/run/docker.sock']) }).source, 'default', 'the "default" context is the default socket');
});

test('without any configuration: default socket, then Docker Desktop, rootless, Podman sockets that exist', () => {
  assert.equal(resolveEngineEndpoint({ environment: fakeEnv({}, {}, ['/var/run/docker.sock']) }).source, 'default');
  assert.equal(resolveEngineEndpoint({ environment: fakeEnv({}, {}, [path.join(HOME, '.docker/run/docker.sock')]) }).source, 'docker-desktop');
  assert.equal(resolveEngineEndpoint({ environment: fakeEnv({ XDG_RUNTIME_DIR: '/run/user/1000' }, {}, ['/run/user/1000/docker.sock']) }).source, 'rootless');
  const podman = resolveEngineEndpoint({ environment: fakeEnv({}, {}, ['/run/user/1000/podman/podman.sock']) });
  assert.equal(podman.source, 'podman');
  assert.equal(podman.socketPath, '/run/user/1000/podman/podman.sock');
  const none = resolveEngineEndpoint({ environment: fakeEnv({}) });
  assert.equal(none.host, 'unix:///var/run/docker.sock', 'nothing found: name the CLI default in the error');
});

test('host strings: bare host:port, npipe, bad schemes', () => {
  assert.equal(parseHost('localhost:1234', 'setting').host, 'tcp://localhost:1234');
  assert.equal(parseHost('npipe:////./pipe/docker_engine', 'setting').transport, 'npipe');
  assert.throws(() => parseHost('ftp://x', 'setting'), /unsupported scheme "ftp"/);
});

test('errors are explained with what to do', () => {
  const ep = parseHost('unix:///var/run/docker.sock', 'default');
  const perm = explainEngineError(Object.assign(new Error('connect EACCES /var/run/docker.sock'), { code: 'EACCES' }), ep);
  assert.equal(perm.kind, 'permission');
  assert.match(formatMessage(perm.fix), /sudo usermod -aG docker \$USER/);
  assert.match(formatMessage(perm.fix), /log out and back in/);
  assert.equal(explainEngineError(Object.assign(new Error('connect ENOENT /x'), { code: 'ENOENT' }), ep).kind, 'not-running');
  assert.equal(explainEngineError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:2375'), { code: 'ECONNREFUSED' }), ep).kind, 'not-running');
  assert.equal(explainEngineError(Object.assign(new Error('self-signed certificate'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }), ep).kind, 'tls');
  assert.equal(explainEngineError(new Error('(HTTP code 400) unexpected - client version 1.45 is too new. Maximum supported API version is 1.24'), ep).kind, 'api-too-old');
  assert.equal(explainEngineError(Object.assign(new Error('getaddrinfo ENOTFOUND nohost'), { code: 'ENOTFOUND' }), ep).kind, 'host-not-found');
  assert.equal(explainEngineError(new Error('something odd'), ep).kind, 'unknown');
  assert.match(formatMessage(perm.summary), /unix:\/\/\/var\/run\/docker\.sock \(default\)/);
});

test('API versions compare numerically', () => {
  assert.equal(apiVersionAtLeast('1.41', '1.30'), true);
  assert.equal(apiVersionAtLeast('1.4', '1.30'), false);
  assert.equal(apiVersionAtLeast('1.30', '1.30'), true);
  assert.equal(apiVersionAtLeast('2.0', '1.30'), true);
});
