// The client-side Dockerfile scan (instructions with line ranges, stages, ARGs, EXPOSE) and the
// mapping of engine errors back onto Dockerfile lines.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeBuildError } from '../../client/src/docker/buildFailure';
import { defaultTagFor, scanDockerfile, stepInstructions } from '../../client/src/docker/dockerfileScan';

const FILE = [
  '# syntax=docker/dockerfile:1', // 0 directive
  '# escape=\\', // 1 directive
  'ARG BASE=dfs-test/busybox:latest', // 2
  'FROM $BASE AS build', // 3
  'ARG VERSION="1.2 beta" MODE', // 4
  'RUN echo one && \\', // 5
  '    # a comment inside the continuation', // 6
  '', // 7
  '    echo two', // 8
  'RUN <<EOF', // 9
  'echo in heredoc', // 10
  'EOF', // 11
  'FROM --platform=linux/amd64 dfs-test/busybox:latest as Final', // 12
  'EXPOSE 80 443/tcp 53/udp 8000-8002 $PORT', // 13
  'CMD ["sh"]', // 14
].join('\n');

test('instructions carry their line ranges across continuations, comments and heredocs', () => {
  const scan = scanDockerfile(FILE);
  assert.deepEqual(
    scan.instructions.map((i) => [i.keyword, i.line, i.endLine, i.stage]),
    [
      ['ARG', 2, 2, -1],
      ['FROM', 3, 3, 0],
      ['ARG', 4, 4, 0],
      ['RUN', 5, 8, 0],
      ['RUN', 9, 11, 0],
      ['FROM', 12, 12, 1],
      ['EXPOSE', 13, 13, 1],
      ['CMD', 14, 14, 1],
    ],
  );
  assert.equal(scan.instructions[3]!.args, 'echo one &&      echo two');
});

test('stages, ARGs with defaults and EXPOSE ports are found', () => {
  const scan = scanDockerfile(FILE);
  assert.deepEqual(
    scan.stages.map((s) => [s.index, s.name, s.image, s.line]),
    [
      [0, 'build', '$BASE', 3],
      [1, 'Final', 'dfs-test/busybox:latest', 12],
    ],
  );
  assert.deepEqual(
    scan.args.map((a) => [a.name, a.defaultValue, a.stage]),
    [
      ['BASE', 'dfs-test/busybox:latest', -1],
      ['VERSION', '1.2 beta', 0],
      ['MODE', undefined, 0],
    ],
  );
  assert.deepEqual(scan.exposed, ['80/tcp', '443/tcp', '53/udp', '8000/tcp', '8001/tcp', '8002/tcp']);
});

test('the backtick escape directive changes the continuation character', () => {
  const scan = scanDockerfile('# escape=`\nFROM x\nRUN dir `\n  c:\\\nRUN next\n');
  assert.deepEqual(
    scan.instructions.map((i) => [i.keyword, i.line, i.endLine]),
    [
      ['FROM', 1, 1],
      ['RUN', 2, 3],
      ['RUN', 4, 4],
    ],
  );
});

test('classic builder step numbers map to instructions up to the target stage', () => {
  const scan = scanDockerfile(FILE);
  assert.equal(stepInstructions(scan).length, 8);
  assert.equal(stepInstructions(scan, 'build').length, 5);
  assert.equal(stepInstructions(scan, 'BUILD').length, 5, 'stage names are case-insensitive');
});

test('a failing RUN maps to its lines, exit code and hint', () => {
  const scan = scanDockerfile(FILE);
  const f = describeBuildError("The command '/bin/sh -c echo one && echo two' returned a non-zero code: 127", { scan, step: 4, lastOutput: ['sh: two: not found'] });
  assert.equal(f.kind, 'step');
  assert.equal(f.exitCode, 127);
  assert.equal(f.line, 5);
  assert.equal(f.endLine, 8);
  assert.deepEqual(f.lastOutput, ['sh: two: not found']);
  assert.match(f.hint?.message ?? '', /127/);
  const apt = describeBuildError("The command '/bin/sh -c apt-get install curl' returned a non-zero code: 100", {
    scan: scanDockerfile('FROM debian\nRUN apt-get install curl\n'),
    step: 2,
    lastOutput: [],
  });
  assert.match(apt.hint?.message ?? '', /-y/);
});

test('parse errors map to the line the engine names, or to the unknown word', () => {
  const scan = scanDockerfile('FROM x\n\nRUNN echo\n');
  const withLine = describeBuildError('dockerfile parse error line 3: unknown instruction: RUNN', { scan, lastOutput: [] });
  assert.equal(withLine.kind, 'parse');
  assert.equal(withLine.line, 2);
  const withoutLine = describeBuildError('unknown instruction: RUNN', { scan, lastOutput: [] });
  assert.equal(withoutLine.line, 2);
  const other = describeBuildError('failed to compute cache key', { scan, lastOutput: [] });
  assert.equal(other.kind, 'engine');
  assert.equal(other.line, undefined);
});

test('default tags are valid repository names', () => {
  assert.equal(defaultTagFor('My App'), 'my-app:latest');
  assert.equal(defaultTagFor('__'), 'image:latest');
  assert.equal(defaultTagFor('web.v2'), 'web.v2:latest');
});

test('the CodeLens finds the first FROM line without a full scan', async () => {
  const { firstFromLine } = await import('../../client/src/docker/dockerfileScan');
  assert.equal(firstFromLine('# syntax=docker/dockerfile:1\n\n# base\n  from alpine AS a\nFROM b\n'), 3);
  assert.equal(firstFromLine('ARG X=1\r\nFROM $X\r\n'), 1);
  assert.equal(firstFromLine('# no instructions\n'), undefined);
  assert.equal(firstFromLine('FROMAGE x\n'), undefined);
});
