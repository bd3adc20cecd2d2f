// What the build knows at each instruction: which stage a stage builds on, which ARG/ENV names
// are defined, and which `$VAR` references an instruction makes (outside single quotes). Shared by
// the variable checks (UndefinedVar, UndefinedArgInFrom, InvalidDefaultArgInFrom, undefined-var-typo).
import { findStageByName } from '../../model/query';
import { AUTOMATIC_PLATFORM_ARGS, PREDEFINED_ARGS } from '../../model/syntax';
import type { Dockerfile, Instruction, Range, Stage } from '../../model/types';

/** The earlier stage a stage is built `FROM`, if its image names one. */
export function parentStage(df: Dockerfile, stage: Stage): Stage | undefined {
  if (!stage.image || stage.image.includes('$')) return undefined;
  return findStageByName(df, stage.image, stage.index);
}

/** The external image at the root of a stage's `FROM <stage>` chain (as written, e.g. `node:20`). */
export function rootImage(df: Dockerfile, stage: Stage): string {
  let s: Stage = stage;
  for (let guard = 0; guard < df.stages.length; guard++) {
    const p = parentStage(df, s);
    if (!p) break;
    s = p;
  }
  return s.image;
}

export interface VarRef {
  name: string;
  modifier: string | undefined;
  /** Offsets in the instruction's argsText: the whole reference and the name alone. */
  start: number;
  end: number;
  nameStart: number;
  nameEnd: number;
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

/** `$NAME` / `${NAME…}` references in `text`, skipping escaped `$` and single-quoted text. */
export function scanVariables(text: string, escapeChar: string): VarRef[] {
  const out: VarRef[] = [];
  if (!text.includes('$')) return out;
  let inSingle = false;
  let inDouble = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === escapeChar && !inSingle) {
      i++;
      continue;
    }
    if (c === "'" && !inDouble) inSingle = !inSingle;
    else if (c === '"' && !inSingle) inDouble = !inDouble;
    if (inSingle || c !== '$') continue;
    const next = text[i + 1];
    if (next === '{') {
      let j = i + 2;
      const nameStart = j;
      while (j < text.length && NAME_CHAR.test(text[j])) j++;
      if (j === nameStart || !NAME_START.test(text[nameStart])) continue;
      const m = /^(:-|:\+|:\?|-|\+|\?)/.exec(text.slice(j, j + 2));
      let depth = 1;
      let k = j;
      for (; k < text.length && depth > 0; k++) {
        if (text[k] === '{') depth++;
        else if (text[k] === '}') depth--;
      }
      out.push({ name: text.slice(nameStart, j), modifier: m?.[1], start: i, end: k, nameStart, nameEnd: j });
      i = j - 1;
    } else if (next !== undefined && NAME_START.test(next)) {
      let j = i + 1;
      while (j < text.length && NAME_CHAR.test(text[j])) j++;
      out.push({ name: text.slice(i + 1, j), modifier: undefined, start: i, end: j, nameStart: i + 1, nameEnd: j });
      i = j - 1;
    }
  }
  return out;
}

export function refRange(ins: Instruction, ref: VarRef): Range {
  return { start: ins.positionAt(ref.start), end: ins.positionAt(ref.end) };
}

/** Global ARGs (declared before the first FROM), with their default values (undefined = none). */
export function globalArgs(df: Dockerfile): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  for (const ins of df.preamble) {
    if (ins.name !== 'ARG') continue;
    for (const p of ins.pairs) out.set(p.key, p.hasEquals ? expand(p.value ?? '', out) : undefined);
  }
  return out;
}

/** Expand `$X`, `${X}`, `${X:-d}`, `${X-d}`, `${X:+a}`, `${X+a}` with the given values (unset = empty). */
export function expand(text: string, values: Map<string, string | undefined>): string {
  return text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+?])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_m, braced: string | undefined, op: string | undefined, word: string | undefined, bare: string | undefined) => {
    const name = braced ?? bare ?? '';
    const set = values.has(name) && values.get(name) !== undefined;
    const value = values.get(name) ?? '';
    switch (op) {
      case ':-':
        return value === '' ? (word ?? '') : value;
      case '-':
        return set ? value : (word ?? '');
      case ':+':
        return value !== '' ? (word ?? '') : '';
      case '+':
        return set ? (word ?? '') : '';
      default:
        return value;
    }
  });
}

/** Names the build always knows without an ARG (proxy and platform args). */
export const BUILTIN_ARGS = new Set([...PREDEFINED_ARGS, ...AUTOMATIC_PLATFORM_ARGS]);

/** Environment variables every Linux base image (or the builder) provides. */
export const WELL_KNOWN_ENV = new Set(['PATH', 'HOME', 'HOSTNAME', 'TERM', 'PWD', 'SHELL', 'USER', 'LANG', 'LC_ALL']);

/**
 * Names defined (by ARG or ENV) before each instruction of a stage, following `FROM <stage>`
 * chains: the stage built on inherits everything its parent defined. Computed once per lint.
 */
export class StageScopes {
  private readonly finalNames = new Map<number, Set<string>>();
  private readonly before = new Map<Instruction, Set<string>>();

  constructor(df: Dockerfile) {
    for (const stage of df.stages) {
      const parent = parentStage(df, stage);
      const names = new Set<string>(parent ? this.finalNames.get(parent.index) : []);
      for (const ins of stage.instructions) {
        this.before.set(ins, new Set(names));
        if (ins.name === 'ARG' || ins.name === 'ENV') for (const p of ins.pairs) names.add(p.key);
      }
      this.finalNames.set(stage.index, names);
    }
  }

  /** Names defined before `ins` in its stage (and the stages it builds on). */
  definedBefore(ins: Instruction): Set<string> {
    return this.before.get(ins) ?? new Set();
  }

  /** Everything a stage ends up defining. */
  definedInStage(stageIndex: number): Set<string> {
    return this.finalNames.get(stageIndex) ?? new Set();
  }
}

const scopesCache = new WeakMap<Dockerfile, StageScopes>();
export function stageScopes(df: Dockerfile): StageScopes {
  let s = scopesCache.get(df);
  if (!s) {
    s = new StageScopes(df);
    scopesCache.set(df, s);
  }
  return s;
}
