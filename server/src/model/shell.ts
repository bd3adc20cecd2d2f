// A small POSIX-shell reader for RUN scripts: splits a script into simple commands joined by
// operators (&&, ||, ;, |, &, newlines), with each word's unquoted value and its offset in the
// script. It is what lint rules need (which programs run, with which arguments, in what order);
// it is not a full shell parser and never throws.

export type ShellOperator = '&&' | '||' | ';' | '|' | '&' | '\n' | '';

export interface ShellWord {
  /** As written, quotes kept. */
  raw: string;
  /** Quotes removed, escapes resolved; variables left as written. */
  value: string;
  start: number;
  end: number;
}

export interface ShellCommand {
  /** Words after leading `VAR=value` assignments and `sudo`-like wrappers are NOT removed here. */
  words: ShellWord[];
  /** Leading `NAME=value` assignments. */
  assignments: ShellWord[];
  /** The operator that joins this command to the previous one ('' for the first). */
  joinedBy: ShellOperator;
  start: number;
  end: number;
  /** Nesting depth of ( ) / { } / $( ) around it; 0 at top level. */
  depth: number;
}

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/**
 * Split `script` into commands. Subshells and groups are flattened: their commands are listed in
 * order with a greater `depth`, which is what "is there an apt-get update before this install"
 * style checks need.
 */
export function parseShell(script: string): ShellCommand[] {
  const commands: ShellCommand[] = [];
  let words: ShellWord[] = [];
  let joinedBy: ShellOperator = '';
  let depth = 0;
  let cmdStart = -1;
  const n = script.length;
  let i = 0;

  const finish = (op: ShellOperator, at: number): void => {
    if (words.length) {
      const assignments: ShellWord[] = [];
      while (words.length && ASSIGNMENT.test(words[0].raw)) assignments.push(words.shift() as ShellWord);
      commands.push({ words, assignments, joinedBy, start: cmdStart, end: at, depth });
    }
    words = [];
    cmdStart = -1;
    joinedBy = op;
  };

  while (i < n) {
    const c = script[i];
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '\\' && script[i + 1] === '\n') {
      i += 2;
      continue;
    }
    if (c === '#' && words.length === 0) {
      while (i < n && script[i] !== '\n') i++;
      continue;
    }
    if ((c === '&' || c === '|') && script[i + 1] === c) {
      finish(c === '&' ? '&&' : '||', i);
      i += 2;
      continue;
    }
    if (c === ';' || c === '|' || c === '&' || c === '\n') {
      finish(c === '\n' ? '\n' : (c as ShellOperator), i);
      i++;
      continue;
    }
    if (c === '(' || c === '{' ) {
      if (words.length === 0) {
        depth++;
        i++;
        continue;
      }
    }
    if (c === ')' || (c === '}' && words.length === 0)) {
      finish(';', i);
      depth = Math.max(0, depth - 1);
      i++;
      continue;
    }
    // A word: runs until unquoted whitespace or an operator character. Plain stretches are
    // copied with one slice each (char-by-char concatenation dominated lint time on big files).
    const start = i;
    let value = '';
    let plainFrom = i;
    const flush = (to: number): void => {
      if (to > plainFrom) value += script.slice(plainFrom, to);
    };
    while (i < n) {
      const ch = script[i];
      if (ch === "'") {
        flush(i);
        const close = script.indexOf("'", i + 1);
        const end = close < 0 ? n : close;
        value += script.slice(i + 1, end);
        i = end + 1;
        plainFrom = i;
        continue;
      }
      if (ch === '"') {
        flush(i);
        i++;
        let from = i;
        while (i < n && script[i] !== '"') {
          if (script[i] === '\\' && i + 1 < n && '"\\$`'.includes(script[i + 1])) {
            value += script.slice(from, i) + script[i + 1];
            i += 2;
            from = i;
          } else i++;
        }
        value += script.slice(from, Math.min(i, n));
        i++;
        plainFrom = i;
        continue;
      }
      if (ch === '\\' && i + 1 < n) {
        flush(i);
        if (script[i + 1] !== '\n') value += script[i + 1];
        i += 2;
        plainFrom = i;
        continue;
      }
      if (ch === '$' && script[i + 1] === '(') {
        // Keep command substitutions inside the word; scan to the matching paren.
        let d = 0;
        for (; i < n; i++) {
          if (script[i] === '(') d++;
          else if (script[i] === ')' && --d === 0) {
            i++;
            break;
          }
        }
        continue;
      }
      if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n' || ch === ';' || ch === '&' || ch === '|' || (ch === ')' && depth > 0)) break;
      i++;
    }
    if (i > n) i = n;
    flush(i);
    if (cmdStart < 0) cmdStart = start;
    words.push({ raw: script.slice(start, i), value, start, end: i });
  }
  finish('', n);
  return commands;
}

/** Wrappers whose first non-option argument is the real command (`sudo apt-get …`). */
const WRAPPERS = new Set(['sudo', 'env', 'nice', 'nohup', 'time', 'exec', 'xargs', 'command']);

/** The program a command runs and its arguments, with `sudo`/`env VAR=x` style wrappers skipped. */
export interface EffectiveCommand {
  program: string;
  args: ShellWord[];
  programWord: ShellWord | undefined;
}

// Many rules ask for the same command's program: compute it once per parsed command. Callers must
// treat the result as read-only.
const effectiveCache = new WeakMap<ShellCommand, EffectiveCommand>();

export function effectiveCommand(cmd: ShellCommand): EffectiveCommand {
  let hit = effectiveCache.get(cmd);
  if (!hit) {
    hit = computeEffectiveCommand(cmd);
    effectiveCache.set(cmd, hit);
  }
  return hit;
}

function computeEffectiveCommand(cmd: ShellCommand): EffectiveCommand {
  let k = 0;
  while (k < cmd.words.length) {
    const w = cmd.words[k].value;
    if (WRAPPERS.has(w)) {
      k++;
      while (k < cmd.words.length && (cmd.words[k].value.startsWith('-') || ASSIGNMENT.test(cmd.words[k].value))) k++;
      continue;
    }
    break;
  }
  const programWord = cmd.words[k];
  const program = programWord ? programWord.value.slice(programWord.value.lastIndexOf('/') + 1) : '';
  return { program, args: cmd.words.slice(k + 1), programWord };
}
