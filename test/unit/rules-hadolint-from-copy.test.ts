// FROM rules (DL3006, DL3007, DL3024, DL3026, DL3029, DL3063, DL3065) and COPY/ADD rules (DL3010,
// DL3020, DL3021, DL3022, DL3023, DL3045, DL3067).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseImageRef } from '../../server/src/rules/hadolint/imageRef';
import { assertFixWorks, findings, idOf, ruleCases } from '../helpers/lintHelpers';

test('image references split into registry, name, tag and digest', () => {
  assert.deepEqual(parseImageRef('node'), { registry: undefined, name: 'node', tag: undefined, digest: undefined });
  assert.deepEqual(parseImageRef('localhost:5000/team/app:1.2'), { registry: 'localhost:5000', name: 'team/app', tag: '1.2', digest: undefined });
  assert.deepEqual(parseImageRef('ghcr.io/acme/app@sha256:abc'), { registry: 'ghcr.io', name: 'acme/app', tag: undefined, digest: 'sha256:abc' });
  assert.deepEqual(parseImageRef('acme/app:latest'), { registry: undefined, name: 'acme/app', tag: 'latest', digest: undefined });
});

ruleCases(idOf('DL3006'), {
  bad: [['FROM nginx', [1]], 'FROM ghcr.io/acme/app AS app', 'FROM node:20 AS a\nFROM python'],
  good: ['FROM nginx:1.27', 'FROM nginx@sha256:0123456789abcdef', 'FROM scratch', 'ARG BASE=node:20\nFROM ${BASE}', 'FROM node:20 AS build\nFROM build'],
});
ruleCases(idOf('DL3007'), {
  bad: [['FROM nginx:latest', [1]], 'FROM ghcr.io/acme/app:latest AS app'],
  good: ['FROM nginx:1.27', 'FROM nginx:latest@sha256:0123456789abcdef', 'FROM nginx'],
});
ruleCases(idOf('DL3024'), {
  bad: [['FROM node:20 AS build\nFROM golang:1.23 AS build', [2]], 'FROM node:20 AS Build\nFROM golang:1.23 AS build'],
  good: ['FROM node:20 AS web\nFROM golang:1.23 AS api', 'FROM node:20\nFROM golang:1.23'],
});
ruleCases(idOf('DL3026'), {
  config: { trustedRegistries: ['registry.acme.dev', '*.mirror.acme.dev'] },
  bad: [['FROM docker.io/library/node:20', [1]], 'FROM node:20', 'FROM quay.io/prometheus/node-exporter:v1.8.2', 'FROM registry.acme.dev/app:1\nCOPY --from=ghcr.io/acme/tool:1 /tool /tool', 'FROM registry.acme.dev/app:1\nRUN --mount=type=bind,from=ghcr.io/acme/tool:1,target=/t ls /t'],
  good: ['FROM registry.acme.dev/node:20', 'FROM eu.mirror.acme.dev/node:20', 'FROM scratch', 'FROM registry.acme.dev/node:20 AS build\nFROM build', 'FROM registry.acme.dev/node:20 AS build\nCOPY --from=build /a /b'],
});
ruleCases(idOf('DL3026'), { good: ['FROM quay.io/anything:1'], bad: [] });
ruleCases(idOf('DL3029'), {
  bad: [['FROM --platform=linux/arm64 node:20', [1]]],
  good: ['FROM node:20', 'FROM --platform=$BUILDPLATFORM golang:1.23', 'FROM --platform=${TARGETPLATFORM:-linux/amd64} node:20'],
});
ruleCases(idOf('DL3063'), { bad: [['FROM node:20 AS context', [1]], 'FROM node:20 AS Scratch'], good: ['FROM node:20 AS contexts', 'FROM scratch'] });
ruleCases(idOf('DL3065'), { bad: ['FROM --platform=$TARGETPLATFORM node:20', 'FROM --platform=${TARGETPLATFORM} node:20 AS app'], good: ['FROM --platform=$BUILDPLATFORM node:20', 'FROM node:20'] });

