import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseWwwAuthenticate } from '../../client/src/docker/registry/wwwAuthenticate';
import { nextPageUrl } from '../../client/src/docker/registry/linkHeader';
import { formatBytes, MEDIA_TYPES, platformString, summarizeConfig, summarizeManifest } from '../../client/src/docker/registry/manifests';
import { classifyTransferMessage, TransferTracker } from '../../client/src/docker/registry/transferProgress';
import { chainCredentials, configKeysFor, DockerConfigCredentials, hostOfConfigKey, staticCredentials, type HelperRunner } from '../../client/src/docker/registry/credentials';
import { explainHttpFailure, explainNetworkError } from '../../client/src/docker/registry/registryErrors';
import { explainEngineTransferError } from '../../client/src/docker/registry/engineTransfer';
import { requireReference } from '../../client/src/docker/registry/reference';
import { formatMessage } from '../../client/src/docker/message';
import { isLoopbackRegistry } from '../../client/src/docker/registry/registryClient';

test('WWW-Authenticate: Bearer and Basic challenges, quoted values with commas, several challenges', () => {
  const cases: Array<[string, Array<{ scheme: string; params: Record<string, string> }>]> = [
    [
      'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:samalba/my-app:pull,push"',
      [{ scheme: 'bearer', params: { realm: 'https://auth.docker.io/token', service: 'registry.docker.io', scope: 'repository:samalba/my-app:pull,push' } }],
    ],
    ['Basic realm="dfs-test"', [{ scheme: 'basic', params: { realm: 'dfs-test' } }]],
    ['bearer Realm=https://x/token , Service=svc', [{ scheme: 'bearer', params: { realm: 'https://x/token', service: 'svc' } }]],
    [
      'Basic realm="a, b", Bearer realm="https://t/token",scope="registry:catalog:* repository:x:pull"',
      [
        { scheme: 'basic', params: { realm: 'a, b' } },
        { scheme: 'bearer', params: { realm: 'https://t/token', scope: 'registry:catalog:* repository:x:pull' } },
      ],
    ],
    ['Bearer realm="quote \\" inside"', [{ scheme: 'bearer', params: { realm: 'quote " inside' } }]],
    ['', []],
  ];
  for (const [header, expected] of cases) assert.deepEqual(parseWwwAuthenticate(header), expected, header);
  assert.deepEqual(parseWwwAuthenticate(undefined), []);
});

test('Link header: next page resolved against the request URL', () => {
  assert.equal(nextPageUrl('</v2/_catalog?last=b&n=2>; rel="next"', 'http://127.0.0.1:5055/v2/_catalog?n=2'), 'http://127.0.0.1:5055/v2/_catalog?last=b&n=2');
  assert.equal(nextPageUrl('<https://other/v2/x/tags/list?n=2&last=t1>; rel=next', 'https://r/v2/x/tags/list?n=2'), 'https://other/v2/x/tags/list?n=2&last=t1');
  assert.equal(nextPageUrl('</p1>; rel="prev", </p3>; rel="next"', 'http://h/v2/_catalog'), 'http://h/p3');
  assert.equal(nextPageUrl('</p1>; rel="prev"', 'http://h/'), undefined);
  assert.equal(nextPageUrl(undefined, 'http://h/'), undefined);
});

const D = (c: string) => `sha256:${c.repeat(64)}`;

