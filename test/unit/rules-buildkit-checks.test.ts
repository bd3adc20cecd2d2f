// Table-driven good/bad cases for every BuildKit check we implement (our own cases), and their fixes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertFixWorks, findings, lines, ruleCases } from '../helpers/ruleTestKit';

ruleCases('stage-name-casing', {
  bad: [['FROM golang:1.23 AS Build\nFROM alpine:3.20\nCOPY --from=Build /x /x', [1]]],
  good: ['FROM golang:1.23 AS build', 'FROM golang:1.23'],
});

ruleCases('from-as-casing', {
  bad: [['FROM node:20 as deps', [1]], ['from node:20 AS deps', [1]]],
  good: ['FROM node:20 AS deps', 'from node:20 as deps', 'From node:20 as deps', 'FROM node:20'],
});

ruleCases('no-empty-continuation', {
  bad: [['FROM alpine:3.20\nRUN apk add \\\n\n    curl \\\n\n    git', [6]]],
  good: ['FROM alpine:3.20\nRUN apk add \\\n    # comment lines are fine\n    curl', 'FROM alpine:3.20\n\nRUN echo hi'],
});

ruleCases('consistent-instruction-casing', {
  bad: [['FROM alpine:3.20\nrun echo hi\nCMD ["sh"]', [2]], ['from alpine:3.20\nrun echo hi\nCMD ["sh"]', [3]], ['FROM alpine:3.20\nRun echo hi', [2]]],
  good: ['FROM alpine:3.20\nRUN echo hi', 'from alpine:3.20\nrun echo hi', 'FROM alpine:3.20\nRUN <<EOF\nenv\nEOF'],
});

ruleCases('buildkit-reserved-stage-name', {
  bad: [['FROM alpine:3.20 AS context', [1]], ['FROM alpine:3.20 AS Scratch', [1]]],
  good: ['FROM alpine:3.20 AS base', 'FROM scratch'],
});

ruleCases('json-args-recommended', {
  bad: [['FROM node:20\nCMD node server.js', [2]], ['FROM node:20\nENTRYPOINT ./start.sh', [2]]],
  good: ['FROM node:20\nCMD ["node", "server.js"]', 'FROM alpine:3.20\nSHELL ["/bin/bash", "-c"]\nCMD echo hi', 'FROM alpine:3.20 AS a\nSHELL ["/bin/ash", "-c"]\nFROM a\nENTRYPOINT run-it'],
});

ruleCases('undefined-arg-in-from', {
  bad: [['FROM node:20${VARIANT}', [1]], ['ARG BASE=alpine\nFROM --platform=$BUILDPLATOFRM $BASE', [2]]],
  good: ['ARG VARIANT=-alpine\nFROM node:20${VARIANT}', 'FROM --platform=$BUILDPLATFORM alpine:3.20', 'FROM alpine AS a\nARG X\nFROM a'],
});

