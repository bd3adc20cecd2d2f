// hadolint's view of a RUN script: the commands a shell would run, each with its name, all its
// argument words and the flags those words spell. hadolint reads scripts through ShellCheck's
// parser; this mirrors the parts its rules depend on, so our rules agree with it:
//   - the command name is the first word as written (no `sudo` skipping: `sudo apt-get` is `sudo`),
//     except the transparent wrappers `command`, `builtin`, `busybox`, `exec`;
//   - a first word that holds a variable or a command substitution is no command name;
//   - shell keywords (`if`, `then`, `do`, `!`…) are not commands, the words after them are;
//   - commands inside `$( … )` and backticks are commands too;
//   - `-abc` spells the flags a, b, c; `--name=value` spells the flag name.
import { parseShell, type ShellCommand, type ShellWord } from '../../model/shell';
import { scriptRange } from '../context';
import type { Instruction, Range } from '../../model/types';
import type { RuleContext } from '../types';

export interface HFlag {
  name: string;
  /** Index in `args` of the word that spells the flag. */
  argIndex: number;
}

export interface HCommand {
  name: string;
  /** Values of `args`, as a set (rules ask "has it this word?" many times). */
  argValues: Set<string>;
  nameWord: ShellWord;
  /** Every word after the name (flags included), like hadolint's `arguments`. */
  args: ShellWord[];
  flags: HFlag[];
  /** Offsets in the script of the whole command. */
  start: number;
  end: number;
  /** Position among the script's commands (hadolint's findCommandIndex). */
  index: number;
  source: ShellCommand;
}

const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{', 'time']);
const CLOSERS = new Set(['fi', 'done', 'esac', '}']);
const TRANSPARENT = new Set(['command', 'builtin', 'busybox', 'run']);

function flagsOf(args: ShellWord[]): HFlag[] {
  const out: HFlag[] = [];
  args.forEach((w, i) => {
    const v = w.value;
    if (v === '-' || v === '--' || !v.startsWith('-')) return;
    if (v.startsWith('--')) out.push({ name: v.slice(2).split('=')[0], argIndex: i });
    else for (const ch of v.slice(1)) out.push({ name: ch, argIndex: i });
  });
  return out;
}

/** Commands nested in `$( … )` of a word, with offsets shifted into the script. */
function nestedScripts(word: ShellWord): { text: string; offset: number }[] {
  const out: { text: string; offset: number }[] = [];
  const raw = word.raw;
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === '$' && raw[i + 1] === '(' && raw[i + 2] !== '(') {
      let depth = 0;
      let j = i + 1;
      for (; j < raw.length; j++) {
        if (raw[j] === '(') depth++;
        else if (raw[j] === ')' && --depth === 0) break;
      }
      out.push({ text: raw.slice(i + 2, j), offset: word.start + i + 2 });
      i = j;
    }
  }
  return out;
}

function shiftWord(w: ShellWord, by: number): ShellWord {
  return { ...w, start: w.start + by, end: w.end + by };
}

function shiftCommand(c: ShellCommand, by: number): ShellCommand {
  return { ...c, words: c.words.map((w) => shiftWord(w, by)), assignments: c.assignments.map((w) => shiftWord(w, by)), start: c.start + by, end: c.end + by };
}