ruleCases(idOf('DL3010'), {
  bad: [['FROM debian:12\nCOPY site.tar.gz /srv/\nRUN tar -xzf /srv/site.tar.gz -C /srv', [2]], 'FROM debian:12\nCOPY assets/bundle.tgz /tmp/b.tgz\nRUN cd /tmp && tar -xf b.tgz', 'FROM debian:12\nCOPY data.gz /tmp/\nRUN gunzip /tmp/data.gz'],
  good: ['FROM debian:12\nCOPY site.tar.gz /srv/', 'FROM debian:12\nADD site.tar.gz /srv/', 'FROM debian:12\nCOPY site.tar.gz /srv/\nRUN tar -czf /backup.tgz /etc', 'FROM debian:12 AS a\nFROM debian:12\nCOPY --from=a /x.tar /x.tar\nRUN tar -xf /x.tar'],
});
ruleCases(idOf('DL3020'), {
  bad: [['FROM node:20\nADD package.json /app/', [2]], 'FROM node:20\nADD ["src", "/app/src"]', 'FROM node:20\nADD --chown=1000:1000 app.zip /app/'],
  good: ['FROM node:20\nCOPY package.json /app/', 'FROM node:20\nARG TOOL_URL\nADD ${TOOL_URL} /tmp/tool.rpm', 'FROM node:20\nADD rootfs.tar.xz /', 'FROM node:20\nADD https://example.com/tool.bin /usr/local/bin/tool', 'FROM node:20\nADD git@github.com:acme/repo.git /src'],
});
ruleCases(idOf('DL3021'), {
  bad: [['FROM node:20\nCOPY package.json package-lock.json /app', [2]], 'FROM node:20\nCOPY ["a", "b", "/app"]'],
  good: ['FROM node:20\nCOPY package.json package-lock.json /app/', 'FROM node:20\nCOPY package.json /app', 'FROM node:20\nCOPY ["a", "b", "/app/"]'],
});
ruleCases(idOf('DL3022'), {
  bad: [['FROM alpine:3.20\nCOPY --from=builder /out /out', [2]], 'FROM alpine:3.20\nCOPY --from=1 /out /out', 'FROM alpine:3.20\nCOPY --from=later /a /a\nFROM alpine:3.20 AS later'],
  good: ['FROM golang:1.23 AS builder\nFROM alpine:3.20\nCOPY --from=builder /out /out', 'FROM golang:1.23\nFROM alpine:3.20\nCOPY --from=0 /out /out', 'FROM alpine:3.20\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx', 'FROM alpine:3.20\nCOPY --from=ghcr.io/acme/tools /bin/t /bin/t'],
});
test('a misspelt stage name after --from= is named, with a fix', () => {
  const text = 'FROM golang:1.23 AS Builder\nRUN go build -o /app .\nFROM scratch\nCOPY --from=biulder /app /app';
  const [f] = findings(idOf('DL3022'), text);
  assert.match(f.message.en, /did you mean "Builder"\?/);
  assert.match(f.message.ko, /"Builder"/);
  assert.equal(assertFixWorks(idOf('DL3022'), text), text.replace('biulder', 'Builder'));
  // Nothing close: no guess, no fix.
  const [far] = findings(idOf('DL3022'), 'FROM golang:1.23 AS builder\nFROM scratch\nCOPY --from=assets /a /a');
  assert.doesNotMatch(far.message.en, /did you mean/);
  assert.deepEqual(far.fixes, []);
});
ruleCases(idOf('DL3023'), { bad: [['FROM node:20 AS app\nCOPY --from=app /a /b', [2]]], good: ['FROM node:20 AS app\nFROM alpine:3.20\nCOPY --from=app /a /b'] });
ruleCases(idOf('DL3045'), {
  bad: [['FROM node:20\nCOPY package.json .', [2]], 'FROM node:20 AS a\nWORKDIR /app\nFROM node:20\nCOPY x y'],
  good: ['FROM node:20\nWORKDIR /app\nCOPY package.json .', 'FROM node:20\nCOPY package.json /app/', 'FROM node:20\nCOPY x $APP_HOME', 'FROM node:20 AS base\nWORKDIR /app\nFROM base\nCOPY x y', 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY app.exe C:\\app\\'],
});
ruleCases(idOf('DL3067'), { bad: [['FROM alpine:3.20 AS a\nFROM scratch\nCOPY --from=a / /', [3]]], good: ['FROM alpine:3.20 AS a\nFROM scratch\nCOPY --from=a /etc/ssl /etc/ssl', 'FROM scratch\nCOPY / /'] });

test('fix: ADD of plain files becomes COPY', () => {
  assert.match(assertFixWorks(idOf('DL3020'), 'FROM node:20\nWORKDIR /app\nADD package.json /app/\nUSER 1000'), /\nCOPY package\.json/);
});

test('fix: several COPY sources get a directory destination', () => {
  assert.match(assertFixWorks(idOf('DL3021'), 'FROM node:20\nCOPY a.json b.json /app\nUSER 1000'), /COPY a\.json b\.json \/app\/\n/);
});

test('fix: the redundant --platform=$TARGETPLATFORM is removed', () => {
  assert.equal(assertFixWorks(idOf('DL3065'), 'FROM --platform=$TARGETPLATFORM alpine:3.20\nUSER 1000'), 'FROM alpine:3.20\nUSER 1000');
});
