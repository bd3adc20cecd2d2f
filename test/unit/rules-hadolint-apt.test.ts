// apt-get rules (DL3008, DL3009, DL3014, DL3015, DL3027): own good/bad tables, ONBUILD triggers,
// non-POSIX shells, and the quick fixes applied and re-linted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { asOnbuild, assertFixWorks, findings, idOf, lines, lintText, ruleCases } from '../helpers/lintHelpers';

ruleCases(idOf('DL3008'), {
  bad: [
    ['FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends git', [2]],
    ['FROM debian:12\nRUN apt-get install -y \\\n    git=1:2.39.5-0+deb12u1 \\\n    make', [4]],
    'FROM debian:12\nRUN apt-get -y -t bookworm-backports install htop',
  ],
  good: [
    'FROM debian:12\nRUN apt-get install -y git=1:2.39.5-0+deb12u1',
    'FROM debian:12\nRUN apt-get install -y ./local-tool_1.0_amd64.deb',
    'FROM debian:12\nRUN apt-get install -y -t bookworm-backports htop=3.2.2-2~bpo12+1',
    'FROM debian:12\nRUN apt-get install -y foo/bookworm-backports',
    'FROM debian:12\nRUN apt-get update',
    'FROM debian:12\nRUN echo apt-get install git',
  ],
});

ruleCases(idOf('DL3009'), {
  bad: [
    ['FROM debian:12\nRUN apt-get update && apt-get install -y make=4.3-4.1', [2]],
    'FROM debian:12 AS base\nRUN apt-get update && apt-get install -y make=4.3-4.1\nFROM base\nRUN make',
    'FROM debian:12\nRUN apt update && apt install -y make',
  ],
  good: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y make=4.3-4.1 && rm -rf /var/lib/apt/lists/*',
    // A build stage nobody builds FROM: its lists never reach the final image.
    'FROM debian:12 AS tools\nRUN apt-get update && apt-get install -y make=4.3-4.1\nFROM alpine:3.20\nCOPY --from=tools /usr/bin/make /usr/bin/make',
    'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y make=4.3-4.1',
    'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt --mount=type=cache,target=/var/cache/apt apt-get update',
    'FROM debian:12\nRUN apt-get install -y make',
  ],
});

ruleCases(idOf('DL3014'), {
  bad: ['FROM debian:12\nRUN apt-get install make', 'FROM debian:12\nRUN apt-get -q install make', 'FROM debian:12\nRUN apt-get update && apt-get install make'],
  good: ['FROM debian:12\nRUN apt-get install -y make', 'FROM debian:12\nRUN apt-get install --yes make', 'FROM debian:12\nRUN apt-get -qq install make', 'FROM debian:12\nRUN apt-get install --assume-yes make', 'FROM debian:12\nRUN apt-get -yq install make'],
});

ruleCases(idOf('DL3015'), {
  bad: ['FROM debian:12\nRUN apt-get install -y make', 'FROM debian:12\nRUN apt-get update; apt-get -y install make'],
  good: ['FROM debian:12\nRUN apt-get install -y --no-install-recommends make', 'FROM debian:12\nRUN apt-get -o APT::Install-Recommends=false install -y make', 'FROM debian:12\nRUN apt-get remove -y make'],
});

ruleCases(idOf('DL3027'), {
  bad: [['FROM ubuntu:24.04\nRUN apt install -y curl', [2]], 'FROM ubuntu:24.04\nRUN if true; then apt update; fi'],
  good: ['FROM ubuntu:24.04\nRUN apt-get install -y curl', 'FROM ubuntu:24.04\nRUN apt-cache policy curl', 'FROM ubuntu:24.04\nRUN echo apt'],
});

test('apt rules also read ONBUILD RUN triggers', () => {
  assert.deepEqual(lines(idOf('DL3014'), asOnbuild('FROM debian:12\nRUN apt-get install make')), [2]);
  assert.deepEqual(lines(idOf('DL3008'), asOnbuild('FROM debian:12\nRUN apt-get install -y make')), [2]);
  // An ONBUILD trigger's leftovers land in every child image, whatever stage it sits in.
  assert.deepEqual(lines(idOf('DL3009'), 'FROM debian:12 AS tools\nONBUILD RUN apt-get update\nFROM alpine:3.20'), [2]);
});

test('apt rules stay quiet under a non-POSIX shell', () => {
  assert.deepEqual(lines(idOf('DL3014'), 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN apt-get install make'), []);
  assert.deepEqual(lines(idOf('DL3014'), '# hadolint shell=pwsh\nFROM debian:12\nRUN apt-get install make'), []);
});

test('finding ranges point at the offending word', () => {
  const text = 'FROM debian:12\nRUN apt-get install -y \\\n    make';
  const [f] = findings(idOf('DL3008'), text);
  assert.deepEqual(f.range, { start: { line: 2, character: 4 }, end: { line: 2, character: 8 } });
});

test('fix: apt-get install gets -y', () => {
  const fixed = assertFixWorks(idOf('DL3014'), 'FROM debian:12\nRUN apt-get update && apt-get install --no-install-recommends make=4.3-4.1 && rm -rf /var/lib/apt/lists/*');
  assert.match(fixed, /apt-get install -y --no-install-recommends/);
});

test('fix: --no-install-recommends is added after install', () => {
  const fixed = assertFixWorks(idOf('DL3015'), 'FROM debian:12\nRUN apt-get update \\\n && apt-get install -y make=4.3-4.1 \\\n && rm -rf /var/lib/apt/lists/*');
  assert.match(fixed, /apt-get install --no-install-recommends -y make/);
});

test('fix: the apt lists are deleted at the end of the RUN', () => {
  const fixed = assertFixWorks(idOf('DL3009'), 'FROM debian:12\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends make=4.3-4.1\nUSER 1000');
  assert.equal(fixed, 'FROM debian:12\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends make=4.3-4.1 && rm -rf /var/lib/apt/lists/*\nUSER 1000');
  const semicolon = assertFixWorks(idOf('DL3009'), 'FROM debian:12\nRUN apt-get update; apt-get install -y --no-install-recommends make=4.3-4.1;\nUSER 1000');
  assert.match(semicolon, /4\.1; rm -rf \/var\/lib\/apt\/lists\/\*\n/);
});

test('no apt-lists fix when the RUN ends in a shell comment (the command would be commented out)', () => {
  const [f] = findings(idOf('DL3009'), 'FROM debian:12\nRUN apt-get update && apt-get install -y make=4.3-4.1 # tools');
  assert.deepEqual(f.fixes, []);
});

test('DL3009 stays linear on a RUN with a run of 200 000 spaces inside it', () => {
  // The fix's text used /[\s\\]+$/, which backtracks from every position of such a run: ~10 s for
  // a fuzzer's 100 000 spaces, 66 s for this input. Linear code lints it in well under a second;
  // the bound is loose on purpose (a shared CI machine), it only has to tell linear from quadratic.
  const text = `FROM debian:12\nRUN apt-get update && echo a${' '.repeat(200_000)}b\n`;
  const started = performance.now();
  const found = lintText(text).filter((r) => r.rule.aliases.includes('DL3009'));
  const ms = performance.now() - started;
  assert.equal(found.length, 1);
  assert.ok(ms < 15_000, `linting took ${Math.round(ms)} ms`);
});
