// Trimming helpers written as loops. Regexes like /[\s\\]+$/ look innocent but backtrack on every
// start position of a long run that does not reach the end (a 100 000-character line of spaces and
// backslashes took ~10 s in one rule); these stay linear whatever the input.

/** `s` without the characters at its end for which `drop` is true. */
export function trimEndWhere(s: string, drop: (c: string) => boolean): string {
  let end = s.length;
  while (end > 0 && drop(s[end - 1])) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** `s` without the characters at its start for which `drop` is true. */
export function trimStartWhere(s: string, drop: (c: string) => boolean): string {
  let start = 0;
  while (start < s.length && drop(s[start])) start++;
  return start === 0 ? s : s.slice(start);
}

const isQuote = (c: string): boolean => c === '"' || c === "'";

/** Every quote character removed from both ends (`"'x'"` → `x`). */
export function dropOuterQuotes(s: string): string {
  return trimEndWhere(trimStartWhere(s, isQuote), isQuote);
}
