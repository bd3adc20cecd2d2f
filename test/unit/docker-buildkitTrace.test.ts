// BuildKit progress: the hand-written protobuf decoding of StatusResponse (checked against messages
// encoded here field by field), vertex names, and the log/step events derived from them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BuildkitProgress, decodeBuildkitStatus, parseVertexName } from '../../client/src/docker/buildkitTrace';
import { BuildStreamParser } from '../../client/src/docker/buildStream';

function varint(n: number): Buffer {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return Buffer.from(out);
}
const field = (no: number, body: Buffer | string) => {
  const b = typeof body === 'string' ? Buffer.from(body) : body;
  return Buffer.concat([varint(no * 8 + 2), varint(b.length), b]);
};
const flag = (no: number, v: number) => Buffer.concat([varint(no * 8), varint(v)]);
const timestamp = field(1, Buffer.from([0x08, 0x01])); // any non-empty Timestamp

function vertex(digest: string, name: string, extra: Buffer[] = []): Buffer {
  return field(1, Buffer.concat([field(1, digest), field(2, 'sha256:input'), field(3, name), ...extra]));
}
function log(digest: string, msg: string): Buffer {
  return field(3, Buffer.concat([field(1, digest), field(2, timestamp), flag(3, 1), field(4, msg)]));
}

test('vertex names carry stage, step and total', () => {
  assert.deepEqual(parseVertexName('[build 2/4] RUN make'), { stage: 'build', step: 2, total: 4, instruction: 'RUN make' });
  assert.deepEqual(parseVertexName('[3/3] COPY a /a'), { stage: undefined, step: 3, total: 3, instruction: 'COPY a /a' });
  assert.equal(parseVertexName('[internal] load build definition from Dockerfile'), undefined);
});

test('StatusResponse: vertexes (cached, started, completed, error) and logs are decoded; other fields skipped', () => {
  const msg = Buffer.concat([
    vertex('sha256:a', '[1/2] FROM x', [flag(4, 1), field(5, timestamp), field(6, timestamp)]),
    field(2, Buffer.concat([field(1, 'status-id'), flag(4, 10), flag(5, 100)])), // VertexStatus: ignored
    vertex('sha256:b', '[2/2] RUN false', [field(5, timestamp), field(7, 'exit code: 1')]),
    log('sha256:b', 'line one\nline two\n'),
    Buffer.from([0x2d, 1, 2, 3, 4]), // field 5, fixed32: skipped
  ]);
  const s = decodeBuildkitStatus(msg.toString('base64'));
  assert.deepEqual(s.vertexes, [
    { digest: 'sha256:a', name: '[1/2] FROM x', cached: true, started: true, completed: true, error: undefined },
    { digest: 'sha256:b', name: '[2/2] RUN false', cached: false, started: true, completed: false, error: 'exit code: 1' },
  ]);
  assert.equal(s.logs.length, 1);
  assert.equal(s.logs[0]!.msg.toString(), 'line one\nline two\n');
});

test('progress: numbered log like --progress=plain, steps, cache hits, and the failing vertex with its output', () => {
  const p = new BuildkitProgress();
  const e1 = p.push(decodeBuildkitStatus(Buffer.concat([vertex('d1', '[stage-0 1/2] FROM x', [flag(4, 1)]), vertex('d2', '[stage-0 2/2] RUN build', [field(5, timestamp)])]).toString('base64')));
  assert.deepEqual(
    e1.map((e) => (e.type === 'output' ? e.text : e.type)),
    ['#1 [stage-0 1/2] FROM x\n', 'step', '#1 CACHED\n', 'cache-hit', '#2 [stage-0 2/2] RUN build\n', 'step'],
  );
  p.push(decodeBuildkitStatus(log('d2', 'compiling\nlinking\n').toString('base64')));
  const e3 = p.push(decodeBuildkitStatus(vertex('d2', '[stage-0 2/2] RUN build', [field(5, timestamp), field(6, timestamp), field(7, 'exit code: 2')]).toString('base64')));
  const failed = e3.find((e) => e.type === 'vertex-error');
  assert.deepEqual(failed, { type: 'vertex-error', name: '[stage-0 2/2] RUN build', error: 'exit code: 2', step: 2, total: 2, stage: 'stage-0', lastOutput: ['compiling', 'linking'] });
});

test('the stream parser turns trace aux messages into these events and keeps the image id', () => {
  const parser = new BuildStreamParser();
  const trace = vertex('d9', '[1/1] FROM y').toString('base64');
  const events = parser.push(`${JSON.stringify({ id: 'moby.buildkit.trace', aux: trace })}\n${JSON.stringify({ id: 'moby.image.id', aux: { ID: 'sha256:feed' } })}\n`);
  assert.deepEqual(
    events.map((e) => e.type),
    ['output', 'step', 'aux'],
  );
  const aux = events[2];
  assert.equal(aux?.type === 'aux' ? aux.imageId : '', 'sha256:feed');
  assert.equal(parser.push(`${JSON.stringify({ id: 'moby.buildkit.trace', aux: '////' })}\n`)[0]?.type, 'unknown', 'garbage is reported, not thrown');
});
