// ShellCheck inside RUN: runs the `shellcheck` executable (when installed) over the shell-form
// RUN scripts of a document in ONE process (the scripts go to temporary files; one process per
// script costs ~100 ms each), only for scripts it has not answered before, and turns its json1
// output into findings on the right ranges.
// Each SC code becomes a rule meta with id `shellcheck` and alias `SCxxxx`, so
// `# hadolint ignore=SC2086` and `ignored: [SC2086]` work like for any other rule.
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { constants as osConstants, getPriority, setPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dockerfile } from '../model/types';
import type { LintConfig } from './config';
import type { ExternalFinding } from './engine';
import { shellcheckRange, shellcheckScripts, type ShellcheckScript } from './shellcheckScripts';
import { TextKeyedLru } from './textKeyedLru';
import type { RuleMeta, Severity } from './types';

/** hadolint leaves these out: ash is read as sh on purpose, and sourced files are not in the build. */
const EXCLUDED = ['SC2187', 'SC1090', 'SC1091'];

export interface ShellcheckOptions {
  /** The executable (default: `shellcheck` from PATH). */
  executable?: string;
  timeoutMs?: number;
  /** Told once per executable when ShellCheck is missing or fails. */
  log?: (message: string) => void;
  /** Aborting kills the running ShellCheck process (the document changed again); the result is []. */
  signal?: AbortSignal;
}

type ScriptComment = Omit<Json1Comment, 'file'>;

/**
 * ShellCheck's answer depends only on the script text handed to it (shebang and exports
 * included), so answers are kept by that text: after an edit only the changed RUN goes to
 * ShellCheck, and reopening a file costs no process at all. Bounded by entries and by the total
 * length of the keys (a fuzzer's 100 000-character RUN lines must not pile up); the least
 * recently used go first.
 */
type ScriptResults = TextKeyedLru<ScriptComment[]>;

const resultsByExecutable = new Map<string, ScriptResults>();

function cacheFor(exe: string): ScriptResults {
  let c = resultsByExecutable.get(exe);
  if (!c) resultsByExecutable.set(exe, (c = new TextKeyedLru<ScriptComment[]>({ maxEntries: 4000, maxKeyChars: 4_000_000, keyShareDivisor: 16 })));
  return c;
}

interface Json1Comment {
  file: string;
  line: number;
  endLine: number;
  column: number;
  endColumn: number;
  level: string;
  code: number;
  message: string;
}

const LEVELS: Record<string, Severity> = { error: 'error', warning: 'warning', info: 'info', style: 'hint' };

/**
 * ShellCheck codes that report a problem one of our rules already explains better, on the same
 * word: SC2153 ("possible misspelling … did you mean …?") and SC2154 ("referenced but not
 * assigned") on a variable our undefined-var-typo names the intended variable for. The engine then
 * shows one diagnostic with both codes (`sameProblemAs`), not the same typo twice.
 */
export const SHELLCHECK_SAME_PROBLEM_AS: Readonly<Record<string, string[]>> = {
  SC2153: ['undefined-var-typo'],
  SC2154: ['undefined-var-typo'],
};
const metas = new Map<string, RuleMeta>();

/** The rule meta for one ShellCheck code at one level. */
export function shellcheckMeta(code: number, level: string): RuleMeta {
  const alias = `SC${code}`;
  const severity = LEVELS[level] ?? 'warning';
  const key = `${alias}:${severity}`;
  let meta = metas.get(key);
  if (!meta) {
    meta = {
      id: 'shellcheck',
      aliases: [alias],
      severity,
      source: 'shellcheck',
      title: { en: `ShellCheck ${alias}`, ko: `ShellCheck ${alias}` },
      why: {
        en: `ShellCheck analyses the shell script a RUN executes and finds mistakes a build would only reveal by failing or, worse, by silently doing the wrong thing. See https://www.shellcheck.net/wiki/${alias} for this check.`,
        ko: `ShellCheck는 RUN이 실행하는 셸 스크립트를 분석해, 빌드가 실패하거나 더 나쁘게는 조용히 잘못 동작해야만 드러날 실수를 찾아 줍니다. 이 검사에 대한 설명: https://www.shellcheck.net/wiki/${alias}`,
      },
      bad: 'FROM debian:12\nRUN echo $HOME/*.txt',
      good: 'FROM debian:12\nRUN echo "$HOME"/*.txt',
      ...(SHELLCHECK_SAME_PROBLEM_AS[alias] ? { sameProblemAs: SHELLCHECK_SAME_PROBLEM_AS[alias] } : {}),
    };
    metas.set(key, meta);
  }
  return meta;
}

