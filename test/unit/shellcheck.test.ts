// ShellCheck integration against the real `shellcheck` binary (Debian's package): what it is given
// (shebang from SHELL, declared variables), where its findings land, suppression by SC code, and
// what happens when the executable is missing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDockerfile } from '../../server/src/model/parser';
import { runShellcheck } from '../../server/src/rules/shellcheck';
import { shellcheckScripts } from '../../server/src/rules/shellcheckScripts';
import { configWith, lintWithExternal } from '../helpers/lintHelpers';

const config = configWith({ shellcheck: true });

async function sc(text: string): Promise<{ code: string; line: number; start: number; end: number }[]> {
  const found = await runShellcheck(parseDockerfile(text), config);
  return found.map((f) => ({ code: f.rule.aliases[0], line: f.finding.range.start.line + 1, start: f.finding.range.start.character, end: f.finding.range.end.character }));
}

test('an unquoted variable is reported as SC2086 on its exact range', async () => {
  const got = await sc('FROM debian:12\nRUN echo $HOME/x\n');
  assert.deepEqual(got, [{ code: 'SC2086', line: 2, start: 9, end: 14 }]);
});

test('findings on continuation lines map back to the right line', async () => {
  const got = await sc('FROM debian:12\nRUN set -e; \\\n    cp $SRC /tmp\n');
  assert.deepEqual(got.map((g) => [g.code, g.line, g.start]), [['SC2086', 3, 7]]);
});

test('ARG and ENV names of the stage are declared, other variables are not', async () => {
  assert.deepEqual(await sc('FROM debian:12\nARG app_dir=/app\nENV mode=prod\nRUN echo "$app_dir" "$mode"\n'), []);
  // A FROM starts a new stage: the ARG before it is not declared inside it.
  const got = await sc('ARG app_dir=/app\nFROM debian:12\nRUN echo "$app_dir"\n');
  assert.deepEqual(got.map((g) => g.code), ['SC2154']);
});

test('the shell comes from SHELL: $RANDOM is fine in bash, not in sh', async () => {
  assert.deepEqual((await sc('FROM debian:12\nRUN echo "$RANDOM"\n')).map((g) => g.code), ['SC3028']);
  assert.deepEqual(await sc('FROM debian:12\nSHELL ["/bin/bash", "-c"]\nRUN echo "$RANDOM"\n'), []);
  // A stage built FROM that stage keeps its SHELL.
  assert.deepEqual(await sc('FROM debian:12 AS base\nSHELL ["/bin/bash", "-c"]\nFROM base\nRUN echo "$RANDOM"\n'), []);
});

test('exec form, non-POSIX shells and the shell pragma are not checked', async () => {
  assert.deepEqual(await sc('FROM debian:12\nRUN ["echo", "$HOME"]\n'), []);
  assert.deepEqual(await sc('FROM mcr.microsoft.com/powershell:7.4-ubuntu-22.04\nSHELL ["pwsh", "-c"]\nRUN echo $env:PATH | Out-Null\n'), []);
  assert.deepEqual(await sc('# hadolint shell=powershell\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo $foo\n'), []);
  // Windows base images run RUN with cmd by default.
  assert.deepEqual(await sc('FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nRUN mkdir c:\\config && echo $foo\n'), []);
});

test('ONBUILD RUN triggers are checked, and RUN heredocs too', async () => {
  assert.deepEqual((await sc('FROM debian:12\nONBUILD RUN echo $HOME\n')).map((g) => [g.code, g.line]), [['SC2086', 2]]);
  const got = await sc('FROM debian:12\nRUN <<EOF\nset -e\necho $HOME\nEOF\n');
  assert.deepEqual(got.map((g) => [g.code, g.line, g.start]), [['SC2086', 4, 5]]);
});

test('all RUNs of a document go to ShellCheck in one run and come back to their own lines', async () => {
  const text = 'FROM debian:12\nRUN echo $A1\nRUN echo ok\nRUN echo $A3\n';
  assert.equal(shellcheckScripts(parseDockerfile(text)).length, 3);
  assert.deepEqual((await sc(text)).map((g) => g.line), [2, 4]);
});

test('# hadolint ignore=SC2086 and ignored: [SC2086] silence the finding through the engine', async () => {
  const text = 'FROM debian:12\n# hadolint ignore=SC2086\nRUN echo $HOME/x\nRUN echo $HOME/y\n';
  const external = await runShellcheck(parseDockerfile(text), config);
  assert.equal(external.length, 2);
  const lines = lintWithExternal(text, external).filter((r) => r.rule.id === 'shellcheck').map((r) => r.range.start.line + 1);
  assert.deepEqual(lines, [4]);
  assert.deepEqual(lintWithExternal(text, external, { ignored: ['SC2086'] }).filter((r) => r.rule.id === 'shellcheck'), []);
});

test('ShellCheck levels map to our severities and messages carry the code', async () => {
  const [f] = await runShellcheck(parseDockerfile('FROM debian:12\nRUN echo $HOME/x\n'), config);
  assert.equal(f.rule.severity, 'info');
  assert.equal(f.rule.source, 'shellcheck');
  assert.match(f.finding.message.en, /^SC2086: Double quote/);
  assert.match(f.finding.message.ko, /SC2086/);
});

test('a missing executable gives no findings and is reported once', async () => {
  const logs: string[] = [];
  const df = parseDockerfile('FROM debian:12\nRUN echo $HOME\n');
  const exe = '/nonexistent/shellcheck-for-test';
  assert.deepEqual(await runShellcheck(df, config, { executable: exe, log: (m) => logs.push(m) }), []);
  assert.deepEqual(await runShellcheck(df, config, { executable: exe, log: (m) => logs.push(m) }), []);
  assert.equal(logs.length, 1);
  assert.match(logs[0], /not installed/);
});

test('config.shellcheck = false skips the run', async () => {
  assert.deepEqual(await runShellcheck(parseDockerfile('FROM debian:12\nRUN echo $HOME\n'), configWith({ shellcheck: false })), []);
});
