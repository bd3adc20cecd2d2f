import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  canonicalString,
  checkTag,
  familiarString,
  InvalidReferenceError,
  parseReference,
  registryApiHost,
  requireReference,
  withDefaultTag,
  type ReferenceProblemCode,
} from '../../client/src/docker/registry/reference';
import { formatMessage } from '../../client/src/docker/message';

const HEX64 = 'dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9c';

// input → [domain, path, tag, digest, familiar form]
const valid: Array<[string, string, string, string | undefined, string | undefined, string]> = [
  ['ubuntu', 'docker.io', 'library/ubuntu', undefined, undefined, 'ubuntu'],
  ['ubuntu:22.04', 'docker.io', 'library/ubuntu', '22.04', undefined, 'ubuntu:22.04'],
  ['library/ubuntu', 'docker.io', 'library/ubuntu', undefined, undefined, 'ubuntu'],
  ['docker.io/ubuntu', 'docker.io', 'library/ubuntu', undefined, undefined, 'ubuntu'],
  ['docker.io/library/ubuntu:latest', 'docker.io', 'library/ubuntu', 'latest', undefined, 'ubuntu:latest'],
  ['index.docker.io/library/debian', 'docker.io', 'library/debian', undefined, undefined, 'debian'],
  ['index.docker.io/debian', 'docker.io', 'library/debian', undefined, undefined, 'debian'],
  ['library/foo/bar', 'docker.io', 'library/foo/bar', undefined, undefined, 'library/foo/bar'],
  ['dmcgowan/myapp', 'docker.io', 'dmcgowan/myapp', undefined, undefined, 'dmcgowan/myapp'],
  ['store/foo/bar:1', 'docker.io', 'store/foo/bar', '1', undefined, 'store/foo/bar:1'],
  ['test_com/foo', 'docker.io', 'test_com/foo', undefined, undefined, 'test_com/foo'],
  ['localhost/foo', 'localhost', 'foo', undefined, undefined, 'localhost/foo'],
  ['localhost:5000/goapp:1.0', 'localhost:5000', 'goapp', '1.0', undefined, 'localhost:5000/goapp:1.0'],
  // Bare "localhost" (no slash) is a Docker Hub repository named localhost, as in docker itself.
  ['localhost', 'docker.io', 'library/localhost', undefined, undefined, 'localhost'],
  ['localhost:5000', 'docker.io', 'library/localhost', '5000', undefined, 'localhost:5000'],
  ['3.35.207.14:5000/goapp:1.0', '3.35.207.14:5000', 'goapp', '1.0', undefined, '3.35.207.14:5000/goapp:1.0'],
  ['127.0.0.1:5000/library/debian', '127.0.0.1:5000', 'library/debian', undefined, undefined, '127.0.0.1:5000/library/debian'],
  ['192.168.0.1', 'docker.io', 'library/192.168.0.1', undefined, undefined, '192.168.0.1'],
  ['192.168.0.1:80', 'docker.io', 'library/192.168.0.1', '80', undefined, '192.168.0.1:80'],
  ['test-com:8080/foo', 'test-com:8080', 'foo', undefined, undefined, 'test-com:8080/foo'],
  ['xn--n3h.com:18080/foo', 'xn--n3h.com:18080', 'foo', undefined, undefined, 'xn--n3h.com:18080/foo'],
  ['ghcr.io/owner/team/app:v1.2.3-rc.1', 'ghcr.io', 'owner/team/app', 'v1.2.3-rc.1', undefined, 'ghcr.io/owner/team/app:v1.2.3-rc.1'],
  ['[fc00::1]:5000/docker', '[fc00::1]:5000', 'docker', undefined, undefined, '[fc00::1]:5000/docker'],
  ['[fc00:1:2:3:4:5:6:7]:5000/library/debian', '[fc00:1:2:3:4:5:6:7]:5000', 'library/debian', undefined, undefined, '[fc00:1:2:3:4:5:6:7]:5000/library/debian'],
  ['Docker/docker', 'Docker', 'docker', undefined, undefined, 'Docker/docker'],
  ['FOO/bar', 'FOO', 'bar', undefined, undefined, 'FOO/bar'],
  ['docker.io/' + HEX64, 'docker.io', 'library/' + HEX64, undefined, undefined, HEX64],
  [HEX64.slice(0, 63), 'docker.io', 'library/' + HEX64.slice(0, 63), undefined, undefined, HEX64.slice(0, 63)],
  ['docker---rules/docker', 'docker.io', 'docker---rules/docker', undefined, undefined, 'docker---rules/docker'],
  ['dock__er/docker', 'docker.io', 'dock__er/docker', undefined, undefined, 'dock__er/docker'],
  ['d/docker', 'docker.io', 'd/docker', undefined, undefined, 'd/docker'],
  // distribution quirk: "a.b_c-d" looks like a host (it has a dot) but is not a valid one, while
  // the whole input is a valid path, so the reference has no domain at all.
  ['a.b_c-d/e', '', 'a.b_c-d/e', undefined, undefined, 'a.b_c-d/e'],
  ['app:UPPER_Tag', 'docker.io', 'library/app', 'UPPER_Tag', undefined, 'app:UPPER_Tag'],
  ['app:_under', 'docker.io', 'library/app', '_under', undefined, 'app:_under'],
  ['app:' + 'a'.repeat(128), 'docker.io', 'library/app', 'a'.repeat(128), undefined, 'app:' + 'a'.repeat(128)],
  ['redis@sha256:' + HEX64, 'docker.io', 'library/redis', undefined, 'sha256:' + HEX64, 'redis@sha256:' + HEX64],
  ['busybox:latest@sha256:' + HEX64, 'docker.io', 'library/busybox', 'latest', 'sha256:' + HEX64, 'busybox:latest@sha256:' + HEX64],
  ['localhost:5000/a/b@sha512:' + HEX64 + HEX64, 'localhost:5000', 'a/b', undefined, 'sha512:' + HEX64 + HEX64, 'localhost:5000/a/b@sha512:' + HEX64 + HEX64],
  ['x@sha384:' + HEX64 + HEX64.slice(0, 32), 'docker.io', 'library/x', undefined, 'sha384:' + HEX64 + HEX64.slice(0, 32), 'x@sha384:' + HEX64 + HEX64.slice(0, 32)],
];