const warned = new Set<string>();

/**
 * ShellCheck processes and their temporary folders that are still around. When the server is
 * stopped (the editor closes, the extension restarts it) nothing of a run may be left behind: a
 * ShellCheck over a big file can run for seconds after its parent is gone.
 */
const liveChildren = new Set<ChildProcess>();
const liveDirs = new Set<string>();
let exitHookInstalled = false;

function cleanUpOnExit(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const child of liveChildren) child.kill('SIGKILL');
    for (const dir of liveDirs) rmSync(dir, { recursive: true, force: true });
  });
}

/** Scripts written at once: a few at a time keeps file handles bounded and lets an abort stop the writing. */
const WRITE_BATCH = 64;

function warnOnce(log: ShellcheckOptions['log'], key: string, message: string): void {
  if (!log || warned.has(key)) return;
  warned.add(key);
  log(message);
}

/**
 * ShellCheck is background analysis: seconds of CPU on a big file (about 1 s per 1 000 lines),
 * while the user types and the language server answers completions and re-lints. At normal
 * priority it takes a whole core from them: on a 2-core machine, opening a 1 000-line file while
 * ShellCheck checked another took 31 ms at normal priority, 24 ms at this one, 23 ms with
 * ShellCheck off (lsp-bench, session 6). At a lower priority it gets the CPU the editor leaves
 * idle, and its findings arrive a little later when the machine is busy.
 */
function runInBackground(child: ChildProcess): void {
  if (child.pid === undefined) return; // not started (missing executable): the 'error' event reports it
  try {
    // Never above our own priority: a server the user started with `nice` keeps ShellCheck below it.
    setPriority(child.pid, Math.max(getPriority(), osConstants.priority.PRIORITY_BELOW_NORMAL));
  } catch {
    // It may already have exited, or the OS refuses: it then runs at normal priority, which is harmless.
  }
}

/** Run `exe args` with a timeout; resolves with stdout, or undefined when it could not run. */
function run(exe: string, args: string[], cwd: string, timeoutMs: number, signal: AbortSignal | undefined): Promise<{ stdout: string; error?: string }> {
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    let settled = false;
    const done = (r: { stdout: string; error?: string }): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(r);
    };
    const child = spawn(exe, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], signal, killSignal: 'SIGKILL' });
    liveChildren.add(child);
    child.on('exit', () => liveChildren.delete(child));
    runInBackground(child);
    // A killed run settles once its process is really gone, so a cancelled or timed-out check has
    // left nothing running when its promise settles (a busy machine can take a while to reap it).
    const afterExit = (r: { stdout: string; error?: string }): void => {
      if (child.exitCode !== null || child.signalCode !== null) done(r);
      else child.once('exit', () => done(r));
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      afterExit({ stdout: '', error: `timed out after ${timeoutMs} ms` });
    }, timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', (err: NodeJS.ErrnoException) => {
      if (err.name === 'AbortError') {
        afterExit({ stdout: '', error: 'aborted' }); // Node has sent SIGKILL already
        return;
      }
      done({ stdout: '', error: err.code === 'ENOENT' ? 'ENOENT' : err.message });
    });
    // ShellCheck exits 1 when it found something; only a missing/invalid JSON output is a failure.
    child.on('close', (code) => done(code === 0 || code === 1 ? { stdout } : { stdout, error: `exit code ${code}: ${stderr.trim().slice(0, 300)}` }));
  });
}

/**
 * ShellCheck's comments for each script, in order; scripts answered before come from the cache,
 * the others go to one ShellCheck process. Undefined when ShellCheck could not give an answer.
 */
