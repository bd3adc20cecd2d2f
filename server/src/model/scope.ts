// Which ARG/ENV variables are visible at a position, with their resolved values. Pure: reads the
// parsed model only. Hover, completion, rename and rules share it, so it follows BuildKit's rules:
// - ARGs before the first FROM are global: usable in FROM lines, but inside a stage only after
//   the stage redeclares them (`ARG NAME` with no value takes the global default).
// - BuildKit's automatic platform args (TARGETPLATFORM…) are global too, with the same rule.
// - A stage sees ARG/ENV declared earlier in it, and everything its parent stage had at its end
//   when `FROM <earlier stage>` names one (BuildKit inherits both ENV and ARG then).
// - ENV wins over an ARG of the same name, whatever the order.
// - An instruction does not see its own definitions (`ENV A=1 B=$A` expands $A from before).
import { AUTOMATIC_PLATFORM_ARGS } from './syntax';
import { rangeContains, comparePositions } from './query';
import type { Dockerfile, Instruction, KeyValue, Position, Range, Stage } from './types';

export type VariableKind = 'ARG' | 'ENV';

export interface VariableDefinition {
  name: string;
  kind: VariableKind;
  /**
   * The value after expanding references to earlier variables; undefined for an ARG with no
   * default (its value comes from `--build-arg`, or BuildKit for automatic args).
   */
  value: string | undefined;
  /** The value as written (quotes kept), undefined when there is none. */
  rawValue: string | undefined;
  /** The instruction that defines it; undefined for BuildKit's automatic args (`builtin`). */
  instruction: Instruction | undefined;
  /** The key/value pair of that instruction. */
  pair: KeyValue | undefined;
  /** Range of the name in its defining instruction. */
  range: Range | undefined;
  /** Stage the definition sits in; -1 for the global scope (before the first FROM). */
  stageIndex: number;
  /** An in-stage `ARG NAME` with no value whose default comes from this global ARG. */
  globalDefault: VariableDefinition | undefined;
  /** Set by BuildKit (TARGETPLATFORM, BUILDARCH…): the value is only known at build time. */
  builtin: boolean;
  /** Defined in a parent stage (`FROM <stage>`) rather than the stage at the position. */
  inherited: boolean;
}

type Scope = Map<string, VariableDefinition>;

const AUTOMATIC = new Set(AUTOMATIC_PLATFORM_ARGS);

function builtinDef(name: string, stageIndex: number): VariableDefinition {
  return { name, kind: 'ARG', value: undefined, rawValue: undefined, instruction: undefined, pair: undefined, range: undefined, stageIndex, globalDefault: undefined, builtin: true, inherited: false };
}

/**
 * Expand `$A`, `${A}`, `${A:-x}`, `${A-x}`, `${A:+x}`, `${A+x}`, `${A:?x}` in a raw value the way
 * the Dockerfile word lexer does: single quotes are literal, the escape character protects the
 * next character, quotes are removed. Unknown variables expand to the empty string.
 */
export function expandValue(raw: string, lookup: (name: string) => string | undefined, escapeChar = '\\'): string {
  let out = '';
  let quote: '"' | "'" | undefined;
  const n = raw.length;
  for (let i = 0; i < n; i++) {
    const c = raw[i];
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else out += c;
      continue;
    }
    if (c === escapeChar && i + 1 < n) {
      out += raw[++i];
      continue;
    }
    if (c === '"') {
      quote = quote === '"' ? undefined : '"';
      continue;
    }
    if (c === "'" && !quote) {
      quote = "'";
      continue;
    }
    if (c !== '$' || i + 1 >= n) {
      out += c;
      continue;
    }
    const next = raw[i + 1];
    if (next === '{') {
      const m = /^\$\{([A-Za-z_][A-Za-z0-9_]*)(:?[-+?])?/.exec(raw.slice(i));
      if (!m) {
        out += c;
        continue;
      }
      let depth = 1;
      let k = i + m[0].length;
      const wordStart = k;
      for (; k < n && depth > 0; k++) {
        if (raw[k] === '{') depth++;
        else if (raw[k] === '}') depth--;
      }
      const word = raw.slice(wordStart, depth === 0 ? k - 1 : k);
      const value = lookup(m[1]);
      const op = m[2];
      const set = value !== undefined;
      const nonEmpty = set && value !== '';
      if (!op) out += value ?? '';
      else if (op === ':-') out += nonEmpty ? value : expandValue(word, lookup, escapeChar);
      else if (op === '-') out += set ? value : expandValue(word, lookup, escapeChar);
      else if (op === ':+') out += nonEmpty ? expandValue(word, lookup, escapeChar) : '';
      else if (op === '+') out += set ? expandValue(word, lookup, escapeChar) : '';
      else out += value ?? '';
      i = k - 1;
    } else if (/[A-Za-z_]/.test(next)) {
      let j = i + 1;
      while (j < n && /[A-Za-z0-9_]/.test(raw[j])) j++;
      out += lookup(raw.slice(i + 1, j)) ?? '';
      i = j - 1;
    } else {
      out += c;
    }
  }
  return out;
}

function valueOf(scope: Scope, name: string): string | undefined {
  const d = scope.get(name);
  if (!d) return undefined;
  return d.value ?? (d.builtin ? undefined : '');
}

