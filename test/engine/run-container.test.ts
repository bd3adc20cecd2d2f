// Running containers against the real test engine: ports prefilled from EXPOSE and answered over
// HTTP on 127.0.0.1, publish-all on 127.0.0.1, a taken host port (found by the probe, or by the
// engine at start), logs split into stdout/stderr, stop/start/restart/remove.
import assert from 'node:assert/strict';
import * as net from 'node:net';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import type Dockerode from 'dockerode';
import { buildImage } from '../../client/src/docker/build';
import { containerLogs, listContainers, removeContainer, restartContainer, startContainer, stopContainer } from '../../client/src/docker/containers';
import { bindProbe, proposePortMappings } from '../../client/src/docker/ports';
import { imageExposedPorts, resizeTty, runContainer, RunFailedError } from '../../client/src/docker/run';
import { BASE_IMAGE, engine, makeContext, removeContexts, removeImages, removeLabelledContainers, TEST_LABEL, uniqueName, waitFor } from './engine-helpers';

let docker: Dockerode;
let webImage: string;
const labels = { [TEST_LABEL]: '1' };

before(async () => {
  docker = (await engine()).docker;
  webImage = `${uniqueName('web')}:latest`;
  const dir = makeContext({
    Dockerfile: `FROM ${BASE_IMAGE}\nRUN mkdir -p /www && echo hello-from-httpd > /www/index.html\nEXPOSE 80\nCMD ["httpd", "-f", "-p", "80", "-h", "/www"]\n`,
  });
  await buildImage(docker, { contextDir: dir, dockerfile: path.join(dir, 'Dockerfile'), tag: webImage });
});
after(async () => {
  removeContexts();
  await removeLabelledContainers(docker);
  await removeImages(docker, [webImage]);
});

async function httpGet(url: string): Promise<string> {
  const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
  return res.text();
}

/** Holds a TCP port on 127.0.0.1 the way another program would. */
async function occupy(): Promise<{ port: number; close: () => Promise<void> }> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen({ port: 0, host: '127.0.0.1' }, resolve));
  const port = (server.address() as net.AddressInfo).port;
  return { port, close: () => new Promise((r) => server.close(() => r())) };
}

test('ports are prefilled from EXPOSE, bound to 127.0.0.1, and the container answers over HTTP', async () => {
  const exposed = await imageExposedPorts(docker, webImage);
  assert.deepEqual(exposed, ['80/tcp']);
  const ports = await proposePortMappings(exposed, { hostIp: '127.0.0.1' });
  assert.equal(ports.length, 1);
  assert.equal(ports[0]!.containerPort, 80);
  assert.ok(ports[0]!.hostPort! >= 8080, 'port 80 is proposed as 8080 or the next free one');

  const name = uniqueName('web');
  const run = await runContainer(docker, { image: webImage, name, ports, labels });
  assert.equal(run.name, name);
  assert.equal(run.ports.length, 1);
  assert.equal(run.ports[0]!.hostIp, '127.0.0.1');
  assert.equal(run.ports[0]!.url, `http://127.0.0.1:${ports[0]!.hostPort}`);
  const body = await waitFor('httpd to answer', async () => httpGet(run.ports[0]!.url!));
  assert.equal(body, 'hello-from-httpd\n');

  const listed = (await listContainers(docker, { labels: [TEST_LABEL] })).find((c) => c.id === run.id);
  assert.ok(listed);
  assert.equal(listed.state, 'running');
  assert.equal(listed.image, webImage);
  assert.deepEqual(listed.ports, [{ containerPort: 80, protocol: 'tcp', hostIp: '127.0.0.1', hostPort: ports[0]!.hostPort }]);

  // While it runs, the probe sees its host port as taken and proposes the next one.
  assert.equal(await bindProbe(ports[0]!.hostPort!, '127.0.0.1', 'tcp'), false);
  const again = await proposePortMappings(exposed, { hostIp: '127.0.0.1' });
  assert.ok(again[0]!.hostPort! > ports[0]!.hostPort!);
  assert.equal(again[0]!.taken, 8080 <= ports[0]!.hostPort! ? 8080 : undefined);

  await stopContainer(docker, run.id, 1);
  assert.equal((await docker.getContainer(run.id).inspect()).State.Running, false);
  await startContainer(docker, run.id);
  await restartContainer(docker, run.id, 1);
  assert.equal(await waitFor('httpd after restart', async () => httpGet(run.ports[0]!.url!)), 'hello-from-httpd\n');
  await removeContainer(docker, run.id, { force: true });
  assert.equal((await listContainers(docker)).some((c) => c.id === run.id), false);
});