test('manifests: Docker v2, OCI manifest, OCI index with attestation, manifest list, schema 1', () => {
  const docker = summarizeManifest(JSON.stringify({ schemaVersion: 2, mediaType: MEDIA_TYPES.dockerManifest, config: { digest: D('a'), size: 100 }, layers: [{ digest: D('b'), size: 1000 }, { digest: D('c'), size: 20 }] }), MEDIA_TYPES.dockerManifest);
  assert.deepEqual(docker.kind === 'image' && [docker.totalSize, docker.layers.length, docker.mediaType], [1120, 2, MEDIA_TYPES.dockerManifest]);

  // Without a useful Content-Type the body's mediaType (or the shape) decides.
  const oci = summarizeManifest(JSON.stringify({ schemaVersion: 2, config: { digest: D('a'), size: 5 }, layers: [] }), 'application/json');
  assert.equal(oci.mediaType, MEDIA_TYPES.ociManifest);

  const index = summarizeManifest(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MEDIA_TYPES.ociIndex,
      manifests: [
        { digest: D('1'), size: 500, platform: { os: 'linux', architecture: 'amd64' } },
        { digest: D('2'), size: 501, platform: { os: 'linux', architecture: 'arm', variant: 'v7' } },
        { digest: D('3'), size: 502, platform: { os: 'unknown', architecture: 'unknown' }, annotations: { 'vnd.docker.reference.type': 'attestation-manifest' } },
      ],
    }),
  );
  assert.equal(index.kind, 'index');
  assert.deepEqual(index.kind === 'index' && index.manifests.map((m) => [platformString(m.platform), m.attestation]), [
    ['linux/amd64', false],
    ['linux/arm/v7', false],
    ['unknown/unknown', true],
  ]);
  const list = summarizeManifest(JSON.stringify({ schemaVersion: 2, mediaType: MEDIA_TYPES.dockerManifestList, manifests: [{ digest: D('4'), size: 1 }] }), MEDIA_TYPES.dockerManifestList);
  assert.equal(list.kind === 'index' && list.manifests[0]!.platform, undefined);
  assert.equal(summarizeManifest(JSON.stringify({ schemaVersion: 1, name: 'x', fsLayers: [] }), MEDIA_TYPES.dockerSchema1Signed).kind, 'legacy');
  assert.throws(() => summarizeManifest('{"schemaVersion":2,"layers":[]}'), /no config/);
  assert.deepEqual(summarizeConfig('{"created":"2024-01-02T03:04:05Z","os":"linux","architecture":"arm64","variant":"v8"}'), { created: '2024-01-02T03:04:05Z', os: 'linux', architecture: 'arm64', variant: 'v8' });
  assert.deepEqual([formatBytes(999), formatBytes(1500), formatBytes(2_800_000), formatBytes(150_000_000)], ['999 B', '1.5 kB', '2.8 MB', '150 MB']);
});

test('push progress: every engine message classified; tracker counts "layer n/m" and bytes', () => {
  const messages = [
    { status: 'The push refers to repository [127.0.0.1:5055/app]' },
    { status: 'Preparing', progressDetail: {}, id: 'aaa' },
    { status: 'Preparing', progressDetail: {}, id: 'bbb' },
    { status: 'Preparing', progressDetail: {}, id: 'ccc' },
    { status: 'Waiting', progressDetail: {}, id: 'ccc' },
    { status: 'Layer already exists', progressDetail: {}, id: 'aaa' },
    { status: 'Pushing', progressDetail: { current: 512, total: 2048 }, progress: '[==>   ]', id: 'bbb' },
    { status: 'Pushing', progressDetail: { current: 100, total: 300 }, id: 'ccc' },
    { status: 'Pushed', progressDetail: {}, id: 'bbb' },
    { status: 'Mounted from other/repo', progressDetail: {}, id: 'ccc' },
    { status: '1.0: digest: sha256:' + 'd'.repeat(64) + ' size: 739' },
    { progressDetail: {}, aux: { Tag: '1.0', Digest: 'sha256:' + 'd'.repeat(64), Size: 739 } },
  ];
  const tracker = new TransferTracker();
  const seen: string[] = [];
  let mid = '';
  for (const m of messages) {
    for (const e of classifyTransferMessage(m)) {
      tracker.apply(e);
      seen.push(e.type === 'layer' ? `${e.id}:${e.phase}` : e.type);
      if (e.type === 'layer' && e.phase === 'pushing' && e.id === 'ccc') {
        const s = tracker.snapshot();
        mid = `${s.layersDone}/${s.layersTotal} ${s.bytesDone}/${s.bytesTotal}`;
      }
    }
  }
  assert.deepEqual(seen, ['status', 'aaa:preparing', 'bbb:preparing', 'ccc:preparing', 'ccc:waiting', 'aaa:exists', 'bbb:pushing', 'ccc:pushing', 'bbb:pushed', 'ccc:mounted', 'digest', 'digest']);
  assert.equal(mid, '1/3 612/2348');
  const end = tracker.snapshot();
  assert.deepEqual([end.layersDone, end.layersTotal, end.bytesDone, end.bytesTotal, end.digest, end.size], [3, 3, 2348, 2348, 'sha256:' + 'd'.repeat(64), 739]);
});