test('valid references normalise like docker (domain, path, tag, digest, familiar form)', () => {
  for (const [input, domain, path, tag, digest, familiar] of valid) {
    const r = parseReference(input);
    assert.ok(r.ok, `${input} should be valid: ${r.ok ? '' : formatMessage(r.problem.message)}`);
    assert.deepEqual(r.reference, { domain, path, ...(tag !== undefined ? { tag } : {}), ...(digest !== undefined ? { digest } : {}) }, input);
    assert.equal(familiarString(r.reference), familiar, `familiar form of ${input}`);
    assert.equal(canonicalString(r.reference), `${domain ? domain + '/' : ''}${path}${tag !== undefined ? ':' + tag : ''}${digest !== undefined ? '@' + digest : ''}`);
    // The canonical form parses back to the same parts.
    const again = parseReference(canonicalString(r.reference));
    assert.ok(again.ok && JSON.stringify(again.reference) === JSON.stringify(r.reference), `round trip of ${input}`);
  }
});

// input → expected problem code
const invalid: Array<[string, ReferenceProblemCode]> = [
  ['', 'empty'],
  [' ubuntu', 'whitespace'],
  ['ubuntu :1', 'whitespace'],
  ['https://github.com/docker/docker', 'scheme'],
  ['http://localhost:5000/app', 'scheme'],
  [HEX64, 'identifier'],
  ['docker/Docker', 'uppercase'],
  ['docker.io/docker/Docker', 'uppercase'],
  ['Ubuntu', 'uppercase'],
  ['localhost:5000/GoApp:1.0', 'uppercase'],
  ['-docker', 'path-component-invalid'],
  ['-docker/docker', 'path-component-invalid'],
  ['docker-/docker', 'path-component-invalid'],
  ['-docker-/docker', 'path-component-invalid'],
  ['____/____', 'path-component-invalid'],
  ['_docker/_docker', 'path-component-invalid'],
  ['dock..er/docker', 'domain-invalid'],
  ['dock_.er/docker', 'domain-invalid'],
  ['dock-.er/docker', 'domain-invalid'],
  ['dock___er/docker', 'path-component-invalid'],
  // A first part with a dot is read as a registry address, so these are explained as one.
  ['-docker.io/docker/docker', 'domain-invalid'],
  ['localhost:50a0/app', 'domain-invalid'],
  ['local_host:5000/app', 'domain-invalid'],
  ['host-.com/app', 'domain-invalid'],
  ['docker///docker', 'empty-component'],
  ['docker.io/docker///docker', 'empty-component'],
  ['docker/', 'empty-component'],
  ['/docker', 'empty-component'],
  ['localhost:5000/', 'empty-component'],
  ['[fc00::1]', 'registry-only'],
  ['[fc00::1]:5000', 'registry-only'],
  ['ubuntu!', 'path-component-invalid'],
  ['fc00::1:5000/debian', 'domain-invalid'],
  ['[fe80::1%eth0]:5000/debian', 'domain-invalid'],
  ['[2001:db8:3:4::192.0.2.33]:5000/debian', 'domain-invalid'],
  ['a/' + 'b'.repeat(254), 'name-too-long'],
  ['app:', 'tag-empty'],
  ['app:.hidden', 'tag-invalid'],
  ['app:-dash', 'tag-invalid'],
  ['app:a+b', 'tag-invalid'],
  ['app:' + 'a'.repeat(129), 'tag-too-long'],
  ['localhost:5000/app:1.0:2', 'tag-invalid'],
  ['app@sha256:' + HEX64.slice(0, 40), 'digest-length'],
  ['app@sha256:' + HEX64.toUpperCase(), 'digest-invalid'],
  ['app@md5:' + HEX64.slice(0, 32), 'digest-unsupported'],
  ['app@sha256', 'digest-invalid'],
  ['app@', 'digest-invalid'],
  ['app@sha256:xyz', 'digest-invalid'],
];