/** Apply one ARG or ENV instruction to a scope (in place). */
function apply(scope: Scope, ins: Instruction, stageIndex: number, globals: Scope | undefined, escapeChar: string): void {
  if (ins.name !== 'ARG' && ins.name !== 'ENV') return;
  const kind: VariableKind = ins.name;
  // Every pair of one instruction expands against the scope from before the instruction: compute
  // all definitions first, then store them (no copy of the scope, which can be large).
  const lookup = (n: string): string | undefined => valueOf(scope, n);
  const defs: VariableDefinition[] = [];
  for (const pair of ins.pairs) {
    if (!pair.key) continue;
    const existing = scope.get(pair.key);
    if (kind === 'ARG' && existing?.kind === 'ENV') continue;
    const value = pair.rawValue !== undefined ? expandValue(pair.rawValue, lookup, escapeChar) : kind === 'ENV' ? '' : undefined;
    let globalDefault: VariableDefinition | undefined;
    let builtin = false;
    if (kind === 'ARG' && value === undefined && stageIndex >= 0) {
      globalDefault = globals?.get(pair.key);
      if (globalDefault?.builtin) {
        builtin = true;
        globalDefault = undefined;
      }
    }
    defs.push({
      name: pair.key,
      kind,
      // A bare `ARG NAME` keeps a value it already had (from the parent stage), else the global default.
      value: value ?? globalDefault?.value ?? (existing?.kind === 'ARG' ? existing.value : undefined),
      rawValue: pair.rawValue,
      instruction: ins,
      pair,
      range: pair.keyRange,
      stageIndex,
      globalDefault,
      builtin,
      inherited: false,
    });
  }
  for (const d of defs) scope.set(d.name, d);
}

function globalScope(df: Dockerfile, upTo: number): Scope {
  const scope: Scope = new Map();
  for (const name of AUTOMATIC_PLATFORM_ARGS) scope.set(name, builtinDef(name, -1));
  for (const ins of df.preamble) {
    if (ins.index >= upTo) break;
    apply(scope, ins, -1, undefined, df.escapeChar);
  }
  return scope;
}

/** First stage per lower-cased name (BuildKit stage names are case-insensitive). */
function stagesByName(df: Dockerfile): Map<string, Stage> {
  const map = new Map<string, Stage>();
  for (const s of df.stages) {
    const key = s.name?.toLowerCase();
    if (key !== undefined && !map.has(key)) map.set(key, s);
  }
  return map;
}

/**
 * The scope inside `stage` before instruction index `upTo`: first what the chain of parent stages
 * (`FROM <earlier stage>`) had at their end, then the stage's own ARG/ENV. Iterative, so a chain
 * of thousands of stages neither recurses deeply nor copies scopes per level.
 */
function stageScope(df: Dockerfile, stage: Stage, upTo: number, globals: Scope): Scope {
  const byName = stagesByName(df);
  const parentOf = (s: Stage): Stage | undefined => {
    const p = byName.get(s.image.toLowerCase());
    return p && p.index < s.index ? p : undefined;
  };
  const chain: Stage[] = [];
  for (let p = parentOf(stage); p && chain.length < df.stages.length; p = parentOf(p)) chain.push(p);
  const scope: Scope = new Map();
  for (let c = chain.length - 1; c >= 0; c--) for (const ins of chain[c].instructions) apply(scope, ins, chain[c].index, globals, df.escapeChar);
  for (const [k, v] of scope) scope.set(k, { ...v, inherited: true });
  for (const ins of stage.instructions) {
    if (ins.index >= upTo) break;
    apply(scope, ins, stage.index, globals, df.escapeChar);
  }
  return scope;
}

/**
 * The variables visible at `position`, one per name (the definition that wins there), in the
 * order they were defined. On a FROM line or before the first FROM: the global ARGs declared
 * above plus BuildKit's automatic args. Inside a stage: see the module comment.
 */
export function variablesInScope(df: Dockerfile, position: Position): VariableDefinition[] {
  return [...scopeAt(df, position).values()];
}

/** The definition of `name` visible at `position`, if any. */
export function findVariable(df: Dockerfile, position: Position, name: string): VariableDefinition | undefined {
  return scopeAt(df, position).get(name);
}

/** Index of the first instruction that does not count as "before" the position. */
function cutIndex(df: Dockerfile, position: Position): number {
  const list = df.instructions;
  let lo = 0;
  let hi = list.length;
  // First instruction whose range does not end before the position.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const ins = list[mid];
    if (comparePositions(ins.range.end, position) < 0 && !rangeContains(ins.range, position)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function scopeAt(df: Dockerfile, position: Position): Scope {
  const cut = cutIndex(df, position);
  const at = df.instructions[cut];
  const onInstruction = at !== undefined && rangeContains(at.range, position);
  // The stage whose body holds the position: the last FROM before the cut, unless the position
  // is on that FROM itself (FROM lines expand with the global scope).
  let stage: Stage | undefined;
  for (const s of df.stages) {
    if (s.from.index < cut) stage = s;
    else break;
  }
  const globals = globalScope(df, cut);
  if (!stage || (onInstruction && at.name === 'FROM')) return globals;
  return stageScope(df, stage, cut, globals);
}

/** Whether a name is one of BuildKit's automatic platform args. */
export function isAutomaticArg(name: string): boolean {
  return AUTOMATIC.has(name);
}
