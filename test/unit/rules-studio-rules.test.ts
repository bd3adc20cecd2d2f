// Table-driven good/bad cases for Dockerfile Studio's own rules (drawn from the seed notes'
// mistakes) and their quick fixes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { editDistance, closest } from '../../server/src/rules/closest';
import { imageFamily } from '../../server/src/rules/studio/imageFamily';
import { assertFixWorks, findings, lintText, ruleCases } from '../helpers/ruleTestKit';

test('closest spelling: edit distance with swaps, and the nearest candidate', () => {
  assert.equal(editDistance('PAHT', 'PATH'), 1);
  assert.equal(editDistance('NODE_VESION', 'NODE_VERSION'), 1);
  assert.equal(editDistance('kitten', 'sitting'), 3);
  assert.equal(editDistance('abc', 'abcdef', 1), 2, 'stops early past the limit');
  assert.equal(closest('RUNN', ['FROM', 'RUN', 'CMD'], { ignoreCase: true }), 'RUN');
  assert.equal(closest('cpoy', ['RUN', 'COPY'], { ignoreCase: true }), 'COPY');
  assert.equal(closest('zzzzzz', ['RUN', 'COPY']), undefined);
});

test('image families from names and tags', () => {
  assert.equal(imageFamily('node:20-alpine'), 'alpine');
  assert.equal(imageFamily('python:3.12-slim'), 'debian');
  assert.equal(imageFamily('node:20-bookworm'), 'debian');
  assert.equal(imageFamily('ubuntu:22.04'), 'debian');
  assert.equal(imageFamily('golang:1.23'), 'debian');
  assert.equal(imageFamily('registry.access.redhat.com/ubi9/ubi-minimal'), 'rhel');
  assert.equal(imageFamily('fedora:40'), 'rhel');
  assert.equal(imageFamily('amazonlinux:2023'), 'rhel');
  assert.equal(imageFamily('mycompany/base:1.0'), undefined);
  assert.equal(imageFamily('$BASE'), undefined);
});

ruleCases('apt-install-without-update', {
  bad: [
    ['FROM ubuntu:18.04\nRUN apt-get install -y python', [2]],
    ['FROM debian:12\nRUN apt install -y curl && apt-get update', [2]],
    // A trigger runs in a child build later: the stage's own update does not count for it.
    ['FROM ubuntu:22.04\nRUN apt-get update\nONBUILD RUN apt-get install -y curl', [3]],
    // And a trigger's update does not count for the stage's own later RUNs.
    ['FROM ubuntu:22.04\nONBUILD RUN apt-get update && apt-get install -y curl\nRUN apt-get install -y git', [3]],
  ],
  good: [
    'FROM ubuntu:18.04\nRUN apt-get update && apt-get install -y python',
    'FROM ubuntu:22.04\nONBUILD RUN apt-get update && apt-get install -y curl',
    'FROM ubuntu:18.04\nRUN apt-get update\nRUN apt-get install -y python',
    'FROM ubuntu:18.04 AS base\nRUN apt-get update\nFROM base\nRUN apt-get install -y python',
    'FROM debian:12\nRUN apt-get install --update -y curl',
  ],
});

ruleCases('apt-update-alone', {
  bad: [
    ['FROM ubuntu:18.04\nRUN apt-get update\nRUN apt-get install -y python', [2]],
    ['FROM ubuntu:18.04\nRUN apt-get update -y', [2]],
    ['FROM ubuntu:22.04\nONBUILD RUN apt-get update\nONBUILD RUN apt-get install -y curl', [2]],
  ],
  good: ['FROM ubuntu:18.04\nRUN apt-get update && apt-get install -y python', 'FROM ubuntu:18.04\nRUN apt-get update && apt-get upgrade -y'],
});