/** `script` is always the whole RUN script: nested commands carry offsets into it. */
function collect(cmds: ShellCommand[], out: HCommand[], level: number, script: string): void {
  for (const c of cmds) {
    let words = c.words;
    while (words.length && KEYWORDS.has(words[0].raw)) words = words.slice(1);
    if (words.length && (words[0].raw === 'for' || words[0].raw === 'case' || words[0].raw === 'select')) words = [];
    if (words.length && CLOSERS.has(words[0].raw)) words = words.slice(1);
    if (words.length) {
      let k = 0;
      while (k < words.length - 1 && TRANSPARENT.has(words[k].value) && !words[k + 1].value.startsWith('-')) k++;
      if (words[k].value === 'exec') {
        k++;
        while (k < words.length && words[k].value.startsWith('-')) k++;
      }
      const nameWord = words[k];
      if (nameWord && !/[$`]/.test(nameWord.raw)) {
        const args = words.slice(k + 1);
        const end = args.length ? args[args.length - 1].end : nameWord.end;
        out.push({ name: nameWord.value, argValues: new Set(args.map((a) => a.value)), nameWord, args, flags: flagsOf(args), start: nameWord.start, end, index: out.length, source: c });
      }
    }
    // Commands inside command substitutions run too (`$(curl …)`, backticks).
    if (level < 4) {
      for (const w of [...c.assignments, ...c.words]) {
        if (!w.raw.includes('$(')) continue;
        for (const n of nestedScripts(w)) collect(parseShell(n.text).map((x) => shiftCommand(x, n.offset)), out, level + 1, script);
      }
      // The shell reader splits a backtick substitution into words, so find backticks in the source.
      for (let i = script.indexOf('`', c.start); i >= 0 && i < c.end; ) {
        const close = script.indexOf('`', i + 1);
        if (close < 0 || close >= c.end) break;
        const text = script.slice(i + 1, close);
        collect(parseShell(text).map((x) => shiftCommand(x, i + 1)), out, level + 1, script);
        i = script.indexOf('`', close + 1);
      }
    }
  }
}

const cache = new WeakMap<ShellCommand[], HCommand[]>();

/** hadolint-style commands of a RUN (or ONBUILD RUN trigger). */
export function commandsOf(ctx: RuleContext, ins: Instruction): HCommand[] {
  const parsed = ctx.shellOf(ins);
  let hit = cache.get(parsed);
  if (!hit) {
    hit = [];
    collect(parsed, hit, 0, ctx.scriptOf(ins));
    hit.forEach((c, i) => (c.index = i));
    cache.set(parsed, hit);
  }
  return hit;
}

export function argValues(cmd: HCommand): string[] {
  return cmd.args.map((a) => a.value);
}

/** hadolint's cmdHasArgs: the command is `name` and one of its words is in `wanted`. */
export function cmdHasArgs(cmd: HCommand, name: string | string[], wanted: string[]): boolean {
  if (typeof name === 'string' ? cmd.name !== name : !name.includes(cmd.name)) return false;
  return wanted.some((w) => cmd.argValues.has(w));
}

export function hasFlag(cmd: HCommand, name: string): boolean {
  return cmd.flags.some((f) => f.name === name);
}

export function hasAnyFlag(cmd: HCommand, names: string[]): boolean {
  return cmd.flags.some((f) => names.includes(f.name));
}

/** Words that are not flags; with `dropValuesOf`, also without the word after those flags. */
export function argsNoFlags(cmd: HCommand, dropValuesOf: string[] = []): ShellWord[] {
  const flagIdx = new Set(cmd.flags.map((f) => f.argIndex));
  const drop = new Set<number>();
  for (const f of cmd.flags) {
    if (!dropValuesOf.includes(f.name)) continue;
    // The value is the next word after the flag's word, unless it was written `--name=value`.
    if (cmd.args[f.argIndex].value.includes('=')) continue;
    if (f.argIndex + 1 < cmd.args.length) drop.add(f.argIndex + 1);
  }
  return cmd.args.filter((_, i) => !flagIdx.has(i) && !drop.has(i));
}

/** A flag's values: the word after it (`useradd -u 12345`), or what follows `=` (`--uid=12345`). */
export function flagValues(cmd: HCommand, name: string): string[] {
  const out: string[] = [];
  for (const f of cmd.flags) {
    if (f.name !== name) continue;
    const word = cmd.args[f.argIndex].value;
    if (word.startsWith('--') && word.includes('=')) out.push(word.slice(word.indexOf('=') + 1));
    else if (f.argIndex + 1 < cmd.args.length) out.push(cmd.args[f.argIndex + 1].value);
  }
  return out;
}

/** `a b c` contains the run `b c`. */
export function hasSequence(values: string[], seq: string[]): boolean {
  outer: for (let i = 0; i + seq.length <= values.length; i++) {
    for (let j = 0; j < seq.length; j++) if (values[i + j] !== seq[j]) continue outer;
    return true;
  }
  return false;
}

/** hadolint's isPipInstall: `pip… install` or `python… -m pip install`. */
export function isPipInstall(cmd: HCommand): boolean {
  // Checked for every command of every RUN: decide on the name before building any word list.
  if (cmd.name.startsWith('pip')) return cmd.argValues.has('install');
  return cmd.name.startsWith('python') && cmd.argValues.has('pip') && hasSequence(argValues(cmd), ['-m', 'pip', 'install']);
}

/** Document range of a command (from its name to its end). */
export function commandRange(ins: Instruction, cmd: HCommand): Range {
  return scriptRange(ins, cmd.start, cmd.end);
}

export function wordRange(ins: Instruction, w: ShellWord): Range {
  return scriptRange(ins, w.start, w.end);
}
