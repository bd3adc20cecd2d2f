// Per-step cache status of a build, from streams recorded on the test engine (classic builder and
// BuildKit, a fresh build and the same build again), mapped onto the Dockerfile's lines.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { cachedLines, StepCacheRecorder, type BuildStepRecord } from '../../client/src/docker/buildCache';
import { BuildStreamParser } from '../../client/src/docker/buildStream';
import { scanDockerfile } from '../../client/src/docker/dockerfileScan';

// The Dockerfile the fixtures were recorded with (the RUN's unique marker replaced in the classic streams).
const DOCKERFILE = 'FROM dfs-test/busybox:latest\nENV MODE=demo\nRUN echo rec-marker > /m\nCOPY a.txt /a.txt\n';
const FIXTURES = path.join(__dirname, '..', 'fixtures', 'build-streams');

function record(file: string, builder: 'classic' | 'buildkit', dockerfile = DOCKERFILE): BuildStepRecord[] {
  const recorder = new StepCacheRecorder(scanDockerfile(dockerfile), builder);
  const parser = new BuildStreamParser();
  const raw = fs.readFileSync(path.join(FIXTURES, file), 'utf8');
  // Fed in small chunks, as the engine's response arrives.
  for (let i = 0; i < raw.length; i += 97) for (const e of parser.push(raw.slice(i, i + 97))) recorder.push(e);
  return recorder.steps();
}

const summary = (steps: BuildStepRecord[]) => steps.map((s) => `${s.line}:${s.instruction.split(' ')[0]}:${s.cached ? 'cached' : 'built'}`);

test('classic builder: a fresh build has no cached step, the rebuild reuses ENV, RUN and COPY', () => {
  assert.deepEqual(summary(record('classic-fresh.jsonl', 'classic')), ['0:FROM:built', '1:ENV:built', '2:RUN:built', '3:COPY:built']);
  const again = record('classic-cached.jsonl', 'classic');
  assert.deepEqual(summary(again), ['0:FROM:built', '1:ENV:cached', '2:RUN:cached', '3:COPY:cached']);
  assert.equal(again[2]!.instruction, 'RUN echo rec-marker > /m');
});

test('BuildKit: only numbered steps (FROM, RUN, COPY) are recorded; the rebuild marks RUN and COPY cached', () => {
  // BuildKit's Dockerfile text carries the recorded marker inside its protobuf, so map by step number only.
  const fresh = record('buildkit-fresh.jsonl', 'buildkit');
  assert.deepEqual(summary(fresh), ['0:FROM:cached', '2:RUN:built', '3:COPY:built'], 'the base image is already there: BuildKit calls its FROM cached');
  assert.deepEqual(summary(record('buildkit-cached.jsonl', 'buildkit')), ['0:FROM:built', '2:RUN:cached', '3:COPY:cached']);
});

test('a BuildKit cache hit in a named stage lands on that stage, not on the built one', () => {
  const text = 'FROM b AS deps\nRUN one\nFROM b AS app\nRUN one\nCOPY --from=deps /x /x\n';
  const recorder = new StepCacheRecorder(scanDockerfile(text), 'buildkit');
  recorder.push({ type: 'step', step: 2, total: 2, instruction: 'RUN one', stage: 'deps' });
  recorder.push({ type: 'step', step: 2, total: 3, instruction: 'RUN one', stage: 'app' });
  recorder.push({ type: 'cache-hit', step: 2, total: 2, stage: 'deps' });
  assert.deepEqual(summary(recorder.steps()), ['1:RUN:cached', '3:RUN:built']);
});

test('cached lines follow the instruction text after edits; a changed instruction is not cached', () => {
  const steps = record('classic-cached.jsonl', 'classic');
  assert.deepEqual([...cachedLines(steps, DOCKERFILE)].sort(), [1, 2, 3]);
  const edited = '# a comment added above\n\nFROM dfs-test/busybox:latest\nENV MODE=other\nRUN echo rec-marker > /m\nCOPY a.txt /a.txt\n';
  assert.deepEqual([...cachedLines(steps, edited)].sort(), [4, 5], 'lines moved by 2; the edited ENV is not claimed');
  assert.deepEqual([...cachedLines(record('classic-fresh.jsonl', 'classic'), DOCKERFILE)], []);
});

test('equal instructions in two stages take the status of the nearest recorded one', () => {
  const records: BuildStepRecord[] = [
    { line: 1, endLine: 1, instruction: 'RUN one', cached: true },
    { line: 3, endLine: 3, instruction: 'RUN one', cached: false },
  ];
  assert.deepEqual([...cachedLines(records, 'FROM b AS deps\nRUN one\nFROM b AS app\nRUN one\n')], [1]);
});
