// Image actions behind the Images view against a real engine: history mapped to tree nodes, tag,
// flatten (export + import: one layer, nothing wasted, configuration lost) and remove.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import Dockerode from 'dockerode';
import { configLostByFlatten, flattenImage, imageHistory, inspectImage, listImages, removeImage, tagImage } from '../../client/src/docker/layers/imageActions';
import { analyseEngineImage } from '../../client/src/docker/layers/analyseImage';
import { buildTar } from '../../client/src/docker/layers/tarWriter';
import { imageNodes, layerNodes } from '../../client/src/views/imagesModel';
import { matchHistoryToDockerfile } from '../../client/src/views/layersLineModel';

const docker = new Dockerode();
const tag = `dfs-test-layers-actions:${process.pid}`;
const alias = `dfs-test-layers-alias:${process.pid}`;
const flat = `dfs-test-layers-flat:${process.pid}`;
const dockerfile = `FROM dfs-test/busybox:latest
RUN head -c 300000 /dev/zero > /tmp/scratch
ENV MODE=demo
EXPOSE 8080
RUN rm /tmp/scratch && echo kept > /kept.txt
CMD ["httpd", "-f", "-p", "8080"]
`;

test.before(async () => {
  const stream = await docker.buildImage(Readable.from([buildTar([{ path: 'Dockerfile', content: dockerfile }])]), { t: tag, rm: true, forcerm: true });
  const out = await new Promise<Array<{ error?: string }>>((resolve, reject) => docker.modem.followProgress(stream, (e, o) => (e ? reject(e) : resolve(o as Array<{ error?: string }>))));
  const failed = out.find((e) => e.error);
  if (failed) throw new Error(failed.error);
}, { timeout: 120_000 });

test.after(async () => {
  for (const ref of [flat, alias, tag]) await docker.getImage(ref).remove({ force: true }).catch(() => undefined);
});

test('history becomes layer nodes in build order and links back to the Dockerfile lines', { timeout: 30_000 }, async () => {
  const history = await imageHistory(docker, tag);
  const nodes = layerNodes(tag, history, Date.now());
  assert.deepEqual(
    nodes.slice(-5).map((n) => [n.label, n.emptyLayer, n.size]),
    [
      ['RUN head -c 300000 /dev/zero > /tmp/scratch', false, 300000],
      ['ENV MODE=demo', true, 0],
      ['EXPOSE 8080', true, 0],
      ['RUN rm /tmp/scratch && echo kept > /kept.txt', false, 5],
      ['CMD ["httpd" "-f" "-p" "8080"]', true, 0],
    ],
  );
  const oldestFirst = history.slice().reverse().map((h) => h.createdBy);
  const lines = matchHistoryToDockerfile(oldestFirst, dockerfile);
  const firstOwnStep = nodes.length - 5;
  assert.deepEqual(lines?.map((m) => [m.step - firstOwnStep, m.line]), [[0, 1], [1, 2], [2, 3], [3, 4], [4, 5]]);
});

test('tag, list and remove', { timeout: 30_000 }, async () => {
  await tagImage(docker, tag, alias);
  const listed = imageNodes(await listImages(docker), Date.now()).filter((n) => n.kind === 'image' && n.label.startsWith('dfs-test-layers-a'));
  assert.deepEqual(listed.map((n) => n.label).sort(), [alias, tag].sort());
  await removeImage(docker, alias);
  await assert.rejects(inspectImage(docker, alias), (e: { statusCode?: number }) => e.statusCode === 404);
  await inspectImage(docker, tag); // removing a tag keeps the image
});

test('flatten: one layer, the deleted bytes are gone, and the configuration is lost as warned', { timeout: 60_000 }, async () => {
  const before = await analyseEngineImage(docker, tag);
  assert.equal(before.wastedBytes, 300000);
  const lost = configLostByFlatten(await inspectImage(docker, tag));
  assert.deepEqual(lost, ['CMD ["httpd","-f","-p","8080"]', 'ENV PATH=/bin', 'ENV MODE=demo', 'EXPOSE 8080/tcp']);
  await flattenImage(docker, tag, flat);
  const after = await analyseEngineImage(docker, flat);
  assert.equal(after.layers.length, 1);
  assert.equal(after.wastedBytes, 0);
  assert.equal(after.size, before.size - 300000);
  const info = await inspectImage(docker, flat);
  assert.equal(info.Config.Cmd, null);
  assert.deepEqual(configLostByFlatten(info), []);
  const leftovers = await docker.listContainers({ all: true, filters: { label: ['dockerfile-studio.flatten'] } });
  assert.equal(leftovers.length, 0, 'the temporary container is removed');
});

test('container diff lists A/C/D and commit turns the changes into one new layer', { timeout: 60_000 }, async () => {
  const { containerDiff, commitContainer } = await import('../../client/src/docker/layers/imageActions');
  const committed = `dfs-test-layers-commit:${process.pid}`;
  const container = await docker.createContainer({ Image: tag, Cmd: ['sh', '-c', 'echo hi > /hello && rm /kept.txt && echo x >> /etc/passwd'], Labels: { 'dfs-test': 'layers' } });
  try {
    await container.start();
    await container.wait();
    assert.deepEqual(await containerDiff(docker, container.id), [
      { path: '/etc', kind: 'C' },
      { path: '/etc/passwd', kind: 'C' },
      { path: '/hello', kind: 'A' },
      { path: '/kept.txt', kind: 'D' },
    ]);
    await commitContainer(docker, container.id, committed, 'from a test');
    const a = await analyseEngineImage(docker, committed);
    const top = a.layers[a.layers.length - 1];
    assert.deepEqual([top.added.map((c) => c.path), top.changed.map((c) => c.path), top.deleted.map((c) => c.path)], [['hello'], ['etc', 'etc/passwd'], ['kept.txt']]);
  } finally {
    await container.remove({ force: true }).catch(() => undefined);
    await docker.getImage(committed).remove({ force: true }).catch(() => undefined);
  }
});
