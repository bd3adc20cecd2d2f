import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDockerfile } from '../../server/src/model/parser';
import { expandValue, findVariable, variablesInScope } from '../../server/src/model/scope';

const at = (line: number, character = 0) => ({ line, character });

test('a global ARG is visible on FROM lines but inside a stage only after it is redeclared', () => {
  const df = parseDockerfile('ARG VERSION=3.20\nFROM alpine:${VERSION}\nRUN echo $VERSION\nARG VERSION\nRUN echo $VERSION\n');
  const onFrom = findVariable(df, at(1, 15), 'VERSION');
  assert.equal(onFrom?.value, '3.20');
  assert.equal(onFrom?.stageIndex, -1);
  assert.equal(findVariable(df, at(2, 10), 'VERSION'), undefined);
  const redeclared = findVariable(df, at(4, 10), 'VERSION');
  assert.equal(redeclared?.kind, 'ARG');
  assert.equal(redeclared?.value, '3.20');
  assert.equal(redeclared?.stageIndex, 0);
  assert.equal(redeclared?.instruction?.startLine, 3);
  assert.equal(redeclared?.globalDefault?.instruction?.startLine, 0);
});

test('ENV values expand earlier variables; an instruction does not see its own pairs', () => {
  const df = parseDockerfile('FROM a\nARG BASE=/opt\nENV APP=$BASE/app LOG="${APP}/log"\nENV DATA=${APP:-none}/data\nRUN true\n');
  const names = variablesInScope(df, at(4, 3)).map((v) => `${v.kind} ${v.name}=${v.value}`);
  assert.deepEqual(names, ['ARG BASE=/opt', 'ENV APP=/opt/app', 'ENV LOG=/log', 'ENV DATA=/opt/app/data']);
  // On the ENV line itself, APP is not yet defined.
  assert.equal(findVariable(df, at(2, 10), 'APP'), undefined);
  assert.equal(findVariable(df, at(2, 10), 'BASE')?.value, '/opt');
});

test('ENV wins over an ARG of the same name, whatever the order', () => {
  const df = parseDockerfile('FROM a\nENV MODE=prod\nARG MODE=dev\nRUN echo $MODE\n');
  const v = findVariable(df, at(3, 10), 'MODE');
  assert.equal(v?.kind, 'ENV');
  assert.equal(v?.value, 'prod');
});

test('a stage built FROM an earlier stage inherits its ARG and ENV; other stages do not', () => {
  const df = parseDockerfile('FROM alpine AS base\nARG NAME=joe\nENV HOME_DIR=/home/$NAME\nFROM base AS build\nRUN echo $NAME $HOME_DIR\nFROM alpine\nRUN echo $NAME\n');
  const inherited = variablesInScope(df, at(4, 5));
  assert.deepEqual(inherited.map((v) => [v.name, v.value, v.inherited, v.stageIndex]), [['NAME', 'joe', true, 0], ['HOME_DIR', '/home/joe', true, 0]]);
  assert.deepEqual(variablesInScope(df, at(6, 5)), []);
});

test('stage names are case-insensitive and a self-referencing FROM does not loop', () => {
  const df = parseDockerfile('FROM alpine AS Base\nENV X=1\nFROM base\nRUN echo $X\nFROM loop AS loop\nENV Y=2\nRUN echo $Y\n');
  assert.equal(findVariable(df, at(3, 10), 'X')?.value, '1');
  assert.equal(findVariable(df, at(6, 10), 'Y')?.value, '2');
});

test('automatic platform args are global; inside a stage they need ARG and stay build-time values', () => {
  const df = parseDockerfile('FROM --platform=$BUILDPLATFORM golang AS build\nARG TARGETARCH\nRUN GOARCH=$TARGETARCH go build\n');
  const onFrom = findVariable(df, at(0, 20), 'BUILDPLATFORM');
  assert.ok(onFrom?.builtin);
  assert.equal(onFrom?.instruction, undefined);
  assert.equal(findVariable(df, at(1, 0), 'TARGETARCH'), undefined);
  const declared = findVariable(df, at(2, 15), 'TARGETARCH');
  assert.ok(declared?.builtin);
  assert.equal(declared?.value, undefined);
  assert.equal(declared?.instruction?.startLine, 1);
  assert.equal(findVariable(df, at(2, 15), 'BUILDPLATFORM'), undefined);
});

test('an ARG without a default has an undefined value; positions between instructions see what is above', () => {
  const df = parseDockerfile('FROM a\nARG TOKEN\n\nENV B=2\n');
  const between = variablesInScope(df, at(2, 0));
  assert.deepEqual(between.map((v) => [v.name, v.value]), [['TOKEN', undefined]]);
  assert.deepEqual(variablesInScope(df, at(4, 0)).map((v) => v.name), ['TOKEN', 'B']);
});

test('legacy ENV form and ARGs before the first FROM in the preamble', () => {
  const df = parseDockerfile('ARG A=1\nARG B=${A}2\nFROM x\nENV GREETING hello world\nRUN x\n');
  assert.deepEqual(variablesInScope(df, at(1, 0)).filter((v) => !v.builtin).map((v) => v.name), ['A']);
  assert.equal(findVariable(df, at(2, 6), 'B')?.value, '12');
  assert.equal(findVariable(df, at(4, 0), 'GREETING')?.value, 'hello world');
});

test('expandValue follows the word lexer: quotes, escapes and modifiers', () => {
  const look = (n: string) => ({ A: 'x', E: '' } as Record<string, string>)[n];
  assert.equal(expandValue("'$A'", look), '$A');
  assert.equal(expandValue('"$A"-\\$A', look), 'x-$A');
  assert.equal(expandValue('${E:-d} ${E-d} ${A:+y} ${U+y} ${U:-${A}}', look), 'd  y  x');
  assert.equal(expandValue('$ ${', look), '$ ${');
});

test('a chain of thousands of stages resolves (no deep recursion, no stack overflow)', () => {
  const lines = ['FROM alpine AS s0', 'ENV V0=0'];
  for (let i = 1; i < 3000; i++) lines.push(`FROM s${i - 1} AS s${i}`, `ENV V${i}=$V${i - 1}.${i % 10}`);
  lines.push('RUN echo $V2999');
  const df = parseDockerfile(lines.join('\n'));
  const v = findVariable(df, at(lines.length - 1, 12), 'V2999');
  assert.equal(v?.value?.length, 2 * 3000 - 1);
  assert.ok(v?.value?.startsWith('0.1.2.3'));
  assert.equal(variablesInScope(df, at(lines.length - 1, 12)).length, 3000);
});
