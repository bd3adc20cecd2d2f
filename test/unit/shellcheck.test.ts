// ShellCheck integration against the real `shellcheck` binary (Debian's package): what it is given
// (shebang from SHELL, declared variables), where its findings land, suppression by SC code, and
// what happens when the executable is missing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDockerfile } from '../../server/src/model/parser';
import { lint, withExternal } from '../../server/src/rules/engine';
import { runShellcheck } from '../../server/src/rules/shellcheck';
import { shellcheckScripts } from '../../server/src/rules/shellcheckScripts';
import { configWith, lintWithExternal } from '../helpers/lintHelpers';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
  // A broken exec form is the JSON rules' to explain; ShellCheck would read `[` as a test.
  assert.deepEqual(await sc("FROM debian:12\nRUN ['echo', 'hi']\n"), []);
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

/** A ShellCheck stand-in that records each call (its pid and file arguments) and then runs the real one. */
function countingShellcheck(): { exe: string; calls: () => string[][] } {
  const dir = mkdtempSync(join(tmpdir(), 'dfs-sc-count-'));
  const log = join(dir, 'calls.log');
  const exe = join(dir, 'shellcheck-counting');
  // Arguments after `--` are the script files.
  writeFileSync(exe, `#!/bin/sh\nfiles=""; seen=0\nfor a in "$@"; do if [ "$seen" = 1 ]; then files="$files $a"; fi; [ "$a" = "--" ] && seen=1; done\necho "$files" >> '${log}'\nexec shellcheck "$@"\n`);
  chmodSync(exe, 0o755);
  return { exe, calls: () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').map((l) => l.trim().split(/\s+/).filter(Boolean)) : []) };
}

test('answers are kept per script: a re-run asks ShellCheck nothing, an edit asks only for the changed RUN', async () => {
  const { exe, calls } = countingShellcheck();
  const text = 'FROM debian:12\nRUN echo $A1\nRUN echo ok\nRUN echo $A3\n';
  const first = await runShellcheck(parseDockerfile(text), config, { executable: exe });
  assert.deepEqual(first.map((f) => f.finding.range.start.line + 1), [2, 4]);
  assert.equal(calls().length, 1);
  assert.equal(calls()[0].length, 3);

  const again = await runShellcheck(parseDockerfile(text), config, { executable: exe });
  assert.deepEqual(again.map((f) => [f.rule.aliases[0], f.finding.range.start.line + 1]), first.map((f) => [f.rule.aliases[0], f.finding.range.start.line + 1]));
  assert.equal(calls().length, 1, 'no ShellCheck process for scripts answered before');

  // A line inserted above shifts every RUN; the cached answers still land on the new lines.
  const edited = 'FROM debian:12\nWORKDIR /app\nRUN echo $A1\nRUN echo ok\nRUN echo $B3\n';
  const after = await runShellcheck(parseDockerfile(edited), config, { executable: exe });
  assert.equal(calls().length, 2);
  assert.equal(calls()[1].length, 1, 'only the changed script is sent');
  assert.deepEqual(after.map((f) => f.finding.range.start.line + 1), [3, 5]);
});

/** A ShellCheck stand-in that never answers; `pid()` waits until it runs and gives its process id. */
function hangingShellcheck(): { exe: string; pid: () => Promise<number> } {
  const dir = mkdtempSync(join(tmpdir(), 'dfs-sc-slow-'));
  const pidFile = join(dir, 'pid');
  const exe = join(dir, 'shellcheck-slow');
  writeFileSync(exe, `#!/bin/sh\necho $$ > '${pidFile}'\nexec sleep 60\n`);
  chmodSync(exe, 0o755);
  const pid = async (): Promise<number> => {
    await waitFor(() => existsSync(pidFile) && readFileSync(pidFile, 'utf8').trim() !== '', 5000);
    return Number(readFileSync(pidFile, 'utf8'));
  };
  return { exe, pid };
}

test('aborting a run kills the ShellCheck process and gives no findings, without a warning', async () => {
  const shellcheck = hangingShellcheck();
  const logs: string[] = [];
  const controller = new AbortController();
  const started = Date.now();
  const pending = runShellcheck(parseDockerfile('FROM debian:12\nRUN echo $SLOW_UNIQUE\n'), config, { executable: shellcheck.exe, signal: controller.signal, log: (m) => logs.push(m) });
  const pid = await shellcheck.pid();
  controller.abort();
  assert.deepEqual(await pending, []);
  assert.ok(Date.now() - started < 10_000);
  assert.throws(() => process.kill(pid, 0), /ESRCH/, 'the process is gone');
  assert.deepEqual(logs, []);
});

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

test('ShellCheck runs at a lower CPU priority than the server, so it never slows the editor', async () => {
  const shellcheck = hangingShellcheck();
  const controller = new AbortController();
  const pending = runShellcheck(parseDockerfile('FROM debian:12\nRUN echo $NICE_UNIQUE\n'), config, { executable: shellcheck.exe, signal: controller.signal });
  const pid = await shellcheck.pid();
  // Field 19 of /proc/<pid>/stat is the nice value; the command name in field 2 has no spaces here.
  const niceOf = (p: number): number => Number(readFileSync(`/proc/${p}/stat`, 'utf8').split(' ')[18]);
  const ours = niceOf(process.pid);
  try {
    await waitFor(() => niceOf(pid) === Math.max(ours, 10), 5000);
  } finally {
    controller.abort();
    await pending;
  }
});

test('a variable typo is one diagnostic: SC2153 and SC2154 fold into undefined-var-typo on the same word', async () => {
  // NODE_VERSOIN: ShellCheck says SC2153 ("did you mean"); node_versoin: SC2154 ("not assigned").
  // zz_unknown resembles nothing declared: only ShellCheck reports it, and that stays.
  const run = 'RUN echo "$NODE_VERSOIN" && echo "$node_versoin" && echo "$zz_unknown"';
  const text = `FROM node:20\nENV NODE_VERSION=20 node_version=20\n${run}\n`;
  const df = parseDockerfile(text);
  const external = await runShellcheck(df, config);
  assert.deepEqual(external.map((f) => f.rule.aliases[0]), ['SC2153', 'SC2154', 'SC2154'], 'ShellCheck itself reports all three');
  const describe = (results: ReturnType<typeof lint>): string[] =>
    results.filter((r) => r.range.start.line === 2).map((r) => `${r.range.start.character} ${r.rule.id} ${r.rule.aliases.join(',')}`);
  const at = (word: string): number => run.indexOf(word);
  const expected = [`${at('$NODE_VERSOIN')} undefined-var-typo SC2153`, `${at('$node_versoin')} undefined-var-typo SC2154`, `${at('$zz_unknown')} shellcheck SC2154`];
  // The CLI lints with the findings at hand.
  assert.deepEqual(describe(lintWithExternal(text, external)), expected);
  // The language server merges them into the results it already has, which must stay as they were.
  const rulesOnly = lint(df, config);
  const before = JSON.stringify(rulesOnly);
  assert.deepEqual(describe(withExternal(df, config, rulesOnly, external)), expected);
  assert.equal(JSON.stringify(rulesOnly), before, 'the cached rule results are not changed by the merge');
});
