// Table-driven good/bad cases for the syntax/validity rules and their quick fixes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDuration } from '../../server/src/rules/syntax/invalidHealthcheck';
import { isValidImageReference } from '../../server/src/rules/buildkit/imageRef';
import { assertFixWorks, findings, ruleCases } from '../helpers/ruleTestKit';

test('durations and image references', () => {
  assert.equal(parseDuration('1m30s'), 90e9);
  assert.equal(parseDuration('500ms'), 500e6);
  assert.equal(parseDuration('30'), 'no-unit');
  assert.equal(parseDuration('30x'), 'bad-unit');
  assert.equal(parseDuration('abc'), 'invalid');
  for (const ok of ['alpine', 'alpine:3.20', 'ghcr.io/org/app:v1.2', 'localhost:5000/a/b', 'nginx@sha256:' + 'a'.repeat(64)]) assert.ok(isValidImageReference(ok), ok);
  for (const bad of ['Alpine', 'alpine:', 'alpine:bad!tag', 'alpine@', 'busybox:-musl', '']) assert.ok(!isValidImageReference(bad), bad);
});

ruleCases('missing-arguments', {
  bad: [['FROM alpine\nUSER\nCOPY a\nENV NAME\nONBUILD COPY x', [2, 3, 4, 5]]],
  good: ['FROM alpine\nCOPY a /b\nCOPY <<EOF /x\nhi\nEOF\nENV A=1\nENV B two words', 'FROM alpine\nCOPY ["a", "/b"]'],
});

ruleCases('extra-arguments', {
  bad: [['FROM alpine\nUSER app admin\nSTOPSIGNAL SIGTERM SIGKILL', [2, 3]]],
  good: ['FROM alpine\nUSER app:admin\nSTOPSIGNAL SIGTERM'],
});

ruleCases('invalid-from', {
  bad: [['FROM node:20 build', [1]], ['FROM node:20 BS build', [1]], ['FROM node:20 AS 1st', [1]], ['FROM Node:20', [1]], ['FROM node:20 AS a b', [1]]],
  good: ['FROM node:20 AS build', 'FROM scratch', 'ARG V=20\nFROM node:${V}', 'FROM ghcr.io/org/app:1.0@sha256:' + 'b'.repeat(64), 'FROM node:20 AS Build\nFROM Build'],
});

ruleCases('invalid-expose', {
  bad: [['FROM nginx\nEXPOSE http 80/xyz', [2, 2]]],
  good: ['FROM nginx\nEXPOSE 80 443/tcp 53/UDP 8000-8010/sctp $PORT 8080:80'],
});

ruleCases('invalid-healthcheck', {
  bad: [['FROM nginx\nHEALTHCHECK --interval=30 --timeout=10us --retries=0 CMD true\nHEALTHCHECK CONNECT x\nHEALTHCHECK NONE CMD true\nHEALTHCHECK CMD', [2, 2, 2, 3, 4, 5]]],
  good: ['FROM nginx\nHEALTHCHECK --interval=30s --timeout=1m --start-period=0 --retries=3 CMD ["curl", "-f", "http://localhost"]', 'FROM nginx\nHEALTHCHECK NONE'],
});