test('pull progress and errors inside the stream', () => {
  const tracker = new TransferTracker();
  const feed = [
    { status: 'Pulling from team/app', id: '1.0' },
    { status: 'Already exists', progressDetail: {}, id: 'l1' },
    { status: 'Pulling fs layer', progressDetail: {}, id: 'l2' },
    { status: 'Downloading', progressDetail: { current: 10, total: 40 }, id: 'l2' },
    { status: 'Verifying Checksum', progressDetail: {}, id: 'l2' },
    { status: 'Download complete', progressDetail: {}, id: 'l2' },
    { status: 'Extracting', progressDetail: { current: 5, total: 40 }, id: 'l2' },
    { status: 'Pull complete', progressDetail: {}, id: 'l2' },
    { status: 'Digest: sha256:' + 'e'.repeat(64) },
    { status: 'Status: Downloaded newer image for team/app:1.0' },
    { errorDetail: { message: 'unauthorized: authentication required' }, error: 'unauthorized: authentication required' },
  ];
  const types = feed.flatMap(classifyTransferMessage).map((e) => (tracker.apply(e), e.type === 'layer' ? e.phase : e.type));
  assert.deepEqual(types, ['status', 'already-present', 'pull-queued', 'downloading', 'verifying', 'downloaded', 'extracting', 'pulled', 'digest', 'status', 'error']);
  const s = tracker.snapshot();
  assert.deepEqual([s.layersDone, s.layersTotal, s.bytesDone, s.bytesTotal, s.errors], [2, 2, 40, 40, ['unauthorized: authentication required']]);
  assert.deepEqual(classifyTransferMessage('junk'), [{ type: 'unknown', raw: 'junk' }]);
});

test('docker CLI credentials: auths (base64), credHelpers before credsStore, helper given the server URL on stdin', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dfs-cfg-unit-'));
  try {
    const calls: Array<[string, string]> = [];
    const runHelper: HelperRunner = async (program, input) => {
      calls.push([program, input]);
      if (program === 'docker-credential-desktop' && input === 'https://index.docker.io/v1/') return JSON.stringify({ Username: 'hubuser', Secret: 'hub-token' });
      if (program === 'docker-credential-ecr-login' && input === '123.dkr.ecr.eu-west-1.amazonaws.com') return JSON.stringify({ Username: 'AWS', Secret: 'ecr-pass' });
      throw new Error('credentials not found in native keychain');
    };
    fs.writeFileSync(
      path.join(dir, 'config.json'),
      JSON.stringify({
        auths: { 'localhost:5000': { auth: Buffer.from('me:p:a:ss').toString('base64') }, 'https://ghcr.io': {}, 'https://index.docker.io/v1/': {} },
        credsStore: 'desktop',
        credHelpers: { '123.dkr.ecr.eu-west-1.amazonaws.com': 'ecr-login', 'bad.example': 'x; rm -rf /' },
      }),
    );
    const warnings: string[] = [];
    const creds = new DockerConfigCredentials({ configDir: dir, runHelper, onWarning: (w) => warnings.push(w) });
    // credsStore is asked first; it has nothing for localhost:5000, so the base64 auth is used (password may hold colons).
    assert.deepEqual(await creds.get('localhost:5000'), { username: 'me', password: 'p:a:ss', source: 'docker-config' });
    assert.deepEqual(await creds.get('docker.io'), { username: 'hubuser', password: 'hub-token', source: 'credential-helper' });
    assert.deepEqual(await creds.get('123.dkr.ecr.eu-west-1.amazonaws.com'), { username: 'AWS', password: 'ecr-pass', source: 'credential-helper' });
    assert.equal(await creds.get('ghcr.io'), undefined);
    assert.equal(await creds.get('bad.example'), undefined);
    assert.ok(warnings.some((w) => /unusual name/.test(w)), 'a helper name that is not a plain word is never executed');
    assert.ok(calls.every(([p]) => /^docker-credential-[a-z-]+$/.test(p)));
    assert.deepEqual(await creds.knownRegistries(), ['123.dkr.ecr.eu-west-1.amazonaws.com', 'bad.example', 'docker.io', 'ghcr.io', 'localhost:5000']);
    assert.equal(await new DockerConfigCredentials({ configDir: path.join(dir, 'missing') }).get('x'), undefined);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  assert.equal(hostOfConfigKey('https://index.docker.io/v1/'), 'docker.io');
  assert.equal(hostOfConfigKey('http://host:5000/v2/'), 'host:5000');
  assert.ok(configKeysFor('docker.io').includes('https://index.docker.io/v1/'));
  const chain = chainCredentials({ get: async () => undefined }, staticCredentials('u', 'p'));
  assert.equal((await chain.get('x'))?.username, 'u');
});

