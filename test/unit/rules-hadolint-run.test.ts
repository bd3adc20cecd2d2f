// What RUN executes: DL3001, DL3003, DL3004, DL3046, DL3047, DL4001, DL4005, DL4006 and DL3059,
// plus the hadolint-like reading of shell scripts those rules rely on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDockerfile } from '../../server/src/model/parser';
import { makeContext } from '../../server/src/rules/context';
import { defaultConfig } from '../../server/src/rules/config';
import { readSuppressions } from '../../server/src/rules/suppressions';
import { commandsOf } from '../../server/src/rules/hadolint/shellView';
import { assertFixWorks, findings, idOf, lines, ruleCases } from '../helpers/lintHelpers';

function commandNames(script: string): string[] {
  const df = parseDockerfile(`FROM debian:12\nRUN ${script}`);
  const ctx = makeContext(df, defaultConfig(), readSuppressions(df));
  return commandsOf(ctx, df.instructions[1]).map((c) => c.name);
}

test('shell view: keywords, wrappers, substitutions and sudo are read like hadolint does', () => {
  assert.deepEqual(commandNames('if [ -f /a ]; then rm /a; else touch /a; fi'), ['[', 'rm', 'touch']);
  assert.deepEqual(commandNames('for f in a b; do gzip "$f"; done'), ['gzip']);
  assert.deepEqual(commandNames('command -v curl && exec nginx -g "daemon off;"'), ['command', 'nginx']);
  assert.deepEqual(commandNames('echo "$(uname -m)" `id -u`'), ['echo', 'uname', 'id']);
  // hadolint names the command by its first word: `sudo apt-get` runs `sudo`.
  assert.deepEqual(commandNames('sudo apt-get install x'), ['sudo']);
  assert.deepEqual(commandNames('$CC -o out main.c; DEBIAN_FRONTEND=noninteractive apt-get update'), ['apt-get']);
});

ruleCases(idOf('DL3001'), { bad: [['FROM debian:12\nRUN service ssh start', [2]], 'FROM debian:12\nRUN ps aux | grep nginx'], good: ['FROM debian:12\nRUN apt-get install -y openssh-server', 'FROM debian:12\nRUN echo top'] });
ruleCases(idOf('DL3003'), { bad: [['FROM node:20\nRUN cd /app && npm ci', [2]]], good: ['FROM node:20\nWORKDIR /app\nRUN npm ci', 'FROM node:20\nRUN npm --prefix /app ci'] });
ruleCases(idOf('DL3004'), { bad: [['FROM debian:12\nRUN sudo make install', [2]]], good: ['FROM debian:12\nRUN make install', 'FROM debian:12\nRUN apt-get install -y sudo'] });
ruleCases(idOf('DL3046'), { bad: ['FROM debian:12\nRUN useradd -u 20000000 -m app', 'FROM debian:12\nRUN useradd --uid 1234567 app', 'FROM debian:12\nRUN useradd --uid=1234567 app'], good: ['FROM debian:12\nRUN useradd -r --uid=999 app', 'FROM debian:12\nRUN useradd -l -u 20000000 app', 'FROM debian:12\nRUN useradd -u 1001 app', 'FROM debian:12\nRUN useradd --no-log-init -u 20000000 app'] });
ruleCases(idOf('DL3047'), {
  bad: [['FROM debian:12\nRUN wget https://example.com/a.tgz', [2]], 'FROM debian:12\nRUN wget -O /tmp/a.tgz https://example.com/a.tgz'],
  good: ['FROM debian:12\nRUN wget --progress=dot:giga https://example.com/a.tgz', 'FROM debian:12\nRUN wget -qO- https://example.com/a.sh', 'FROM debian:12\nRUN wget -nv https://example.com/a.tgz', 'FROM debian:12\nRUN wget --no-verbose https://example.com/a.tgz'],
});
ruleCases(idOf('DL4001'), {
  bad: [['FROM debian:12\nRUN curl -fsSO https://example.com/a\nRUN wget -q https://example.com/b', [3]], 'FROM debian:12\nRUN curl -fsSO https://example.com/a && wget -q https://example.com/b'],
  good: ['FROM debian:12\nRUN curl -fsSO https://example.com/a\nFROM alpine:3.20\nRUN wget -q https://example.com/b', 'FROM debian:12\nRUN apt-get install -y curl wget'],
});
ruleCases(idOf('DL4005'), { bad: ['FROM debian:12\nRUN ln -sf /bin/bash /bin/sh'], good: ['FROM debian:12\nSHELL ["/bin/bash", "-c"]', 'FROM debian:12\nRUN ln -s /usr/bin/python3 /usr/bin/python'] });
ruleCases(idOf('DL4006'), {
  bad: [['FROM debian:12\nRUN curl -fsSL https://example.com/key | gpg --dearmor -o /k.gpg', [2]], 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM debian:12\nRUN ps | grep x', 'FROM alpine:3.20\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\nRUN cat /a | wc -l'],
  good: ['FROM debian:12\nSHELL ["/bin/bash", "-euo", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/key | gpg --dearmor -o /k.gpg', 'FROM alpine:3.20\nSHELL ["/bin/ash", "-o", "pipefail", "-c"]\nRUN cat /a | wc -l', 'FROM debian:12\nRUN a || b', 'FROM mcr.microsoft.com/powershell:7.4-ubuntu-22.04\nSHELL ["pwsh", "-Command"]\nRUN Get-ChildItem | Select-Object Name'],
});
ruleCases(idOf('DL3059'), {
  bad: [['FROM debian:12\nRUN mkdir /app\nRUN chown 1000 /app', [3]], 'FROM debian:12\nRUN mkdir /app\n# set the owner\nRUN chown 1000 /app'],
  good: ['FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN New-Item -Type Directory C:\\app\nRUN Set-Location C:\\app', 'FROM debian:12\nRUN mkdir /app\nWORKDIR /app\nRUN touch x', 'FROM debian:12\nRUN mkdir /app && chown 1000 /app\nRUN touch /app/x', 'FROM debian:12\nRUN --mount=type=secret,id=a cat /run/secrets/a\nRUN touch x'],
});

test('fix: consecutive RUNs are merged into one', () => {
  const fixed = assertFixWorks(idOf('DL3059'), 'FROM debian:12\nRUN mkdir /app\nRUN chown 1000 /app\nUSER 1000');
  assert.equal(fixed, 'FROM debian:12\nRUN mkdir /app && \\\n    chown 1000 /app\nUSER 1000');
});

test('no merge fix when a comment sits between the RUNs (it would be lost)', () => {
  assert.deepEqual(lines(idOf('DL3059'), 'FROM debian:12\nRUN mkdir /app\n# why\nRUN chown 1000 /app'), [4]);
  assert.deepEqual(findings(idOf('DL3059'), 'FROM debian:12\nRUN mkdir /app\n# why\nRUN chown 1000 /app')[0].fixes, []);
});