ruleCases('invalid-escape-directive', { bad: [['# escape=/\nFROM alpine', [1]]], good: ['# escape=`\nFROM alpine', '# escape=\\\nFROM alpine'] });
ruleCases('duplicate-directive', { bad: [['# syntax=docker/dockerfile:1\n# syntax=docker/dockerfile:1.7\nFROM alpine', [2]]], good: ['# syntax=docker/dockerfile:1\n# escape=`\nFROM alpine'] });
ruleCases('directive-casing', { bad: [['# Syntax=docker/dockerfile:1\nFROM alpine', [1]]], good: ['# syntax=docker/dockerfile:1\nFROM alpine'] });
ruleCases('instruction-casing', { bad: [['from alpine\nRUN x', [1]]], good: ['FROM alpine\nRUN x'] });
ruleCases('onbuild-trigger-disallowed', { bad: [['FROM alpine\nONBUILD ONBUILD RUN x\nONBUILD FROM alpine\nONBUILD MAINTAINER me', [2, 3, 4]]], good: ['FROM alpine\nONBUILD RUN npm ci'] });
ruleCases('shell-json-form', { bad: [['FROM alpine\nSHELL /bin/bash -c\nSHELL []', [2, 3]]], good: ['FROM alpine\nSHELL ["/bin/bash", "-c"]'] });
ruleCases('invalid-stopsignal', { bad: [['FROM alpine\nSTOPSIGNAL SIGSTOPP', [2]]], good: ['FROM alpine\nSTOPSIGNAL SIGQUIT', 'FROM alpine\nSTOPSIGNAL 9', 'FROM alpine\nSTOPSIGNAL TERM', 'FROM alpine\nSTOPSIGNAL $SIG', 'FROM alpine\nSTOPSIGNAL SIGRTMIN+3'] });
ruleCases('duplicate-flag', { bad: [['FROM alpine\nCOPY --chown=1 --chown=2 a /b', [2]]], good: ['FROM alpine\nCOPY --exclude=*.md --exclude=*.txt . /b\nRUN --mount=type=cache,target=/a --mount=type=cache,target=/b ls'] });
ruleCases('flag-missing-value', { bad: [['FROM alpine\nCOPY --from a /b\nFROM --platform= alpine', [2, 3]]], good: ['FROM alpine\nCOPY --link a /b'] });
ruleCases('invalid-flag-value', {
  bad: [['FROM alpine\nCOPY --link=yes a /b\nRUN --network=bridge ls\nCOPY --chmod=rwx a /b\nCOPY --from=-x a /b', [2, 3, 4, 5]]],
  good: ['FROM alpine\nCOPY --link=true --chmod=0755 a /b\nRUN --network=none ls\nCOPY --chmod=u+x a /c'],
});
ruleCases('invalid-mount', {
  bad: [['FROM golang\nRUN --mount=type=cache,traget=/root/.cache go build\nRUN --mount=type=volume,target=/x ls\nRUN --mount=type=cache go build', [2, 3, 4]]],
  good: ['FROM golang\nRUN --mount=type=cache,target=/root/.cache,sharing=locked --mount=type=secret,id=tok,env=TOKEN --mount=from=build,source=/out,target=/in --mount=type=bind,ro ls'],
});
ruleCases('json-in-single-quotes', { bad: [["FROM node\nCMD ['node', 'app.js']", [2]]], good: ['FROM node\nCMD ["node", "app.js"]', 'FROM node\nCMD node app.js'] });
ruleCases('invalid-key-value', {
  bad: [["FROM alpine\nENV A=1 B\nENV =1\nENV C='x\nLABEL key", [2, 3, 4, 5]]],
  good: ['FROM alpine\nENV A=1 B="two words"\nENV LEGACY some value\nLABEL a=b\nARG X Y'],
});
ruleCases('no-source-image', { bad: [['RUN echo hi\nFROM alpine', [1]]], good: ['ARG V=1\nFROM alpine', '# comment\nFROM alpine'] });
ruleCases('invalid-variable-modifier', {
  bad: [['FROM alpine\nARG V=1.2.3\nLABEL major=${V:0:1}', [3]]],
  good: ['FROM alpine\nARG V=1\nLABEL a=${V:-1} b=${V:+x} c=${V#linux/} d=${V%%.*}\nRUN echo ${V:0:1}'],
});

test('unknown mount options suggest the closest spelling', () => {
  const [f] = findings('invalid-mount', 'FROM golang\nRUN --mount=type=cache,traget=/root/.cache go build');
  assert.match(f.message.en, /did you mean target\?/);
});

test('syntax quick fixes remove the finding and add no other', () => {
  assertFixWorks('directive-casing', '# ESCAPE=`\nFROM alpine:3.20');
  assertFixWorks('duplicate-directive', '# escape=`\n# escape=`\nFROM alpine:3.20');
  assertFixWorks('instruction-casing', 'from alpine:3.20');
  assertFixWorks('shell-json-form', 'FROM alpine:3.20\nSHELL /bin/ash -c');
  // On CMD and ENTRYPOINT the finding folds into DL3025 (its own test); RUN and SHELL are this rule's alone.
  assertFixWorks('json-in-single-quotes', "FROM alpine:3.20\nRUN ['sh', '-c', 'echo hi']");
  assertFixWorks('duplicate-flag', 'FROM alpine:3.20\nCOPY --chown=1:1 --chown=2:2 a /a');
});

test('HEALTHCHECK durations accept both micro signs (U+00B5 and U+03BC), as Go does', () => {
  assert.equal(parseDuration('1500\u00b5s'), 1.5e6);
  assert.equal(parseDuration('1500\u03bcs'), 1.5e6);
  assert.equal(parseDuration('2us'), 2e3);
  assert.equal(parseDuration('1x'), 'bad-unit');
});
