// Every occurrence of a variable (ARG/ENV) or stage name in one parsed document, linked to the
// symbol it belongs to. Definition, references, highlight and rename all read this index; it is
// built once per document version (one pass over the model) and cached with the model.
//
// Variables follow the same rules as model/scope.ts (BuildKit's): a stage sees its own earlier
// ARG/ENV and what its parent stage (`FROM <earlier stage>`) had; FROM lines see the global ARGs;
// an instruction does not see its own definitions. On top of that, declarations of one name are
// linked into one symbol where renaming one without the other would change the build:
// a stage's `ARG X` with the global `ARG X` it redeclares, and a redefinition with the definition
// it replaces. A reference to a name nobody declares (PATH, HOME, shell variables) is "free";
// free references of one name form one undeclared symbol (highlight works, rename refuses).
import type { Dockerfile, Instruction, Position, Range, Token } from '../model/types';

export type OccurrenceKind = 'variable' | 'stage';

export interface Occurrence {
  kind: OccurrenceKind;
  name: string;
  /** Range of the name alone (what rename replaces). */
  range: Range;
  declaration: boolean;
  /** The declaration occurrence this one binds to directly (index in `occurrences`). */
  target: number | undefined;
  /** Symbol id: occurrences with the same id are the same variable or stage. */
  symbol: number;
}

export interface SymbolEntry {
  kind: OccurrenceKind;
  name: string;
  /** False for free variables (no ARG/ENV in the file declares them). */
  declared: boolean;
  occurrences: Occurrence[];
}

export interface SymbolIndex {
  occurrences: Occurrence[];
  symbols: Map<number, SymbolEntry>;
  /** The occurrence under a position, if any. */
  at(position: Position): Occurrence | undefined;
}

interface Binding {
  occ: number;
  kind: 'ARG' | 'ENV';
}
type Scope = Map<string, Binding>;

const cache = new WeakMap<Dockerfile, SymbolIndex>();

export function symbolIndex(df: Dockerfile): SymbolIndex {
  let idx = cache.get(df);
  if (!idx) {
    idx = buildIndex(df);
    cache.set(df, idx);
  }
  return idx;
}

function contains(r: Range, p: Position): boolean {
  const afterStart = p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character);
  const beforeEnd = p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character);
  return afterStart && beforeEnd;
}

/** Range of a `--flag=value` value without surrounding quotes. */
function unquotedValueRange(ins: Instruction, token: Token, valueStart: number, valueEnd: number): Range {
  let s = valueStart;
  let e = valueEnd;
  const first = token.raw[s - token.start];
  if ((first === '"' || first === "'") && e - s >= 2 && token.raw[e - 1 - token.start] === first) {
    s++;
    e--;
  }
  return { start: ins.positionAt(s), end: ins.positionAt(e) };
}

