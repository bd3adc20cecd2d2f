// What the build knows at each instruction: which stage a stage builds on, which ARG/ENV names
// are defined, and which `$VAR` references an instruction makes (outside single quotes). Shared by
// the variable checks (UndefinedVar, UndefinedArgInFrom, InvalidDefaultArgInFrom, undefined-var-typo).
import { AUTOMATIC_PLATFORM_ARGS, PREDEFINED_ARGS } from '../../model/syntax';
import type { Dockerfile, Instruction, Range, Stage } from '../../model/types';

interface StageLinks {
  parent: (Stage | undefined)[];
  root: string[];
}

const linksCache = new WeakMap<Dockerfile, StageLinks>();

/** Parent stage and root image of every stage, computed once per parse (linear in the stages). */
function stageLinks(df: Dockerfile): StageLinks {
  let links = linksCache.get(df);
  if (links) return links;
  const firstByName = new Map<string, Stage>();
  const parent: (Stage | undefined)[] = [];
  const root: string[] = [];
  for (const stage of df.stages) {
    const key = stage.image.toLowerCase();
    const p = stage.image && !stage.image.includes('$') ? firstByName.get(key) : undefined;
    parent.push(p);
    root.push(p ? root[p.index] : stage.image);
    const name = stage.name?.toLowerCase();
    if (name && !firstByName.has(name)) firstByName.set(name, stage);
  }
  links = { parent, root };
  linksCache.set(df, links);
  return links;
}

/** The earlier stage a stage is built `FROM`, if its image names one. */
export function parentStage(df: Dockerfile, stage: Stage): Stage | undefined {
  return stageLinks(df).parent[stage.index];
}

/** The external image at the root of a stage's `FROM <stage>` chain (as written, e.g. `node:20`). */
export function rootImage(df: Dockerfile, stage: Stage): string {
  return stageLinks(df).root[stage.index] ?? stage.image;
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

/**
 * Global ARGs (declared before the first FROM), with their default values (undefined = none).
 * `seed` gives values for names the build defines itself (platform args), used while expanding defaults.
 */
export function globalArgs(df: Dockerfile, seed: [string, string][] = []): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>(seed);
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

/** The ARG/ENV names visible at one instruction. */
export interface NameScope {
  has(name: string): boolean;
  /** All visible names (for "did you mean" suggestions). */
  names(): string[];
}

/** Suggestions are pointless among thousands of names; stop collecting there. */
const MAX_SUGGESTION_NAMES = 2000;

/**
 * Names defined (by ARG or ENV) before each instruction of a stage, following `FROM <stage>`
 * chains: the stage built on inherits everything its parent defined. Each stage keeps only its own
 * names (first definition per name); lookups walk the parent chain, so nothing is copied per
 * stage or per instruction, even in files with thousands of chained stages.
 */
export class StageScopes {
  private readonly own: Map<string, number>[] = [];
  private readonly parents: number[] = [];

  constructor(df: Dockerfile) {
    for (const stage of df.stages) {
      const own = new Map<string, number>();
      for (const ins of stage.instructions) {
        if (ins.name === 'ARG' || ins.name === 'ENV') for (const p of ins.pairs) if (!own.has(p.key)) own.set(p.key, ins.index);
      }
      this.own.push(own);
      this.parents.push(parentStage(df, stage)?.index ?? -1);
    }
  }

  private readonly inheritedNames = new Map<number, string[]>();

  /** Names the stage inherits from the stages it builds on (capped), computed once per stage. */
  private inheritedList(stageIndex: number): string[] {
    let list = this.inheritedNames.get(stageIndex);
    if (!list) {
      const out = new Set<string>();
      for (let s = this.parents[stageIndex] ?? -1; s >= 0 && out.size < MAX_SUGGESTION_NAMES; s = this.parents[s]) for (const k of this.own[s].keys()) out.add(k);
      list = [...out];
      this.inheritedNames.set(stageIndex, list);
    }
    return list;
  }

  private inherited(stageIndex: number, name: string): boolean {
    for (let s = this.parents[stageIndex] ?? -1; s >= 0; s = this.parents[s]) if (this.own[s].has(name)) return true;
    return false;
  }

  /** Names defined before `ins` in its stage (and the stages it builds on). */
  definedBefore(ins: Instruction): NameScope {
    const stageIndex = ins.stageIndex;
    const own = this.own[stageIndex] ?? new Map<string, number>();
    return {
      has: (name) => {
        const at = own.get(name);
        return (at !== undefined && at < ins.index) || (stageIndex >= 0 && this.inherited(stageIndex, name));
      },
      names: () => {
        const out: string[] = [];
        for (const [k, at] of own) if (at < ins.index) out.push(k);
        return stageIndex >= 0 ? out.concat(this.inheritedList(stageIndex)) : out;
      },
    };
  }

  /** Everything a stage ends up defining. */
  definedInStage(stageIndex: number): Set<string> {
    const out = new Set<string>();
    for (let s = stageIndex; s >= 0; s = this.parents[s]) for (const k of this.own[s].keys()) out.add(k);
    return out;
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
