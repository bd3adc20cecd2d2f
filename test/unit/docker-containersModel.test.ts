// The Containers view's pure model and the shared engine connection's state machine (with a
// fake connect function).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EngineConnection } from '../../client/src/docker/engine';
import { EngineUnavailableError } from '../../client/src/docker/engineErrors';
import { EngineService, RECONNECT_PAUSE_MS, type EngineState } from '../../client/src/docker/engineService';
import { parseHost } from '../../client/src/docker/endpoint';
import { buildContainerNodes, portUrl } from '../../client/src/views/containersModel';

test('running containers come first, with ports, URLs and the actions that apply', () => {
  const nodes = buildContainerNodes([
    { id: 'a'.repeat(64), name: 'old', image: 'web:1', state: 'exited', status: 'Exited (0) 2 hours ago', created: 100, ports: [{ containerPort: 80, protocol: 'tcp' }] },
    { id: 'b'.repeat(64), name: 'web', image: 'web:2', state: 'running', status: 'Up 3 minutes', created: 50, ports: [{ containerPort: 80, protocol: 'tcp', hostIp: '127.0.0.1', hostPort: 8080 }, { containerPort: 53, protocol: 'udp', hostIp: '0.0.0.0', hostPort: 5353 }] },
  ]);
  assert.deepEqual(
    nodes.map((n) => [n.label, n.contextValue, n.icon]),
    [
      ['web', 'container.running+http', 'running'],
      ['old', 'container.stopped', 'stopped'],
    ],
  );
  assert.deepEqual(nodes[0]!.urls, ['http://127.0.0.1:8080']);
  assert.equal(nodes[0]!.description, 'web:2 · Up 3 minutes · 127.0.0.1:8080 → 80/tcp, 0.0.0.0:5353 → 53/udp');
  assert.deepEqual(
    nodes[0]!.children.map((c) => [c.label, c.url]),
    [
      ['127.0.0.1:8080 → 80/tcp', 'http://127.0.0.1:8080'],
      ['0.0.0.0:5353 → 53/udp', undefined],
    ],
  );
  assert.equal(portUrl({ containerPort: 80, protocol: 'tcp', hostIp: '0.0.0.0', hostPort: 8081 }), 'http://localhost:8081');
  assert.equal(portUrl({ containerPort: 80, protocol: 'tcp' }), undefined);
});

test('the engine service connects once, reports its state, and explains failures', async () => {
  const states: string[] = [];
  let calls = 0;
  let fail = true;
  const endpoint = parseHost('unix:///var/run/docker.sock', 'default');
  let clock = 1000;
  const service = new EngineService({
    hostSetting: () => '',
    log: () => undefined,
    now: () => clock,
    connect: async () => {
      calls++;
      if (fail) throw new EngineUnavailableError({ kind: 'not-running', summary: { message: 'down', args: [] }, fix: { message: 'start it', args: [] }, detail: 'ENOENT' }, endpoint);
      return { docker: {} as EngineConnection['docker'], endpoint, version: { version: '20.10', apiVersion: '1.41', os: 'linux', arch: 'amd64' } };
    },
  });
  service.onDidChange((s: EngineState) => states.push(s.kind));
  await assert.rejects(service.get(), EngineUnavailableError);
  const state = service.state;
  assert.equal(state.kind, 'unavailable');
  assert.equal(state.kind === 'unavailable' ? state.problem.kind : '', 'not-running');
  fail = false;
  // Right after a failure, callers get the same explanation without a new attempt…
  await assert.rejects(service.get(), /down|EngineUnavailable/);
  assert.equal(calls, 1, 'no reconnect within the pause');
  clock += RECONNECT_PAUSE_MS;
  const [a, b] = await Promise.all([service.get(), service.get()]);
  assert.equal(a, b, 'concurrent callers share one connection attempt');
  await service.get();
  assert.equal(calls, 2);
  assert.deepEqual(states, ['connecting', 'unavailable', 'connecting', 'connected']);
});

test('Retry (refresh) connects at once even inside the reconnect pause', async () => {
  let calls = 0;
  let fail = true;
  const endpoint = parseHost('unix:///nonexistent/docker.sock', 'default');
  const service = new EngineService({
    hostSetting: () => '',
    log: () => undefined,
    now: () => 5000,
    connect: async () => {
      calls++;
      if (fail) throw new EngineUnavailableError({ kind: 'not-running', summary: { message: 'down', args: [] }, fix: { message: 'start it', args: [] }, detail: 'ENOENT' }, endpoint);
      return { docker: {} as EngineConnection['docker'], endpoint, version: { version: '20.10', apiVersion: '1.41', os: 'linux', arch: 'amd64' } };
    },
  });
  await assert.rejects(service.get(), EngineUnavailableError);
  fail = false;
  assert.equal((await service.refresh()).kind, 'connected');
  assert.equal(calls, 2);
});