ruleCases('package-manager-mismatch', {
  bad: [
    ['FROM python:3.12-alpine\nRUN apt-get update && apt-get install -y gcc', [2, 2]],
    ['FROM ubuntu:22.04\nRUN apk add --no-cache curl', [2]],
    ['FROM node:20-alpine AS base\nFROM base\nRUN yum install -y git', [3]],
    ['FROM debian:12\nRUN dnf install -y git', [2]],
  ],
  good: [
    'FROM python:3.12-alpine\nRUN apk add --no-cache gcc',
    'FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y curl',
    'FROM mycompany/base:1\nRUN apk add curl',
    'FROM alpine:3.20\nRUN if command -v apt-get; then apt-get install -y x; else apk add x; fi',
  ],
});

ruleCases('continuation-missing-operator', {
  bad: [
    ['FROM ubuntu:20.04\nRUN ln -snf /usr/share/zoneinfo/$TZ /etc/localtime && echo $TZ > /etc/timezone \\\n    mkdir /home/test \\\n    apt-get update \\\n    apt-get upgrade -y', [3, 4, 5]],
    ['FROM node:20\nRUN set -eux \\\n  npm ci', [3]],
  ],
  good: [
    'FROM ubuntu:20.04\nRUN apt-get update && \\\n    apt-get install -y \\\n      curl \\\n      git',
    'FROM ubuntu:20.04\nRUN set -eux; \\\n    mkdir /x; \\\n    if [ -d /x ]; then \\\n      echo yes; \\\n    fi',
    'FROM ubuntu:20.04\nRUN --mount=type=cache,target=/var/cache/apt \\\n    apt-get update',
    'FROM ubuntu:20.04\nRUN echo "a \\\n    mkdir b"',
  ],
});

ruleCases('legacy-env-multi-pair', {
  bad: [['FROM ubuntu:14.04\nENV APACHE2_RUN_USER www-data \\\n        APACHE2_RUN_GROUP www-data \\\n        APACHE2_LOG_DIR /var/log/apache2', [2]]],
  good: [
    'FROM ubuntu:14.04\nENV APACHE2_RUN_USER=www-data APACHE2_RUN_GROUP=www-data',
    'FROM ubuntu:14.04\nENV DEPS curl git make wget',
    'FROM php:8\nENV GPG_KEYS 39B641343D8C104B2B146DC3F9C39DC0B9698544 E60913E4DF209907D8E30D96659A97C9CF2A795A 1198C0117593497A5EC5C199286AF1F9897469DC',
    'FROM ubuntu:14.04\nLABEL description This is my image',
  ],
});

ruleCases('spaces-around-equals', {
  bad: [["FROM nginx\nLABEL purpose = 'Nginx for webserver'", [2]], ['FROM nginx\nENV A =1 B= 2', [2, 2]]],
  good: ["FROM nginx\nLABEL purpose='Nginx for webserver'", 'FROM nginx\nENV A= B=2', 'FROM nginx\nENV A x = y'],
});

ruleCases('undefined-var-typo', {
  bad: [['FROM ubuntu:22.04\nENV NODE_VERSION v15.1.0\nRUN curl -SLO "http://nodejs.org/dist/$NODE_VESION/node-$NODE_VERSION-linux-x64.tar.gz"', [3]], ['FROM alpine\nARG APP_HOME=/app\nCMD cd $APP_HOM && ./run', [3]], ['FROM alpine\nARG TARGETARCH\nRUN echo $TARGETARH', [3]], ['FROM alpine\nENV APP_DIR=/app\nRUN <<EOF\nset -e\ncd $APP_DRI\nEOF', [5]]],
  good: [
    'FROM ubuntu:22.04\nENV NODE_VERSION=1\nRUN echo $NODE_VERSION',
    'FROM ubuntu:22.04\nENV NODE_VERSION=1\nRUN NODE_VERSIONS=2; echo $NODE_VERSIONS',
    'FROM ubuntu:22.04\nENV NODE_VERSION=1\nRUN for NODE_VERSON in a b; do echo $NODE_VERSON; done',
    'FROM ubuntu:22.04\nRUN echo $HOME $PWD $i',
    "FROM ubuntu:22.04\nENV NODE_VERSION=1\nRUN echo '$NODE_VERSON'",
    "FROM alpine\nENV APP_DIR=/app\nRUN <<'EOF'\ncd $APP_DRI\nEOF",
    'FROM ubuntu\nENV my_env=1\nRUN echo ${my_env:-value} ${my_env2:-value}',
  ],
});