async function commentsFor(texts: string[], exe: string, options: ShellcheckOptions): Promise<ScriptComment[][] | undefined> {
  const cache = cacheFor(exe);
  const out: (ScriptComment[] | undefined)[] = texts.map((t) => cache.get(t));
  const missing = [...new Set(texts.filter((_, i) => !out[i]))];
  if (missing.length) {
    const fresh = await runOnScripts(missing, exe, options);
    if (!fresh) return undefined;
    const freshByText = new Map(missing.map((t, i) => [t, fresh[i]]));
    for (const [t, c] of freshByText) cache.set(t, c);
    texts.forEach((t, i) => (out[i] ??= freshByText.get(t)));
  }
  return out.map((c) => c ?? []);
}

/** One ShellCheck process over `texts` (as temporary files); comments per text, or undefined. */
async function runOnScripts(texts: string[], exe: string, options: ShellcheckOptions): Promise<ScriptComment[][] | undefined> {
  cleanUpOnExit();
  const dir = await mkdtemp(join(tmpdir(), 'dfs-shellcheck-'));
  liveDirs.add(dir);
  try {
    const names = texts.map((_, i) => `run${i}.sh`);
    for (let start = 0; start < texts.length; start += WRITE_BATCH) {
      if (options.signal?.aborted) return undefined;
      const batch = texts.slice(start, start + WRITE_BATCH);
      await Promise.all(batch.map((t, i) => writeFile(join(dir, names[start + i]), t)));
    }
    if (options.signal?.aborted) return undefined;
    const r = await run(exe, ['--format=json1', `--exclude=${EXCLUDED.join(',')}`, '--', ...names], dir, options.timeoutMs ?? 15000, options.signal);
    if (r.error === 'aborted' || options.signal?.aborted) return undefined;
    if (r.error === 'ENOENT') {
      warnOnce(options.log, `missing:${exe}`, `ShellCheck ("${exe}") is not installed or not on PATH: RUN scripts are not checked for shell mistakes. Install it (e.g. apt-get install shellcheck) to get SCxxxx findings.`);
      return undefined;
    }
    let parsed: { comments?: Json1Comment[] };
    try {
      parsed = JSON.parse(r.stdout) as { comments?: Json1Comment[] };
    } catch {
      warnOnce(options.log, `failed:${exe}`, `ShellCheck ("${exe}") did not return results${r.error ? ` (${r.error})` : ''}: RUN scripts are not checked for shell mistakes.`);
      return undefined;
    }
    const index = new Map(names.map((n, i) => [n, i]));
    const out: ScriptComment[][] = texts.map(() => []);
    for (const c of parsed.comments ?? []) {
      const i = index.get(c.file);
      if (i === undefined) continue;
      out[i].push({ line: c.line, endLine: c.endLine, column: c.column, endColumn: c.endColumn, level: c.level, code: c.code, message: c.message });
    }
    return out;
  } finally {
    await rm(dir, { recursive: true, force: true });
    liveDirs.delete(dir);
  }
}

/** ShellCheck findings for every shell-form RUN of a document; [] when ShellCheck is unavailable. */
export function runShellcheck(df: Dockerfile, config: LintConfig, options: ShellcheckOptions = {}): Promise<ExternalFinding[]> {
  if (!config.shellcheck) return Promise.resolve([]);
  // The scripts are taken now, so the wait for ShellCheck (seconds on a big file) holds only the
  // RUN instructions, not the whole model of a version the user has already moved past.
  const scripts = shellcheckScripts(df, config);
  return scripts.length ? findingsFor(scripts, options) : Promise.resolve([]);
}

async function findingsFor(scripts: ShellcheckScript[], options: ShellcheckOptions): Promise<ExternalFinding[]> {
  const comments = await commentsFor(scripts.map((s) => s.text), options.executable ?? 'shellcheck', options);
  if (!comments) return [];
  const out: ExternalFinding[] = [];
  scripts.forEach((s, i) => {
    for (const c of comments[i]) {
      if (c.line <= s.headerLines) continue;
      out.push({
        rule: shellcheckMeta(c.code, c.level),
        finding: {
          range: shellcheckRange(s, c.line, c.column, c.endLine, c.endColumn),
          message: { en: `SC${c.code}: ${c.message}`, ko: `SC${c.code} (ShellCheck, 영어 원문): ${c.message}` },
        },
      });
    }
  });
  out.sort((a, b) => a.finding.range.start.line - b.finding.range.start.line || a.finding.range.start.character - b.finding.range.start.character);
  return out;
}
