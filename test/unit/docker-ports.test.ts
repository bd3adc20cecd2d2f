// Port choices for run, with an injected prober: proposals from EXPOSE, taken ports skipped,
// remembered choices kept, port spec parsing, and run error explanations.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatPortSpec, nextFreePort, parsePortSpec, proposePortMappings, type PortProber } from '../../client/src/docker/ports';
import { createOptionsFor, explainRunError } from '../../client/src/docker/run';

const takenProber = (taken: number[]): PortProber => async (port) => !taken.includes(port);

test('exposed ports are proposed on 8000+port below 1024, and the next free port when taken', async () => {
  const ports = await proposePortMappings(['80/tcp', '3000/tcp', '53/udp'], { hostIp: '127.0.0.1', prober: takenProber([8080, 8081]) });
  assert.deepEqual(ports, [
    { containerPort: 80, protocol: 'tcp', hostIp: '127.0.0.1', hostPort: 8082, taken: 8080 },
    { containerPort: 3000, protocol: 'tcp', hostIp: '127.0.0.1', hostPort: 3000 },
    { containerPort: 53, protocol: 'udp', hostIp: '127.0.0.1', hostPort: 8053 },
  ]);
});

test('two mappings never get the same proposed host port', async () => {
  const ports = await proposePortMappings(['8080/tcp', '80/tcp'], { prober: takenProber([]) });
  assert.deepEqual(
    ports.map((p) => p.hostPort),
    [8080, 8081],
  );
});

test('remembered choices are kept (and re-probed)', async () => {
  const remembered = [{ containerPort: 80, protocol: 'tcp' as const, hostPort: 9000, hostIp: '' }];
  const ports = await proposePortMappings(['80/tcp'], { prober: takenProber([9000]), remembered });
  assert.equal(ports[0]!.hostPort, 9001);
  assert.equal(ports[0]!.taken, 9000);
});

test('nextFreePort gives up after its tries', async () => {
  assert.equal(await nextFreePort(100, '', 'tcp', async () => false, 5), undefined);
});

test('port specs like docker run -p', () => {
  assert.deepEqual(parsePortSpec('8080:80'), { hostIp: undefined, hostPort: 8080, containerPort: 80, protocol: 'tcp' });
  assert.deepEqual(parsePortSpec('127.0.0.1:8080:80/udp'), { hostIp: '127.0.0.1', hostPort: 8080, containerPort: 80, protocol: 'udp' });
  assert.deepEqual(parsePortSpec('80'), { hostIp: undefined, hostPort: undefined, containerPort: 80, protocol: 'tcp' });
  assert.equal(parsePortSpec('eighty'), undefined);
  assert.equal(formatPortSpec({ hostIp: '127.0.0.1', hostPort: 8080, containerPort: 80, protocol: 'tcp' }), '127.0.0.1:8080:80');
});

test('create options carry bindings, env, auto-remove and publish-all', () => {
  const o = createOptionsFor({ image: 'x', ports: [{ containerPort: 80, protocol: 'tcp', hostIp: '127.0.0.1', hostPort: 8080 }], env: { A: '1' }, autoRemove: true, publishAll: true });
  assert.deepEqual(o.ExposedPorts, { '80/tcp': {} });
  assert.deepEqual(o.HostConfig?.PortBindings, { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '8080' }] });
  assert.deepEqual(o.Env, ['A=1']);
  assert.equal(o.HostConfig?.AutoRemove, true);
  assert.equal(o.HostConfig?.PublishAllPorts, true);
});

test('engine errors on start are explained', () => {
  const taken = explainRunError('driver failed programming external connectivity on endpoint x: Bind for 127.0.0.1:8080 failed: port is already allocated');
  assert.equal(taken.kind, 'port-taken');
  assert.equal(taken.hostPort, 8080);
  const inUse = explainRunError('Error starting userland proxy: listen tcp4 127.0.0.1:40123: bind: address already in use');
  assert.equal(inUse.kind, 'port-taken');
  assert.equal(inUse.hostPort, 40123);
  assert.equal(explainRunError('No such image: nope:latest').kind, 'image-missing');
  assert.equal(explainRunError('Conflict. The container name "/web" is already in use by container "abc"').kind, 'name-taken');
});
