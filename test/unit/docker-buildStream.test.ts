// The build response as a protocol: JSON objects split across or joined within chunks, every kind
// of message classified, errors never lost; and the log stream demultiplexer.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BuildStreamParser, classifyBuildMessage, JsonObjectSplitter } from '../../client/src/docker/buildStream';
import { encodeLogFrame, LogDemuxer } from '../../client/src/docker/logDemux';

test('objects split anywhere, joined without newlines, or containing braces in strings come out whole', () => {
  const s = new JsonObjectSplitter();
  const text = '{"stream":"a {b} \\"}\\""}\n{"stream":"c"}{"aux":{"ID":"sha256:1"}}\n';
  const out: string[] = [];
  for (const ch of text) out.push(...s.push(ch));
  assert.deepEqual(out.map((o) => JSON.parse(o) as unknown), [{ stream: 'a {b} "}"' }, { stream: 'c' }, { aux: { ID: 'sha256:1' } }]);
  assert.equal(s.rest(), '');
});

test('step, running-in, cache, image and success lines are classified', () => {
  const p = new BuildStreamParser();
  const events = p.push(
    [
      { stream: 'Step 3/7 : RUN apt-get update' },
      { stream: '\n' },
      { stream: ' ---> Running in 0123456789ab\n' },
      { stream: '\u001b[91mwarning text\u001b[0m\n' },
      { stream: ' ---> Using cache\n' },
      { stream: ' ---> 3f2a1b0c9d8e\n' },
      { aux: { ID: 'sha256:abc' } },
      { stream: 'Successfully built 3f2a1b0c9d8e\n' },
      { stream: 'Successfully tagged app:latest\n' },
      { status: 'Pulling from library/x', id: 'latest' },
      { something: 'new' },
    ]
      .map((o) => JSON.stringify(o))
      .join('\r\n'),
  );
  const kinds = events.filter((e) => e.type !== 'output').map((e) => e.type);
  assert.deepEqual(kinds, ['step', 'running-in', 'cache-hit', 'step-image', 'aux', 'built', 'tagged', 'status', 'unknown']);
  const step = events.find((e) => e.type === 'step');
  assert.deepEqual(step, { type: 'step', step: 3, total: 7, instruction: 'RUN apt-get update' });
  assert.ok(events.some((e) => e.type === 'output' && e.text.includes('\u001b[91m')), 'colours are kept for the terminal');
});

test('an error message becomes an error event with its code', () => {
  assert.deepEqual(classifyBuildMessage({ errorDetail: { code: 100, message: "The command '/bin/sh -c apt-get install x' returned a non-zero code: 100" }, error: 'ignored duplicate' }), [
    { type: 'error', message: "The command '/bin/sh -c apt-get install x' returned a non-zero code: 100", code: 100 },
  ]);
  assert.deepEqual(classifyBuildMessage({ error: 'only error text' }), [{ type: 'error', message: 'only error text', code: undefined }]);
});

test('a stream cut in the middle of a message ends with an error, not silence', () => {
  const p = new BuildStreamParser();
  assert.deepEqual(p.push('{"stream":"Step 1/2 : FROM x"}\n{"stream":"half'), [
    { type: 'output', text: 'Step 1/2 : FROM x' },
    { type: 'step', step: 1, total: 2, instruction: 'FROM x' },
  ]);
  const end = p.end();
  assert.equal(end.length, 1);
  assert.equal(end[0]!.type, 'error');
});

test('log frames are demultiplexed across chunk boundaries', () => {
  const bytes = Buffer.concat([encodeLogFrame('stdout', 'hello\n'), encodeLogFrame('stderr', 'oops\n'), encodeLogFrame('stdout', 'x'.repeat(300))]);
  const d = new LogDemuxer();
  const frames = [];
  for (let i = 0; i < bytes.length; i += 7) frames.push(...d.push(bytes.subarray(i, i + 7)));
  assert.deepEqual(
    frames.map((f) => [f.stream, f.data.toString()]),
    [
      ['stdout', 'hello\n'],
      ['stderr', 'oops\n'],
      ['stdout', 'x'.repeat(300)],
    ],
  );
  assert.equal(d.leftover, 0);
});
