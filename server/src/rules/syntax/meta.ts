// Shared meta for the syntax/validity rules: the mistakes Docker itself rejects (or silently
// misreads), reported before a build. Severity error unless a rule says otherwise.
import type { RuleMeta, Severity, Text } from '../types';

export function syntaxMeta(m: { id: string; title: Text; why: Text; bad: string; good: string; severity?: Severity; defaultOff?: boolean; sameProblemAs?: string[] }): RuleMeta {
  return {
    id: m.id,
    aliases: [],
    severity: m.severity ?? 'error',
    source: 'syntax',
    title: m.title,
    why: m.why,
    bad: m.bad,
    good: m.good,
    ...(m.defaultOff ? { defaultOff: true } : {}),
    ...(m.sameProblemAs ? { sameProblemAs: m.sameProblemAs } : {}),
  };
}