function buildIndex(df: Dockerfile): SymbolIndex {
  const occurrences: Occurrence[] = [];
  const parent: number[] = [];
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r];
    while (parent[i] !== r) {
      const next = parent[i];
      parent[i] = r;
      i = next;
    }
    return r;
  };
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const add = (o: Omit<Occurrence, 'symbol'>): number => {
    occurrences.push({ ...o, symbol: -1 });
    const i = occurrences.length - 1;
    parent.push(i);
    if (o.target !== undefined) union(o.target, i);
    return i;
  };
  const freeByName = new Map<string, number>();

  const addReferences = (ins: Instruction, scope: Scope | undefined): void => {
    for (const v of ins.variables) {
      const b = scope?.get(v.name);
      const i = add({ kind: 'variable', name: v.name, range: v.nameRange, declaration: false, target: b?.occ });
      if (!b) {
        const first = freeByName.get(v.name);
        if (first === undefined) freeByName.set(v.name, i);
        else union(first, i);
      }
    }
  };
  const addDeclarations = (ins: Instruction, scope: Scope, globals: Scope | undefined): void => {
    if (ins.name !== 'ARG' && ins.name !== 'ENV') return;
    const kind = ins.name;
    for (const pair of ins.pairs) {
      if (!pair.key) continue;
      const existing = scope.get(pair.key);
      const target = existing?.occ ?? (kind === 'ARG' ? globals?.get(pair.key)?.occ : undefined);
      const i = add({ kind: 'variable', name: pair.key, range: pair.keyRange, declaration: true, target });
      // ENV wins over ARG of the same name whatever the order (scope.ts): the ARG does not shadow it.
      if (kind === 'ARG' && existing?.kind === 'ENV') continue;
      scope.set(pair.key, { occ: i, kind });
    }
  };

  const globals: Scope = new Map();
  for (const ins of df.preamble) {
    addReferences(ins, globals);
    addDeclarations(ins, globals, undefined);
  }

  const stageDecl = new Map<string, number>();
  const stageIndexByName = new Map<string, number>();
  const stageEnd: Scope[] = [];
  const stageRef = (name: string, range: Range, beforeStage: number): void => {
    const lower = name.toLowerCase();
    const s = stageIndexByName.get(lower);
    if (s === undefined || s >= beforeStage) return;
    const decl = stageDecl.get(lower);
    if (decl !== undefined) add({ kind: 'stage', name, range, declaration: false, target: decl });
  };
  const stageRefsIn = (ins: Instruction, stageIndex: number): void => {
    for (const f of ins.flags) {
      const t = f.token;
      const eq = t.raw.indexOf('=');
      if (eq < 0) continue;
      if (f.name === 'from' && (ins.name === 'COPY' || ins.name === 'ADD') && f.value) {
        stageRef(f.value, unquotedValueRange(ins, t, t.start + eq + 1, t.end), stageIndex);
      } else if (f.name === 'mount') {
        // --mount=type=cache,from=builder,target=/x
        let pos = eq + 1;
        for (const field of t.raw.slice(eq + 1).split(',')) {
          const feq = field.indexOf('=');
          if (feq > 0 && field.slice(0, feq).trim().toLowerCase() === 'from') {
            const vs = t.start + pos + feq + 1;
            const value = field.slice(feq + 1);
            if (value && !/["'$]/.test(value)) stageRef(value, { start: ins.positionAt(vs), end: ins.positionAt(vs + value.length) }, stageIndex);
          }
          pos += field.length + 1;
        }
      }
    }
  };

  for (const stage of df.stages) {
    const from = stage.from;
    addReferences(from, globals);
    if (stage.imageRange && stage.image && !stage.image.includes('$') && from.args[0]?.raw === stage.image) {
      stageRef(stage.image, stage.imageRange, stage.index);
    }
    if (stage.name && stage.nameRange) {
      const lower = stage.name.toLowerCase();
      const previous = stageDecl.get(lower);
      const i = add({ kind: 'stage', name: stage.name, range: stage.nameRange, declaration: true, target: undefined });
      if (previous !== undefined) union(previous, i);
      else {
        stageDecl.set(lower, i);
        stageIndexByName.set(lower, stage.index);
      }
    }
    const parentStage = stageIndexByName.get(stage.image.toLowerCase());
    const scope: Scope = parentStage !== undefined && parentStage < stage.index && stageEnd[parentStage] ? new Map(stageEnd[parentStage]) : new Map();
    for (const ins of stage.instructions) {
      // ONBUILD's words run in a later build, against that build's variables: free here.
      addReferences(ins, ins.name === 'ONBUILD' ? undefined : scope);
      addDeclarations(ins, scope, globals);
      stageRefsIn(ins, stage.index);
    }
    stageEnd[stage.index] = scope;
  }

  const symbols = new Map<number, SymbolEntry>();
  const byLine = new Map<number, number[]>();
  for (let i = 0; i < occurrences.length; i++) {
    const o = occurrences[i];
    o.symbol = find(i);
    let entry = symbols.get(o.symbol);
    if (!entry) {
      entry = { kind: o.kind, name: o.name, declared: false, occurrences: [] };
      symbols.set(o.symbol, entry);
    }
    if (o.declaration) entry.declared = true;
    entry.occurrences.push(o);
    const list = byLine.get(o.range.start.line);
    if (list) list.push(i);
    else byLine.set(o.range.start.line, [i]);
  }
  return {
    occurrences,
    symbols,
    at(position) {
      const list = byLine.get(position.line);
      if (!list) return undefined;
      for (const i of list) if (contains(occurrences[i].range, position)) return occurrences[i];
      return undefined;
    },
  };
}