ruleCases('deleted-in-later-layer', {
  bad: [
    ['FROM ubuntu\nRUN mkdir /test\nRUN fallocate -l 100m /test/dummy\nRUN rm /test/dummy', [4]],
    ['FROM ubuntu\nWORKDIR /src\nCOPY big.tar.gz .\nRUN tar xzf big.tar.gz && rm big.tar.gz', [4]],
    ['FROM ubuntu\nRUN wget -O /tmp/x.deb http://e.x/x.deb\nRUN dpkg -i /tmp/x.deb && rm -rf /tmp', [3]],
  ],
  good: [
    'FROM ubuntu\nRUN fallocate -l 100m /test/dummy && rm /test/dummy',
    'FROM ubuntu\nRUN apt-get update && rm -rf /var/lib/apt/lists/*',
    'FROM ubuntu AS a\nCOPY x /x\nFROM ubuntu\nRUN rm -f /x',
  ],
});

ruleCases('copy-all-before-install', {
  bad: [
    ['FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci', [3]],
    ['FROM python:3.12\nCOPY . /app\nRUN pip install -r /app/requirements.txt', [2]],
    ['FROM golang:1.23\nCOPY ./ ./\nRUN go mod download', [2]],
    ['FROM ruby:3\nCOPY . .\nRUN bundle install', [2]],
  ],
  good: [
    'FROM node:20\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build',
    'FROM node:20\nCOPY . .\nRUN npm install -g serve',
    'FROM node:20 AS b\nFROM node:20\nCOPY --from=b . .\nRUN npm ci',
  ],
});

ruleCases('unknown-instruction', {
  bad: [['FROM alpine\nRUNN echo hi\nCOPPY a b\nONBUILD RUNN make', [2, 3, 4]], ['FROM alpine\nRUN apt-get update &&\n    apt-get install -y curl', [3]]],
  good: ['FROM alpine\nRUN echo hi', 'from alpine\nrun echo hi'],
});

test('unknown-instruction suggests the closest instruction and a lost continuation', () => {
  const [typo] = findings('unknown-instruction', 'FROM alpine\nWROKDIR /app');
  assert.match(typo.message.en, /Did you mean WORKDIR\?/);
  const [lost] = findings('unknown-instruction', 'FROM alpine\nRUN apt-get update &&\n    apt-get install -y curl');
  assert.match(lost.message.en, /forget a '\\'/);
});

test('a misspelt FROM is one diagnostic: the lines after it are not also "before the first FROM"', () => {
  const report = (text: string): string[] => lintText(text).filter((r) => r.severity === 'error').map((r) => `${r.range.start.line + 1} ${r.rule.id}`);
  assert.deepEqual(report('FORM ubuntu:22.04\nRUN echo hi\nCOPY . /app'), ['1 unknown-instruction']);
  // Another unknown word before FROM is still the only report for its own line...
  assert.deepEqual(report('RUNN echo hi\nFROM alpine:3.20'), ['1 unknown-instruction']);
  // ...and real instructions before a FROM, misspelt or not, are still out of place.
  assert.deepEqual(report('LABEL a=b\nFROMM alpine:3.20\nRUN echo hi\nFROM alpine:3.20'), ['1 file-starts-with-from', '2 unknown-instruction']);
  assert.deepEqual(report('RUN echo hi\nFROM alpine:3.20'), ['1 file-starts-with-from']);
});

ruleCases('unknown-flag', {
  bad: [['FROM alpine AS b\nFROM alpine\nCOPY --form=b /x /x\nRUN --mout=type=cache,target=/c ls\nFROM --platfrom=linux/amd64 alpine', [3, 4, 5]], ['FROM alpine\nADD --chmown=1 a b', [2]]],
  good: ['FROM alpine AS b\nFROM alpine\nCOPY --from=b --chown=1:1 --link /x /x\nRUN --mount=type=cache,target=/c --network=none ls\nHEALTHCHECK --interval=5s CMD true'],
});

