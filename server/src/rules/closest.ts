// "Did you mean …?" suggestions: one edit-distance function shared by the rules that suggest
// the closest instruction, flag or variable name.

/**
 * Edit distance where inserting, deleting or replacing a character, or swapping two neighbouring
 * characters, costs 1 (a swap is the most common typo: PAHT for PATH). Stops early and returns
 * `limit + 1` once the distance is known to exceed `limit`.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const n = a.length;
  const m = b.length;
  // Three rows, rotated: two rows back (for swaps), the previous row and the one being filled.
  // Shared scratch rows for the usual short words: this runs for every unknown name of a lint,
  // and fresh arrays per call were a visible share of a cold lint's allocation.
  const rows = m < SCRATCH_WIDTH ? scratch : [new Int32Array(m + 1), new Int32Array(m + 1), new Int32Array(m + 1)];
  let prev2 = rows[0];
  let prev = rows[1];
  let cur = rows[2];
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    const spare = prev2;
    prev2 = prev;
    prev = cur;
    cur = spare;
  }
  return prev[m];
}

/** Words shorter than this use the shared rows; longer ones (rare) get their own. */
const SCRATCH_WIDTH = 256;
const scratch = [new Int32Array(SCRATCH_WIDTH), new Int32Array(SCRATCH_WIDTH), new Int32Array(SCRATCH_WIDTH)];

/** How many edits still count as a typo of a word this long (short words allow fewer). */
export function typoBudget(word: string): number {
  if (word.length <= 2) return 0;
  if (word.length <= 4) return 1;
  return 2;
}

/**
 * The candidate closest to `word` within `maxDistance` edits (default: the typo budget), or
 * undefined. `ignoreCase` compares case-insensitively (instruction keywords, flags); ties go to the
 * earlier candidate, so callers list the most common spellings first.
 */
export function closest(word: string, candidates: Iterable<string>, options: { maxDistance?: number; ignoreCase?: boolean } = {}): string | undefined {
  const w = options.ignoreCase ? word.toLowerCase() : word;
  const max = options.maxDistance ?? typoBudget(word);
  let best: string | undefined;
  let bestDistance = max + 1;
  for (const c of candidates) {
    const cc = options.ignoreCase ? c.toLowerCase() : c;
    if (cc === w) continue;
    const d = editDistance(w, cc, bestDistance - 1);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return bestDistance <= max ? best : undefined;
}
