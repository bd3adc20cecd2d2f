// What ShellCheck should read for each RUN, built the way hadolint does it: the RUN's script
// behind a `#!<shell>` line and one `export NAME=1` line per variable the Dockerfile declares
// (ARG/ENV of the stage, plus the proxy variables Docker always passes), so ShellCheck neither
// guesses the dialect nor reports declared variables as unassigned. Pure: no process here.
import type { Dockerfile, Instruction, Range } from '../model/types';
import { defaultConfig, type LintConfig } from './config';
import { makeContext, scriptInfo, scriptRange } from './context';
import { readSuppressions } from './suppressions';

/** Docker passes these to every RUN without an ARG (hadolint's defaults). */
const PROXY_VARS = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy'];
/** Shells ShellCheck understands (ash is read as sh, as hadolint does). */
const SUPPORTED = new Set(['sh', 'bash', 'dash', 'ksh', 'ash', 'mksh', 'busybox']);
/** Base images whose default shell is cmd (hadolint does not know this; we skip ShellCheck there). */
const WINDOWS_IMAGE = /windows|nanoserver|servercore/i;

export interface ShellcheckScript {
  /** The RUN (or ONBUILD RUN trigger) the script comes from. */
  run: Instruction;
  /** Full text handed to ShellCheck. */
  text: string;
  /** Lines added before the RUN's own script (shebang and exports). */
  headerLines: number;
  /** Offsets where each line of the RUN's script starts (to map line/column back). */
  lineStarts: number[];
}

interface ShellState {
  shell: string;
  vars: Set<string>;
}

function freshState(): ShellState {
  return { shell: '/bin/sh', vars: new Set(PROXY_VARS) };
}

function shellName(shell: string): string {
  return shell.split(/[\\/]/).pop()?.replace(/\.exe$/i, '').toLowerCase() ?? '';
}

function lineStartsOf(script: string): number[] {
  const starts = [0];
  for (let i = 0; i < script.length; i++) if (script[i] === '\n') starts.push(i + 1);
  return starts;
}

/** The script of a RUN as ShellCheck should see it, or undefined when ShellCheck cannot read it. */
function runScript(run: Instruction): string | undefined {
  // Exec form has no shell; a broken exec form (`RUN ['a', 'b']`) is explained by the JSON rules,
  // and ShellCheck would only misread it as a `[` test expression.
  if (run.json || run.looksLikeJson) return undefined;
  const info = scriptInfo(run);
  if (info.argsOffset === -1) {
    // `RUN <<EOF` runs its body with the shell, unless the body names another interpreter.
    if (run.heredocs.length !== 1 || (info.script.startsWith('#!') && !SUPPORTED.has(shellName(info.script.split('\n')[0].slice(2).trim().split(/\s+/).pop() ?? '')))) return undefined;
  }
  return info.script.trim() ? info.script : undefined;
}

export function shellcheckScripts(df: Dockerfile, config: LintConfig = defaultConfig()): ShellcheckScript[] {
  const ctx = makeContext(df, config, readSuppressions(df));
  const out: ShellcheckScript[] = [];
  const stageStates: ShellState[] = [];
  let state = freshState();
  // ONBUILD triggers run in a child image: they see only what other ONBUILD triggers set.
  const onbuild = freshState();
  const add = (run: Instruction, host: Instruction, st: ShellState): void => {
    if (!ctx.isPosixShell(host)) return;
    const name = shellName(st.shell);
    if (!SUPPORTED.has(name)) return;
    const script = runScript(run);
    if (script === undefined) return;
    const header = [`#!${st.shell.includes('/') ? st.shell : `/bin/${st.shell}`}`, ...[...st.vars].sort().map((v) => `export ${v}=1`)];
    out.push({ run, text: `${header.join('\n')}\n${script}\n`, headerLines: header.length, lineStarts: lineStartsOf(script) });
  };
  const apply = (ins: Instruction, st: ShellState): void => {
    if (ins.name === 'ARG' || ins.name === 'ENV') for (const p of ins.pairs) if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(p.key)) st.vars.add(p.key);
    if (ins.name === 'SHELL' && ins.json?.length) st.shell = ins.json[0];
  };
  for (const ins of df.instructions) {
    if (ins.name === 'FROM') {
      const stage = df.stages[ins.stageIndex];
      const parent = df.stages.findIndex((s) => s.index < stage.index && s.name !== undefined && s.name.toLowerCase() === stage.image.toLowerCase());
      // A stage built FROM an earlier stage keeps its SHELL and variables; any other FROM starts afresh.
      state = parent >= 0 ? { shell: stageStates[parent].shell, vars: new Set(stageStates[parent].vars) } : freshState();
      // Windows base images run RUN with cmd unless SHELL says otherwise; ShellCheck would only
      // misread their backslash paths.
      if (parent < 0 && WINDOWS_IMAGE.test(stage.image)) state.shell = 'cmd';
      stageStates[ins.stageIndex] = state;
      continue;
    }
    if (ins.name === 'ONBUILD' && ins.trigger) {
      if (ins.trigger.name === 'RUN') add(ins.trigger, ins, onbuild);
      else apply(ins.trigger, onbuild);
      continue;
    }
    if (ins.name === 'RUN') add(ins, ins, state);
    else apply(ins, state);
  }
  return out;
}

/** Document range of a ShellCheck finding (1-based lines/columns of the full text, tabs = 1). */
export function shellcheckRange(s: ShellcheckScript, line: number, column: number, endLine: number, endColumn: number): Range {
  const offset = (l: number, c: number): number => {
    const idx = Math.min(Math.max(l - 1 - s.headerLines, 0), s.lineStarts.length - 1);
    return s.lineStarts[idx] + Math.max(c - 1, 0);
  };
  const start = offset(line, column);
  let end = offset(endLine, endColumn);
  if (end <= start) end = start + 1;
  return scriptRange(s.run, start, end);
}