ruleCases('workdir-relative-path', {
  bad: [['FROM nginx:1.27\nWORKDIR html', [2]]],
  good: ['FROM nginx:1.27\nWORKDIR /srv\nWORKDIR html', 'FROM alpine AS a\nWORKDIR /app\nFROM a\nWORKDIR sub', 'FROM alpine\nWORKDIR $HOME/app', 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\app'],
});

ruleCases('undefined-var', {
  bad: [
    ['FROM alpine:3.20\nCOPY $src /app/', [2]],
    ['FROM alpine:3.20\nARG DIR_ASSETS=assets\nCOPY $DIR_ASSET /srv/', [3]],
    ['FROM python:3.12\nENV PATH=$PAHT:/opt/bin', [2]],
    ['ARG version=1\nFROM alpine:3.20\nLABEL v=$version', [3]],
    ['FROM scratch\nENV X=$UNSET_THING', [2]],
  ],
  good: [
    'FROM alpine:3.20\nARG src=app\nCOPY $src /app/',
    'FROM python:3.12\nENV VERSION=$PYTHON_VERSION',
    'FROM alpine:3.20\nRUN echo $anything',
    'FROM alpine:3.20 AS a\nARG f=x\nFROM a\nCOPY $f .',
    "FROM alpine:3.20\nENV A='$literal'",
    'FROM alpine:3.20\nCOPY ${maybe:-default} .',
  ],
});

ruleCases('multiple-instructions-disallowed', {
  bad: [['FROM alpine:3.20\nCMD ["a"]\nCMD ["b"]\nENTRYPOINT ["x"]\nENTRYPOINT ["y"]\nHEALTHCHECK CMD ["h"]\nHEALTHCHECK NONE', [2, 4, 6]]],
  good: ['FROM alpine:3.20 AS a\nCMD ["a"]\nFROM a\nCMD ["b"]', 'FROM alpine:3.20\nHEALTHCHECK CMD ["curl", "-f", "http://localhost"]\nCMD ["serve"]'],
});

ruleCases('legacy-key-value-format', {
  bad: [['FROM alpine:3.20\nENV TZ Asia/Seoul\nLABEL maintainer me', [2, 3]], ['FROM alpine:3.20\nARG name value', [2]], ['FROM alpine:3.20\nENV DEPS \\\n    curl \\\n    git', [2]]],
  good: ['FROM alpine:3.20\nENV TZ=Asia/Seoul', 'FROM alpine:3.20\nARG a b c', "FROM alpine:3.20\nLABEL purpose = 'web'", 'FROM alpine:3.20\nARG A'],
});

ruleCases('invalid-default-arg-in-from', {
  bad: [['ARG TAG\nFROM busybox:${TAG}', [2]], ['ARG IMAGE\nFROM $IMAGE', [2]], ['ARG SFX="box:"\nFROM busy${SFX}', [2]]],
  good: ['ARG TAG=1.36\nFROM busybox:${TAG}', 'ARG VARIANT\nFROM busybox:stable${VARIANT}', 'ARG TAG\nFROM alpine:${TAG:-3.20}', 'FROM alpine AS build-linux\nFROM build-$TARGETOS', 'ARG FLAVOR=${TARGETARCH}\nFROM alpine AS amd64\nFROM ${FLAVOR} AS archive'],
});

ruleCases('from-platform-flag-const-disallowed', {
  bad: [['FROM --platform=linux/amd64 node:20', [1]]],
  good: ['FROM --platform=$BUILDPLATFORM node:20', 'FROM --platform=linux/arm64 alpine AS build_arm64', 'FROM node:20'],
});

ruleCases('copy-ignored-file', {
  bad: [['FROM alpine:3.20\nCOPY .env /app/\nADD secrets/key.pem /k', [2, 3]]],
  good: ['FROM alpine:3.20\nCOPY src/ /app/', 'FROM alpine:3.20 AS a\nFROM alpine:3.20\nCOPY --from=a .env /x', 'FROM alpine:3.20\nCOPY keep.txt /x'],
  config: { dockerignore: ['# comment', '.env', 'secrets', '*.txt', '!keep.txt'] },
});

test('copy-ignored-file: the context root, ** and re-includes', () => {
  assert.deepEqual(lines('copy-ignored-file', 'FROM scratch\nCOPY . .', { dockerignore: ['*'] }), [2]);
  assert.deepEqual(lines('copy-ignored-file', 'FROM scratch\nCOPY . .', { dockerignore: ['.*'] }), []);
  assert.deepEqual(lines('copy-ignored-file', 'FROM scratch\nCOPY ./Dockerfile .', { dockerignore: ['**', '!Dockerfile'] }), []);
  assert.deepEqual(lines('copy-ignored-file', 'FROM scratch\nCOPY docs/a/b.md .', { dockerignore: ['**/*.md'] }), [2]);
  assert.deepEqual(lines('copy-ignored-file', 'FROM scratch\nCOPY Dockerfile .'), [], 'no .dockerignore known: silent');
});

ruleCases('buildkit-redundant-target-platform', {
  bad: [['FROM --platform=$TARGETPLATFORM alpine:3.20', [1]], ['FROM --platform=${TARGETPLATFORM} alpine:3.20 AS a', [1]]],
  good: ['FROM --platform=$BUILDPLATFORM alpine:3.20', 'FROM alpine:3.20'],
});

ruleCases('secrets-used-in-arg-or-env', {
  bad: [['FROM alpine:3.20\nARG GITHUB_TOKEN\nENV DB_PASSWORD=x api_key=y', [2, 3, 3]], ['ARG AWS_SECRET_ACCESS_KEY\nFROM alpine', [1]]],
  good: ['FROM alpine:3.20\nARG PUBLIC_KEY\nENV PASSWORD_FILE=/run/secrets/db\nARG AUTH_MODULE_VERSION\nENV KEYBOARD=us'],
});

ruleCases('invalid-definition-description', {
  bad: [['# the version\nARG VERSION=1\n# compile stage\nFROM alpine AS build', [2, 4]]],
  good: ['# VERSION the version\nARG VERSION=1\n# build compiles things\nFROM alpine AS build', '# a note\n\nARG VERSION=1', '#\nARG X=1', '# a note\nFROM alpine'],
});

ruleCases('expose-proto-casing', {
  bad: [['FROM nginx\nEXPOSE 80/TCP 53/Udp 443/tcp', [2, 2]]],
  good: ['FROM nginx\nEXPOSE 80/tcp 53/udp 8080'],
});

ruleCases('expose-invalid-format', {
  bad: [['FROM nginx\nEXPOSE 8080:80 127.0.0.1:443:443 80', [2, 2]]],
  good: ['FROM nginx\nEXPOSE 80 443/tcp 8000-8010', 'FROM nginx\nARG P=80\nEXPOSE $P'],
});

test('BuildKit checks are off by default only when experimental', () => {
  assert.equal(findings('invalid-definition-description', '# x\nARG A=1').length, 1, 'opted in through config.enabled');
  assert.deepEqual(lines('undefined-var', '# check=skip=UndefinedVar\nFROM alpine\nCOPY $x .'), []);
});

test('BuildKit quick fixes remove the finding and add no other', () => {
  assertFixWorks('stage-name-casing', 'FROM golang:1.23 AS Build\nRUN go version\nFROM alpine:3.20\nCOPY --from=Build /go /go\nRUN --mount=type=cache,from=Build,target=/x ls');
  assertFixWorks('from-as-casing', 'FROM golang:1.23 as build\nRUN go version');
  assertFixWorks('consistent-instruction-casing', 'FROM alpine:3.20\nrun echo hi\nCMD ["sh"]');
  assertFixWorks('no-empty-continuation', 'FROM alpine:3.20\nRUN echo a \\\n\n    b');
  assertFixWorks('legacy-key-value-format', 'FROM alpine:3.20\nENV TZ Asia/Seoul');
  assertFixWorks('legacy-key-value-format', 'FROM alpine:3.20\nLABEL description "a small image"');
  assertFixWorks('legacy-key-value-format', 'FROM alpine:3.20\nENV GREETING hello world');
  assertFixWorks('undefined-var', 'FROM alpine:3.20\nARG DIR_ASSETS=assets\nCOPY $DIR_ASSET /srv/');
  assertFixWorks('undefined-arg-in-from', 'ARG BASE=alpine:3.20\nFROM $BSAE');
  assertFixWorks('buildkit-redundant-target-platform', 'FROM --platform=$TARGETPLATFORM alpine:3.20\nRUN echo hi');
  assertFixWorks('expose-proto-casing', 'FROM nginx:1.27\nEXPOSE 80/TCP');
  assertFixWorks('expose-invalid-format', 'FROM nginx:1.27\nEXPOSE 8080:80');
  assertFixWorks('workdir-relative-path', 'FROM nginx:1.27\nWORKDIR usr/share/nginx/html');
  assertFixWorks('multiple-instructions-disallowed', 'FROM alpine:3.20\nCMD ["a"]\nCMD ["b"]');
  assertFixWorks('json-args-recommended', 'FROM node:20-alpine\nCMD node server.js');
  assertFixWorks('json-args-recommended', 'FROM node:20-alpine\nENTRYPOINT ./start.sh --port 80');
});

test('stage rename fix touches every reference', () => {
  const text = 'FROM golang:1.23 AS Build\nFROM Build AS test\nFROM alpine:3.20\nCOPY --from=Build /go /go';
  const fixed = assertFixWorks('stage-name-casing', text);
  assert.equal(fixed, 'FROM golang:1.23 AS build\nFROM build AS test\nFROM alpine:3.20\nCOPY --from=build /go /go');
});
