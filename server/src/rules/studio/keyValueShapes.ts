// Shapes of ENV/LABEL/ARG arguments that are written wrong in ways learners often do, shared by
// spaces-around-equals, legacy-env-multi-pair and BuildKit's LegacyKeyValueFormat (which stays
// quiet on these so the same line is not reported twice).
import type { Instruction, Range, Token } from '../../model/types';

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

export interface SpacedPair {
  key: Token;
  /** Tokens from the key to the value, to be replaced by `key=value`. */
  range: Range;
  replacement: string;
}

/** `KEY = value`, `KEY =value`, `KEY= value` in ENV, LABEL or ARG. */
export function spacedPairs(ins: Instruction): SpacedPair[] {
  if (ins.name !== 'ENV' && ins.name !== 'LABEL' && ins.name !== 'ARG') return [];
  const t = ins.args;
  const out: SpacedPair[] = [];
  // Legacy `ENV key value…`: the rest of the line is one value; only the first word can be a key.
  const legacy = t.length > 1 && !t[0].raw.includes('=') && !t[1].raw.startsWith('=');
  for (let i = 0; i < (legacy ? 0 : t.length); i++) {
    const cur = t[i];
    const next = t[i + 1];
    const after = t[i + 2];
    if (NAME.test(cur.raw) && next?.raw === '=' && after) {
      out.push({ key: cur, range: { start: cur.range.start, end: after.range.end }, replacement: `${cur.raw}=${after.raw}` });
      i += 2;
    } else if (NAME.test(cur.raw) && next && next.raw.startsWith('=') && next.raw.length > 1) {
      out.push({ key: cur, range: { start: cur.range.start, end: next.range.end }, replacement: `${cur.raw}${next.raw}` });
      i += 1;
    } else if (/^[A-Za-z_][A-Za-z0-9_.-]*=$/.test(cur.raw) && next && !next.raw.includes('=') && ins.name !== 'ARG') {
      out.push({ key: cur, range: { start: cur.range.start, end: next.range.end }, replacement: `${cur.raw}${next.raw}` });
      i += 1;
    }
  }
  return out;
}

/**
 * Legacy `ENV A x B y …` whose value holds what were meant to be more key/value pairs (only A gets
 * set, to "x B y …"). Returns the intended pairs, or undefined when the line does not look like that.
 */
export function legacyMultiPairs(ins: Instruction): { key: Token; value: Token }[] | undefined {
  if (ins.name !== 'ENV' && ins.name !== 'LABEL') return undefined;
  const t = ins.args;
  if (t.length < 4 || t.length % 2 !== 0 || t[0].raw.includes('=')) return undefined;
  const keyStyle = (s: string): string => (s === s.toUpperCase() ? 'upper' : s === s.toLowerCase() ? 'lower' : 'mixed');
  const style = keyStyle(t[0].raw);
  const pairs: { key: Token; value: Token }[] = [];
  for (let i = 0; i < t.length; i += 2) {
    const key = t[i];
    // Hex strings (GPG key ids) and the like are values, not keys.
    if (!NAME.test(key.raw) || key.raw.includes('=') || t[i + 1].raw.includes('=') || /^[0-9A-Fa-f]{8,}$/.test(key.raw)) return undefined;
    // ENV keys in one file share a style (APACHE_RUN_USER …); a value word like "curl" does not.
    if (i > 0 && ins.name === 'ENV' && (keyStyle(key.raw) !== style || !/[_A-Z]/.test(key.raw) || style === 'lower')) return undefined;
    if (i > 0 && ins.name === 'LABEL' && !/[._-]/.test(key.raw) && ins.startLine === ins.textEndLine) return undefined;
    pairs.push({ key, value: t[i + 1] });
  }
  return pairs;
}