test('unknown-flag names the closest valid flag', () => {
  const [f] = findings('unknown-flag', 'FROM alpine\nCOPY --form=b /x /x');
  assert.match(f.message.en, /did you mean --from\?/);
  assert.match(f.message.ko, /--from/);
});

test('apt-update-alone joins a trigger only with the next trigger, never with a plain RUN', () => {
  const [mixed] = findings('apt-update-alone', 'FROM ubuntu:22.04\nONBUILD RUN apt-get update\nRUN apt-get install -y curl');
  assert.deepEqual(mixed.fixes, []);
  const [both] = findings('apt-update-alone', 'FROM ubuntu:22.04\nONBUILD RUN apt-get update\nONBUILD RUN apt-get install -y curl');
  assert.equal(both.fixes.length, 1);
});

test('studio quick fixes remove the finding and add no other', () => {
  assertFixWorks('apt-install-without-update', 'FROM ubuntu:18.04\nRUN apt-get install -y --no-install-recommends python3 && rm -rf /var/lib/apt/lists/*');
  assertFixWorks('apt-install-without-update', 'FROM ubuntu:22.04\nONBUILD RUN apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*');
  assertFixWorks('apt-update-alone', 'FROM ubuntu:18.04\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends python3');
  assertFixWorks('apt-update-alone', 'FROM ubuntu:22.04\nONBUILD RUN apt-get update\nONBUILD RUN apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*');
  assertFixWorks('continuation-missing-operator', 'FROM ubuntu:20.04\nRUN mkdir /home/test \\\n    echo done');
  assertFixWorks('legacy-env-multi-pair', 'FROM ubuntu:14.04\nENV APACHE2_RUN_USER www-data \\\n        APACHE2_RUN_GROUP www-data');
  assertFixWorks('spaces-around-equals', "FROM nginx:1.27\nLABEL purpose = 'Nginx for webserver'");
  assertFixWorks('undefined-var-typo', 'FROM ubuntu:22.04\nENV NODE_VERSION=v15.1.0\nRUN echo "$NODE_VESION"');
  assertFixWorks('undefined-var-typo', 'FROM ubuntu:22.04\nENV APP_DIR=/app\nRUN <<EOF\nset -e\nls $APP_DRI\nEOF');
  assertFixWorks('unknown-instruction', 'FROM alpine:3.20\nRUNN echo hi');
  assertFixWorks('unknown-instruction', 'FROM alpine:3.20\nRUN echo a &&\n    echo b');
  assertFixWorks('unknown-flag', 'FROM alpine:3.20 AS b\nFROM alpine:3.20\nCOPY --form=b /x /x');
});

test('the seed notes\' LABEL with spaces is reported once, not also as LegacyKeyValueFormat', () => {
  const all = findings('legacy-key-value-format', "FROM nginx\nLABEL purpose = 'Nginx for webserver'");
  assert.deepEqual(all, []);
});

test('editDistance with shared rows matches a full-matrix reference on random words, limits included', () => {
  // Optimal string alignment distance, the whole matrix at once: the definition the fast version must keep.
  const reference = (a: string, b: string): number => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++) {
      for (let j = 1; j <= b.length; j++) {
        d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
    return d[a.length][b.length];
  };
  let x = 7;
  const rnd = (k: number): number => {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    return x % k;
  };
  const word = (): string => Array.from({ length: rnd(9) }, () => 'ABCD_'[rnd(5)]).join('');
  for (let t = 0; t < 3000; t++) {
    const a = word();
    const b = rnd(10) === 0 ? 'X'.repeat(300) + word() : word();
    const exact = reference(a, b);
    assert.equal(editDistance(a, b), exact, `${a} / ${b}`);
    const limit = rnd(4);
    const limited = editDistance(a, b, limit);
    assert.equal(limited, exact <= limit ? exact : limit + 1, `${a} / ${b} within ${limit}`);
  }
});