test('publish-all on 127.0.0.1 picks a free host port there', async () => {
  const run = await runContainer(docker, { image: webImage, publishAll: true, publishAllHostIp: '127.0.0.1', labels, autoRemove: true });
  assert.equal(run.ports.length, 1);
  assert.equal(run.ports[0]!.hostIp, '127.0.0.1');
  assert.ok(run.ports[0]!.hostPort > 0);
  assert.equal(await waitFor('httpd to answer', async () => httpGet(run.ports[0]!.url!)), 'hello-from-httpd\n');
  await stopContainer(docker, run.id, 1);
  // --rm: the engine removes it once stopped.
  await waitFor('auto-removal', async () => ((await listContainers(docker)).some((c) => c.id === run.id) ? undefined : true));
});

test('a host port taken before the run is refused by the probe with a free port proposed, creating nothing', async () => {
  const held = await occupy();
  try {
    const before = await listContainers(docker, { labels: [TEST_LABEL] });
    const err = await runContainer(docker, { image: webImage, ports: [{ containerPort: 80, protocol: 'tcp', hostIp: '127.0.0.1', hostPort: held.port }], labels }).then(
      () => assert.fail('should fail'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof RunFailedError);
    assert.equal(err.kind, 'port-taken');
    assert.equal(err.port?.hostPort, held.port);
    assert.ok(err.port?.suggestion && err.port.suggestion > held.port);
    assert.deepEqual(await listContainers(docker, { labels: [TEST_LABEL] }), before);
  } finally {
    await held.close();
  }
});

test('a host port taken between probe and start: the engine refuses, the created container is removed', async () => {
  const held = await occupy();
  try {
    const name = uniqueName('conflict');
    const err = await runContainer(docker, {
      image: webImage,
      name,
      ports: [{ containerPort: 80, protocol: 'tcp', hostIp: '127.0.0.1', hostPort: held.port }],
      labels,
      // A probe that saw the port free a moment ago.
      prober: async () => true,
    }).then(
      () => assert.fail('should fail'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof RunFailedError, String(err));
    assert.equal(err.kind, 'port-taken', err.engineMessage);
    assert.match(err.engineMessage, /address already in use|already allocated/);
    assert.equal((await listContainers(docker)).some((c) => c.name === name), false, 'no created container is left behind');
  } finally {
    await held.close();
  }
});

test('logs come back split into stdout and stderr', async () => {
  const run = await runContainer(docker, { image: BASE_IMAGE, cmd: ['sh', '-c', 'echo out-line; echo err-line >&2; echo out-2'], labels });
  await docker.getContainer(run.id).wait();
  const frames: Array<{ stream: string; text: string }> = [];
  for await (const f of containerLogs(docker, run.id)) frames.push({ stream: f.stream, text: f.data.toString() });
  const stdout = frames.filter((f) => f.stream === 'stdout').map((f) => f.text).join('');
  const stderr = frames.filter((f) => f.stream === 'stderr').map((f) => f.text).join('');
  assert.equal(stdout, 'out-line\nout-2\n');
  assert.equal(stderr, 'err-line\n');

  // Following a running container's log ends when the signal aborts.
  const live = await runContainer(docker, { image: BASE_IMAGE, cmd: ['sh', '-c', 'echo first; sleep 60'], labels });
  const ctrl = new AbortController();
  const seen: string[] = [];
  for await (const f of containerLogs(docker, live.id, { follow: true, signal: ctrl.signal })) {
    seen.push(f.data.toString());
    if (seen.join('').includes('first')) ctrl.abort();
  }
  assert.match(seen.join(''), /first/);
  await removeContainer(docker, live.id, { force: true });
  await removeContainer(docker, run.id);
});

test('running an image that does not exist is explained', async () => {
  const err = await runContainer(docker, { image: `${uniqueName('missing')}:nope`, labels }).then(
    () => assert.fail('should fail'),
    (e: unknown) => e,
  );
  assert.ok(err instanceof RunFailedError);
  assert.equal(err.kind, 'image-missing');
});

test('an interactive run gives a TTY: typed commands run and their output comes back', async () => {
  const run = await runContainer(docker, { image: BASE_IMAGE, cmd: ['sh'], interactive: true, labels });
  assert.ok(run.tty);
  const tty = run.tty;
  let screen = '';
  tty.on('data', (d: Buffer) => (screen += d.toString()));
  await resizeTty(docker, run.id, 30, 100);
  tty.write('echo tty-says-$((40+2)); stty size\n');
  await waitFor('the command output on the TTY', async () => (screen.includes('tty-says-42') ? true : undefined));
  await waitFor('the resized TTY', async () => (/30 100/.test(screen) ? true : undefined));
  tty.write('exit\n');
  const exit = (await docker.getContainer(run.id).wait()) as { StatusCode: number };
  assert.equal(exit.StatusCode, 0);
  tty.destroy();
  await removeContainer(docker, run.id);
});
