// Finds the lint results under a range without scanning them all. Code actions and hovers ask for
// the findings at one spot; a 10 000-line file has thousands, and a linear scan of them was
// ~60 µs of every such request (CPU profile, session 5). Built once per results array (a lint's
// results never change after it finishes) and kept as long as that array lives.
import type { Range } from 'vscode-languageserver/node';
import type { LintResult } from '../rules/types';
import { rangesOverlap } from '../model/query';

/** Findings spanning more lines than this are kept aside, so one file-wide finding can't make every lookup a full scan. */
const WIDE_LINES = 64;

interface Index {
  /** Indexes into the results, ordered by start line. */
  byStart: Int32Array;
  /** Start line of each entry of `byStart`. */
  startLine: Int32Array;
  /** The greatest end line among `byStart[0..i]`: lets a lookup stop scanning backwards early. */
  maxEndUpTo: Int32Array;
  /** Findings spanning many lines, always checked. */
  wide: number[];
}

const indexes = new WeakMap<readonly LintResult[], Index>();

function build(results: readonly LintResult[]): Index {
  const narrow: number[] = [];
  const wide: number[] = [];
  results.forEach((r, i) => (r.range.end.line - r.range.start.line > WIDE_LINES ? wide : narrow).push(i));
  narrow.sort((a, b) => results[a].range.start.line - results[b].range.start.line || a - b);
  const byStart = Int32Array.from(narrow);
  const startLine = new Int32Array(byStart.length);
  const maxEndUpTo = new Int32Array(byStart.length);
  let maxEnd = -1;
  byStart.forEach((ri, i) => {
    startLine[i] = results[ri].range.start.line;
    maxEnd = Math.max(maxEnd, results[ri].range.end.line);
    maxEndUpTo[i] = maxEnd;
  });
  return { byStart, startLine, maxEndUpTo, wide };
}

/** The results whose range overlaps `range`, in their original order. */
export function findingsOverlapping(results: readonly LintResult[], range: Range): LintResult[] {
  let index = indexes.get(results);
  if (!index) {
    index = build(results);
    indexes.set(results, index);
  }
  const { byStart, startLine, maxEndUpTo, wide } = index;
  const hits: number[] = wide.filter((i) => rangesOverlap(results[i].range, range));
  // First entry starting after the range's last line: everything from there on starts too late.
  let lo = 0;
  let hi = byStart.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (startLine[mid] <= range.end.line) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0 && maxEndUpTo[i] >= range.start.line; i--) {
    if (rangesOverlap(results[byStart[i]].range, range)) hits.push(byStart[i]);
  }
  return hits.sort((a, b) => a - b).map((i) => results[i]);
}
