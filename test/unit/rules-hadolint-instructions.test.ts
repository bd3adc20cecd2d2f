// Single-instruction and per-stage rules: DL1001, DL3000, DL3002, DL3011, DL3012, DL3025, DL3043,
// DL3044, DL3057, DL3061, DL3064, DL3066, DL4000, DL4003, DL4004; labels DL3048-DL3058.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertFixWorks, findings, idOf, lintText, ruleCases } from '../helpers/lintHelpers';

ruleCases(idOf('DL1001'), { bad: [['# hadolint ignore=DL3006\nFROM nginx', [1]]], good: ['# hadolint global ignore=DL3006\nFROM nginx', '# hadolint shell=bash\nFROM nginx:1.27', '# just a note\nFROM nginx:1.27'] });
ruleCases(idOf('DL3000'), { bad: [['FROM node:20\nWORKDIR app', [2]], 'FROM node:20\nWORKDIR "src/app"'], good: ['FROM node:20\nWORKDIR /app', 'FROM node:20\nWORKDIR $HOME/app', 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nWORKDIR C:\\app'] });
ruleCases(idOf('DL3002'), {
  bad: [['FROM node:20\nUSER root', [2]], 'FROM node:20\nUSER 0:0', 'FROM node:20 AS a\nUSER root\nFROM node:20\nUSER node'],
  good: ['FROM node:20\nUSER root\nRUN npm ci\nUSER node', 'FROM node:20', 'FROM node:20\nUSER rootless'],
});
ruleCases(idOf('DL3011'), { bad: [['FROM nginx:1.27\nEXPOSE 80 70000', [2]], 'FROM nginx:1.27\nEXPOSE 8000-70000/tcp'], good: ['FROM nginx:1.27\nEXPOSE 80 443/tcp 65535/udp', 'FROM nginx:1.27\nEXPOSE ${PORT}', 'FROM nginx:1.27\nEXPOSE 8000-8010'] });
ruleCases(idOf('DL3012'), { bad: [['FROM nginx:1.27\nHEALTHCHECK CMD ["true"]\nHEALTHCHECK NONE', [2]]], good: ['FROM nginx:1.27\nHEALTHCHECK CMD ["true"]\nFROM nginx:1.27\nHEALTHCHECK NONE'] });
ruleCases(idOf('DL3025'), {
  bad: [['FROM node:20\nCMD node server.js', [2]], 'FROM node:20\nENTRYPOINT /docker-entrypoint.sh', "FROM node:20\nCMD ['node', 'server.js']", 'FROM node:20\nHEALTHCHECK --interval=30s CMD curl -f http://localhost/'],
  good: ['FROM node:20\nCMD ["node", "server.js"]', 'FROM node:20\nENTRYPOINT ["/docker-entrypoint.sh"]', 'FROM node:20\nHEALTHCHECK CMD ["curl", "-f", "http://localhost/"]', 'FROM node:20\nHEALTHCHECK NONE'],
});
ruleCases(idOf('DL3043'), { bad: [['FROM node:20\nONBUILD FROM alpine:3.20', [2]], 'FROM node:20\nONBUILD ONBUILD RUN x', 'FROM node:20\nONBUILD MAINTAINER me'], good: ['FROM node:20\nONBUILD COPY . /app', 'FROM node:20\nONBUILD RUN npm ci'] });
ruleCases(idOf('DL3044'), {
  bad: [['FROM debian:12\nENV A=/opt B=$A/bin', [2]], 'FROM debian:12\nENV A=/opt B="${A}/bin"', 'FROM debian:12\nENV PATH=/a:$PATH PATH=/b:$PATH'],
  good: ['FROM debian:12\nENV A=/opt\nENV B=$A/bin', 'FROM debian:12\nENV A=/opt B=$AB/bin', 'FROM debian:12\nARG A\nENV A=/opt B=$A/bin', 'FROM debian:12\nENV PATH=/a:$PATH'],
});
ruleCases(idOf('DL3057'), {
  bad: [['FROM nginx:1.27', [1]], 'FROM nginx:1.27 AS base\nHEALTHCHECK NONE\nFROM nginx:1.27'],
  good: ['FROM nginx:1.27\nHEALTHCHECK CMD ["true"]', 'FROM nginx:1.27 AS base\nHEALTHCHECK CMD ["true"]\nFROM base', 'FROM golang:1.23 AS build\nFROM scratch\nCOPY --from=build /app /app\nHEALTHCHECK NONE'],
});
ruleCases(idOf('DL3061'), { bad: [['LABEL a=b\nFROM alpine:3.20', [1]], 'RUN echo hi\nFROM alpine:3.20'], good: ['ARG V=3.20\nFROM alpine:${V}', '# syntax=docker/dockerfile:1\n# a comment\nFROM alpine:3.20'] });
ruleCases(idOf('DL3064'), {
  bad: [['FROM node:20\nARG NPM_TOKEN', [2]], 'FROM node:20\nENV DB_PASSWORD=changeme', 'FROM node:20\nARG github_token', 'FROM node:20\nONBUILD ARG api_key'],
  good: ['FROM node:20\nARG NODE_ENV=production', 'FROM node:20\nENV NODE_OPTIONS=--max-old-space-size=4096'],
});
ruleCases(idOf('DL3066'), { bad: [['FROM node:20\nUSER node', [2]], 'FROM node:20\nUSER app:app'], good: ['FROM node:20\nUSER 1000', 'FROM node:20\nUSER 1000:1000', 'FROM node:20\nUSER ${APP_UID}', 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nSHELL ["cmd", "/S", "/C"]\nUSER ContainerUser'] });
ruleCases(idOf('DL4000'), { bad: ['FROM node:20\nMAINTAINER Jane <jane@example.com>'], good: ['FROM node:20\nLABEL org.opencontainers.image.authors="Jane"'] });
ruleCases(idOf('DL4003'), { bad: [['FROM node:20\nCMD ["a"]\nCMD ["b"]', [2]], ['FROM node:20\nCMD ["a"]\nCMD ["b"]\nCMD ["c"]', [2, 3]]], good: ['FROM node:20\nCMD ["a"]\nFROM node:20\nCMD ["b"]'] });
ruleCases(idOf('DL4004'), { bad: [['FROM node:20\nENTRYPOINT ["a"]\nENTRYPOINT ["b"]', [2]]], good: ['FROM node:20\nENTRYPOINT ["a"]\nCMD ["b"]'] });

const schema = { labelSchema: { author: 'text', version: 'semver', url: 'url', created: 'rfc3339', hash: 'hash', email: 'email', spdx: 'spdx' } };
const all = 'LABEL author="Jane" version="1.0.0" url="https://a.example" created="2024-01-02T03:04:05Z" hash="0123abc" email="j@a.example" spdx="MIT"';

ruleCases(idOf('DL3048'), { bad: [['FROM alpine:3.20\nLABEL Version=1', [2]], 'FROM alpine:3.20\nLABEL com.docker.thing=1', 'FROM alpine:3.20\nLABEL org..acme=1', 'FROM alpine:3.20\nLABEL acme.=1'], good: ['FROM alpine:3.20\nLABEL org.acme.version=1', 'FROM alpine:3.20\nLABEL maintainer="x"'] });
ruleCases(idOf('DL3049'), {
  config: schema,
  bad: [['FROM alpine:3.20\nLABEL author="Jane"', [1]], `FROM alpine:3.20 AS a\n${all}\nFROM alpine:3.20`],
  good: [`FROM alpine:3.20\n${all}`, `FROM alpine:3.20 AS base\n${all}\nFROM base`, `FROM alpine:3.20 AS build\nFROM alpine:3.20\n${all}\nCOPY --from=build /a /a`],
});
ruleCases(idOf('DL3049'), { good: ['FROM alpine:3.20'], bad: [] });
ruleCases(idOf('DL3050'), { config: { ...schema, strictLabels: true }, bad: [['FROM alpine:3.20\nLABEL team=web', [2]]], good: ['FROM alpine:3.20\nLABEL author=Jane'] });
ruleCases(idOf('DL3050'), { config: schema, good: ['FROM alpine:3.20\nLABEL team=web'], bad: [] });
ruleCases(idOf('DL3051'), { config: schema, bad: ['FROM alpine:3.20\nLABEL author=""'], good: ['FROM alpine:3.20\nLABEL author=Jane', 'FROM alpine:3.20\nLABEL team=""'] });
ruleCases(idOf('DL3052'), { config: schema, bad: ['FROM alpine:3.20\nLABEL url="www.example.com"'], good: ['FROM alpine:3.20\nLABEL url="https://www.example.com/x?y=1"', 'FROM alpine:3.20\nLABEL other="nope"'] });
ruleCases(idOf('DL3053'), { config: schema, bad: ['FROM alpine:3.20\nLABEL created="2024-01-02"'], good: ['FROM alpine:3.20\nLABEL created="2024-01-02T03:04:05.123+09:00"'] });
ruleCases(idOf('DL3054'), { config: schema, bad: ['FROM alpine:3.20\nLABEL spdx="GPL"'], good: ['FROM alpine:3.20\nLABEL spdx="Apache-2.0"', 'FROM alpine:3.20\nLABEL spdx="gpl-3.0-or-later"'] });
ruleCases(idOf('DL3055'), { config: schema, bad: ['FROM alpine:3.20\nLABEL hash="0123ABC"', 'FROM alpine:3.20\nLABEL hash="0123ab"'], good: ['FROM alpine:3.20\nLABEL hash="0123abc"', `FROM alpine:3.20\nLABEL hash="${'a'.repeat(40)}"`] });
ruleCases(idOf('DL3056'), { config: schema, bad: ['FROM alpine:3.20\nLABEL version="1.0"', 'FROM alpine:3.20\nLABEL version="v1.0.0"'], good: ['FROM alpine:3.20\nLABEL version="1.0.0-rc.1+build.5"'] });
ruleCases(idOf('DL3058'), { config: schema, bad: ['FROM alpine:3.20\nLABEL email="jane at example.com"'], good: ['FROM alpine:3.20\nLABEL email="jane.doe+ci@example.co.kr"'] });

test('fix: CMD in shell form becomes JSON exec form', () => {
  assert.equal(assertFixWorks(idOf('DL3025'), 'FROM node:20\nUSER 1000\nCMD node server.js --port 3000'), 'FROM node:20\nUSER 1000\nCMD ["node", "server.js", "--port", "3000"]');
  // Shell syntax keeps a shell, explicitly.
  assert.equal(assertFixWorks(idOf('DL3025'), 'FROM node:20\nUSER 1000\nENTRYPOINT exec node server.js "$@"'), 'FROM node:20\nUSER 1000\nENTRYPOINT ["/bin/sh", "-c", "exec node server.js \\"$@\\""]');
});

test('fix: exec form written with single quotes gets double quotes', () => {
  assert.equal(assertFixWorks(idOf('DL3025'), "FROM node:20\nUSER 1000\nCMD ['node', 'server.js']"), 'FROM node:20\nUSER 1000\nCMD ["node", "server.js"]');
});

test('a broken exec form is named as such, with the slip, and repaired', () => {
  const cases: [string, RegExp, string][] = [
    ['CMD ["node", "server.js"', /the closing \] is missing/, 'CMD ["node", "server.js"]'],
    ['CMD ["node", "server.js",]', /a comma before the closing \]/, 'CMD ["node", "server.js"]'],
    ["ENTRYPOINT ['node', 'server.js'", /single quotes/, 'ENTRYPOINT ["node", "server.js"]'],
  ];
  for (const [line, slip, repaired] of cases) {
    const text = `FROM node:20\nUSER 1000\n${line}`;
    const [f] = findings(idOf('DL3025'), text);
    assert.match(f.message.en, /starts like JSON \(exec\) form but is not valid JSON/);
    assert.match(f.message.en, slip);
    assert.doesNotMatch(f.message.en, /^Write/, 'not the advice for shell form: the user already chose exec form');
    assert.equal(assertFixWorks(idOf('DL3025'), text), `FROM node:20\nUSER 1000\n${repaired}`);
  }
  // Single quotes are also json-in-single-quotes' subject: on CMD the two make one diagnostic.
  const all = lintText("FROM node:20\nUSER 1000\nCMD ['node', 'server.js']").filter((r) => r.range.start.line === 2);
  assert.deepEqual(all.map((r) => r.rule.aliases), [['DL3025']]);
});

test('fix: relative WORKDIR becomes absolute', () => {
  assert.equal(assertFixWorks(idOf('DL3000'), 'FROM node:20\nWORKDIR app\nUSER 1000'), 'FROM node:20\nWORKDIR /app\nUSER 1000');
});

test('messages explain why in English and Korean', () => {
  const [f] = findings(idOf('DL3002'), 'FROM node:20\nUSER root');
  assert.match(f.message.en, /runs as root/);
  assert.match(f.message.ko, /[\uac00-\ud7a3]/);
});

test('two CMDs (or ENTRYPOINTs) in a stage are one diagnostic, on the one that has no effect', () => {
  const at = (text: string): string[] => lintText(text).filter((r) => r.rule.aliases.includes('MultipleInstructionsDisallowed') || /^DL(4003|4004|3012)$/.test(r.rule.aliases[0] ?? '')).map((r) => `${r.range.start.line + 1} ${r.severity} ${r.rule.aliases.join(',')}`);
  assert.deepEqual(at('FROM node:20\nCMD python main.py\nCMD ["python", "main.py"]'), ['2 warning DL4003,MultipleInstructionsDisallowed']);
  // ENTRYPOINT twice is an error for hadolint and a warning for BuildKit: the fold keeps the error.
  assert.deepEqual(at('FROM node:20\nENTRYPOINT ["a"]\nENTRYPOINT ["b"]\nENTRYPOINT ["c"]'), ['2 error DL4004,MultipleInstructionsDisallowed', '3 error DL4004,MultipleInstructionsDisallowed']);
  const [cmd] = lintText('FROM node:20\nCMD python main.py\nCMD ["python", "main.py"]').filter((r) => r.rule.aliases.includes('DL4003'));
  assert.match(cmd.message.en, /the CMD on line 3 replaces it/);
  assert.deepEqual(cmd.fixes.map((f) => f.title.en), ['Remove this CMD'], "BuildKit's fix comes along");
});
