// Lookups over a parsed model that several features share.
import type { Dockerfile, Instruction, Position, Range, Stage } from './types';

/** The instruction whose lines (heredoc bodies included) contain `line`, by binary search. */
export function instructionAtLine(df: Dockerfile, line: number): Instruction | undefined {
  const list = df.instructions;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const ins = list[mid];
    if (line < ins.startLine) hi = mid - 1;
    else if (line > ins.endLine) lo = mid + 1;
    else return ins;
  }
  return undefined;
}

/** The stage that contains `line` (the last FROM at or above it), if any. */
export function stageAtLine(df: Dockerfile, line: number): Stage | undefined {
  let found: Stage | undefined;
  for (const s of df.stages) {
    if (s.from.startLine <= line) found = s;
    else break;
  }
  return found;
}

export function comparePositions(a: Position, b: Position): number {
  return a.line !== b.line ? a.line - b.line : a.character - b.character;
}

export function rangeContains(r: Range, p: Position): boolean {
  return comparePositions(r.start, p) <= 0 && comparePositions(p, r.end) <= 0;
}

/** True when the ranges share at least one position (touching ends count, as an empty range at a finding's edge should). */
export function rangesOverlap(a: Range, b: Range): boolean {
  return comparePositions(a.end, b.start) >= 0 && comparePositions(b.end, a.start) >= 0;
}

// The first stage of each (lower-cased) name, built once per model: rules ask for a stage's
// parent once per stage, and a linear search each time made files with thousands of stages
// quadratic.
const firstStageByName = new WeakMap<Dockerfile, Map<string, Stage>>();

/** Stage names are case-insensitive in BuildKit. */
export function findStageByName(df: Dockerfile, name: string, before?: number): Stage | undefined {
  let byName = firstStageByName.get(df);
  if (!byName) {
    byName = new Map();
    for (const s of df.stages) {
      const key = s.name?.toLowerCase();
      if (key !== undefined && !byName.has(key)) byName.set(key, s);
    }
    firstStageByName.set(df, byName);
  }
  const first = byName.get(name.toLowerCase());
  return first && (before === undefined || first.index < before) ? first : undefined;
}