test('HTTP failures explained: 401 with and without credentials, 403, 404 kinds, 405, 429, NAME_INVALID, HTTP to HTTPS', () => {
  const body = (code: string) => Buffer.from(JSON.stringify({ errors: [{ code, message: code.toLowerCase() }] }));
  const url = 'http://127.0.0.1:5000/v2/app/tags/list';
  const kind = (status: number, b: Buffer, sent = false, u = url) => explainHttpFailure({ url: u, status, body: b, sentCredentials: sent, subject: { kind: 'repository', name: 'app' } });
  assert.equal(kind(401, body('UNAUTHORIZED')).kind, 'unauthorized');
  assert.equal(kind(401, body('UNAUTHORIZED'), true).kind, 'wrong-credentials');
  assert.equal(kind(403, body('DENIED')).kind, 'denied');
  const nf = kind(404, body('NAME_UNKNOWN'));
  assert.equal(nf.kind, 'not-found');
  assert.equal(nf.code, 'NAME_UNKNOWN');
  assert.equal(formatMessage(nf.summary), '127.0.0.1:5000 has no repository "app" (NAME_UNKNOWN).');
  assert.match(formatMessage(explainHttpFailure({ url, status: 404, body: body('MANIFEST_UNKNOWN'), sentCredentials: false, subject: { kind: 'manifest', name: 'app:1.0' } }).summary), /has no image "app:1\.0" \(MANIFEST_UNKNOWN\)/);
  assert.equal(kind(404, Buffer.from('<html>nope</html>'), false, 'http://h/v2/').kind, 'not-a-registry');
  assert.equal(kind(405, body('UNSUPPORTED')).kind, 'unsupported');
  assert.equal(kind(429, body('TOOMANYREQUESTS')).kind, 'too-many-requests');
  assert.equal(kind(400, body('NAME_INVALID')).kind, 'name-invalid');
  assert.equal(kind(400, Buffer.from('Client sent an HTTP request to an HTTPS server.\n')).kind, 'http-vs-https');
  assert.equal(kind(500, Buffer.from('oops')).kind, 'unknown');
  const net = (code: string, u = 'https://r.example:5000/v2/') => explainNetworkError(Object.assign(new Error(code), { code }), u).kind;
  assert.deepEqual(
    ['ECONNREFUSED', 'ETIMEDOUT', 'ENOTFOUND', 'ERR_SSL_WRONG_VERSION_NUMBER', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'ABORT_ERR'].map((c) => net(c)),
    ['unreachable', 'timeout', 'host-not-found', 'http-vs-https', 'tls', 'cancelled'],
  );
  assert.equal(net('ERR_SSL_WRONG_VERSION_NUMBER', 'http://r/v2/'), 'tls', 'only an https request can meet a plain-HTTP server');
});

test('engine transfer errors explained', () => {
  const ref = requireReference('10.0.0.5:5000/goapp:1.0');
  const cases: Array<[string, string]> = [
    ['Get "https://10.0.0.5:5000/v2/": http: server gave HTTP response to HTTPS client', 'http-vs-https'],
    ['unauthorized: authentication required', 'unauthorized'],
    ['no basic auth credentials', 'unauthorized'],
    ['denied: requested access to the resource is denied', 'denied'],
    ['pull access denied for goapp, repository does not exist or may require \'docker login\'', 'not-found'],
    ['An image does not exist locally with the tag: 10.0.0.5:5000/goapp', 'not-found'],
    ['manifest for 10.0.0.5:5000/goapp:1.0 not found: manifest unknown: manifest unknown', 'not-found'],
    ['Get "https://10.0.0.5:5000/v2/": dial tcp 10.0.0.5:5000: connect: connection refused', 'unreachable'],
    ['Get "https://10.0.0.5:5000/v2/": dial tcp: lookup nohost: no such host', 'host-not-found'],
    ['Get "https://10.0.0.5:5000/v2/": x509: certificate signed by unknown authority', 'tls'],
    ['something else entirely', 'unknown'],
    // Status codes count only as words of their own, not inside ports or digests.
    ['received unexpected HTTP status: 401 Unauthorized', 'unauthorized'],
    ['Head "https://10.0.0.5:5000/v2/goapp/blobs/sha256:ab403c": 403', 'denied'],
    ['Get "http://127.0.0.1:40163/v2/": dial tcp 127.0.0.1:40163: connect: connection refused', 'unreachable'],
    ['Get "http://127.0.0.1:4031/v2/": dial tcp 127.0.0.1:4031: connect: connection refused', 'unreachable'],
  ];
  for (const [text, kind] of cases) assert.equal(explainEngineTransferError(text, ref).kind, kind, text);
  assert.match(explainEngineTransferError(cases[0]![0], ref).fix.args.join(' '), /10\.0\.0\.5:5000/);
});

test('loopback registries are the ones tried over plain HTTP first', () => {
  assert.deepEqual(['localhost:5000', '127.0.0.1:5055', '127.1.2.3', '[::1]:5000', 'localhost'].map(isLoopbackRegistry), [true, true, true, true, true]);
  assert.deepEqual(['10.0.0.5:5000', 'registry.example.com', 'localhost.example.com:5000', 'docker.io'].map(isLoopbackRegistry), [false, false, false, false]);
});
