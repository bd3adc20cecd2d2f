// ShellCheck through the language server with the real `shellcheck` binary: findings arrive as a
// second diagnostics publish for the same version, carry the `shellcheck` code and SC alias in
// the message, and vanish when the setting turns ShellCheck off.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { startServer, type TestServer } from '../helpers/lspClient';

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.close();
});

async function until(uri: string, cond: (d: Diagnostic[]) => boolean, first: Diagnostic[]): Promise<Diagnostic[]> {
  let diags = first;
  for (let i = 0; i < 20 && !cond(diags); i++) diags = await server.nextDiagnostics(uri, 10000);
  return diags;
}

test('ShellCheck findings are published for RUN scripts, on the right range', async () => {
  const uri = 'file:///tmp/sc-lsp/Dockerfile';
  const first = await server.open(uri, 'FROM debian:12\nRUN echo $HOME/x\n');
  const diags = await until(uri, (d) => d.some((x) => x.code === 'shellcheck'), first);
  const sc = diags.find((x) => x.code === 'shellcheck');
  assert.ok(sc, JSON.stringify(diags));
  assert.match(String(sc.message), /^SC2086/);
  assert.deepEqual(sc.range, { start: { line: 1, character: 9 }, end: { line: 1, character: 14 } });
});

test('a hadolint ignore pragma with the SC code suppresses it in the editor too', async () => {
  const uri = 'file:///tmp/sc-lsp2/Dockerfile';
  const first = await server.open(uri, 'FROM debian:12\n# hadolint ignore=SC2086\nRUN echo $HOME/x\nRUN echo $HOME/y\n');
  const diags = await until(uri, (d) => d.some((x) => x.code === 'shellcheck'), first);
  assert.deepEqual(diags.filter((x) => x.code === 'shellcheck').map((x) => x.range.start.line), [3]);
});

test('stopping the server stops its ShellCheck run and removes the temporary scripts', async () => {
  // A stand-in `shellcheck` that records its PID and folder, then hangs like a run over a huge file.
  const bin = mkdtempSync(join(tmpdir(), 'dfs-fake-sc-'));
  const record = join(bin, 'started');
  writeFileSync(join(bin, 'shellcheck'), `#!/bin/sh\necho "$$ $PWD" > ${record}.tmp && mv ${record}.tmp ${record}\nexec sleep 60\n`, { mode: 0o755 });
  const s = await startServer({ env: { PATH: `${bin}:${process.env.PATH ?? ''}` } });
  try {
    await s.open('file:///tmp/sc-stop/Dockerfile', 'FROM debian:12\nRUN echo hello\n');
    for (let i = 0; i < 100 && !existsSync(record); i++) await delay(100);
    assert.ok(existsSync(record), 'the server did not start ShellCheck within 10 s');
    const [pid, dir] = readFileSync(record, 'utf8').trim().split(' ');
    assert.ok(isRunning(Number(pid)), 'the stand-in ShellCheck should be running');
    assert.ok(existsSync(join(dir, 'run0.sh')));
    const exited = new Promise((resolve) => s.proc.once('exit', resolve));
    s.proc.kill('SIGTERM');
    await exited;
    for (let i = 0; i < 50 && isRunning(Number(pid)); i++) await delay(100);
    assert.equal(isRunning(Number(pid)), false, 'ShellCheck outlived the server');
    assert.equal(existsSync(dir), false, 'temporary scripts were left behind');
  } finally {
    s.proc.kill('SIGKILL');
    rmSync(bin, { recursive: true, force: true });
  }
});

/** True while `pid` is a live process (a zombie waiting to be reaped counts as gone). */
function isRunning(pid: number): boolean {
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}