test('invalid references are refused with the part that is wrong', () => {
  for (const [input, code] of invalid) {
    const r = parseReference(input);
    assert.ok(!r.ok, `${JSON.stringify(input)} should be invalid`);
    assert.equal(r.problem.code, code, `${JSON.stringify(input)}: ${formatMessage(r.problem.message)}`);
    const text = formatMessage(r.problem.message);
    assert.doesNotMatch(text, /\{\d\}/, 'all placeholders filled');
    assert.ok(text.length > 20);
  }
});

test('messages are data: English template plus arguments, ready for a Korean bundle', () => {
  const r = parseReference('localhost:5000/GoApp:1.0');
  assert.ok(!r.ok);
  assert.match(r.problem.message.message, /\{0\}/);
  assert.deepEqual(r.problem.message.args, ['GoApp', 'goapp']);
  assert.match(formatMessage(r.problem.message), /"GoApp" contains capital letters.*"goapp"/);
});

test('requireReference throws InvalidReferenceError with the explanation', () => {
  assert.throws(() => requireReference('app:-x'), (err: unknown) => err instanceof InvalidReferenceError && err.problem.code === 'tag-invalid' && /starts with "-"/.test(err.message));
  assert.equal(requireReference('app').path, 'library/app');
});

test('helpers: default tag, registry API host, tag check', () => {
  assert.equal(canonicalString(withDefaultTag(requireReference('ubuntu'))), 'docker.io/library/ubuntu:latest');
  assert.equal(canonicalString(withDefaultTag(requireReference(`ubuntu@sha256:${HEX64}`))), `docker.io/library/ubuntu@sha256:${HEX64}`);
  assert.equal(registryApiHost('docker.io'), 'registry-1.docker.io');
  assert.equal(registryApiHost('index.docker.io'), 'registry-1.docker.io');
  assert.equal(registryApiHost('localhost:5000'), 'localhost:5000');
  assert.equal(checkTag('1.0'), undefined);
  assert.equal(checkTag('.x')?.code, 'tag-invalid');
  assert.equal(checkTag('')?.code, 'tag-empty');
});
