// Builds the RuleContext: per-lint caches of the RUN scripts and their parsed shell commands.
import { parseShell, type ShellCommand } from '../model/shell';
import type { Dockerfile, Instruction, Position, Range } from '../model/types';
import type { LintConfig } from './config';
import type { Suppressions } from './suppressions';
import { TextKeyedLru } from './textKeyedLru';
import type { RuleContext } from './types';

interface ScriptInfo {
  script: string;
  /** Offset in argsText where the script starts, or -1 when it is heredoc bodies. */
  argsOffset: number;
}

const scriptInfos = new WeakMap<Instruction, ScriptInfo>();
const lineStarts = new WeakMap<Instruction, number[]>();

/** The script a RUN (or ONBUILD RUN trigger) executes, and where it sits. */
export function scriptInfo(ins: Instruction): ScriptInfo {
  const cached = scriptInfos.get(ins);
  if (cached) return cached;
  let info: ScriptInfo;
  const first = ins.args[0];
  if (ins.json) info = { script: ins.json.join(' '), argsOffset: -2 };
  else if (first && first.raw.startsWith('<<') && ins.heredocs.length) info = { script: ins.heredocs.map((h) => h.body).join('\n'), argsOffset: -1 };
  else info = { script: first ? ins.argsText.slice(first.start) : '', argsOffset: first ? first.start : 0 };
  scriptInfos.set(ins, info);
  return info;
}

/** Document range of [start, end) of the script returned by `scriptInfo`. */
export function scriptRange(ins: Instruction, start: number, end: number): Range {
  const info = scriptInfo(ins);
  if (info.argsOffset >= 0) return { start: ins.positionAt(info.argsOffset + start), end: ins.positionAt(info.argsOffset + end) };
  if (info.argsOffset === -1) {
    // Heredoc bodies: map offsets through the body's line starts (computed once per script) by
    // binary search, so reporting many words of a big heredoc stays linear.
    let starts = lineStarts.get(ins);
    if (!starts) {
      starts = [0];
      for (let i = info.script.indexOf('\n'); i >= 0; i = info.script.indexOf('\n', i + 1)) starts.push(i + 1);
      lineStarts.set(ins, starts);
    }
    const table = starts;
    const first = ins.heredocs[0].bodyStartLine;
    const at = (offset: number): Position => {
      let lo = 0;
      let hi = table.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (table[mid] <= offset) lo = mid;
        else hi = mid - 1;
      }
      return { line: first + lo, character: offset - table[lo] };
    };
    return { start: at(start), end: at(end) };
  }
  return ins.argsRange;
}

/**
 * Scripts parsed recently by any document, by text: reopening a file, linting it again from the
 * CLI or a second Dockerfile with the same RUN lines (common in monorepos) parses nothing again,
 * and what rules derive from a parse (cached per parse) is reused with it. A parse takes ~20
 * bytes of heap per character of script (more with what rules derive from it), so 256 K
 * characters (the scripts of a 10 000-line Dockerfile fit) keeps this under ~6 MB.
 */
const recentScripts = new TextKeyedLru<ShellCommand[]>({ maxKeyChars: 256_000, keyShareDivisor: 8 });

/** The parse of a script, from the recent scripts when another lint parsed the same text. */
function parsedScript(script: string): ShellCommand[] {
  let cmds = recentScripts.get(script);
  if (!cmds) {
    cmds = parseShell(script);
    recentScripts.set(script, cmds);
  }
  return cmds;
}

/**
 * Parsed RUN scripts by script text, carried from one lint of a document to the next: typing
 * changes one RUN, so every other script's parse (and what rules derive from it, which is cached
 * per parse) is reused. Each lint moves the scripts it used from `previous` into `current`, so the
 * cache never holds more than one document version's scripts. Scripts it has not seen come from
 * the scripts other documents parsed recently, or are parsed.
 */
export class ShellCache {
  private previous = new Map<string, ShellCommand[]>();
  private current = new Map<string, ShellCommand[]>();

  get(script: string): ShellCommand[] {
    const cmds = this.current.get(script) ?? this.previous.get(script) ?? parsedScript(script);
    this.current.set(script, cmds);
    return cmds;
  }

  /** Start a new lint: what the last one used becomes what this one may reuse. */
  nextVersion(): void {
    this.previous = this.current;
    this.current = new Map();
  }
}

export function makeContext(df: Dockerfile, config: LintConfig, sup: Suppressions, shellCache?: ShellCache): RuleContext {
  const shells = new Map<Instruction, ShellCommand[]>();
  const nonPosix = new Set<number>();
  // A SHELL instruction switching to a non-POSIX shell turns shell rules off for the rest of its stage.
  for (const s of df.stages) {
    let off = false;
    for (const ins of s.instructions) {
      if (ins.name === 'SHELL' && ins.json && ins.json[0] && !/(^|\/)(ba|a|da|z|k)?sh$/.test(ins.json[0])) off = true;
      else if (ins.name === 'SHELL' && ins.json) off = false;
      if (off) nonPosix.add(ins.index);
    }
  }
  return {
    df,
    config,
    scriptOf: (ins) => scriptInfo(ins).script,
    shellOf(ins) {
      let cmds = shells.get(ins);
      if (!cmds) {
        const script = scriptInfo(ins).script;
        cmds = shellCache ? shellCache.get(script) : parsedScript(script);
        shells.set(ins, cmds);
      }
      return cmds;
    },
    isPosixShell(ins) {
      if (sup.nonPosixShellFrom !== undefined && ins.startLine > sup.nonPosixShellFrom) return false;
      return !nonPosix.has(ins.index);
    },
  };
}
