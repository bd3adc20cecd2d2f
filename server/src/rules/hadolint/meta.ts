// Shared helpers for the hadolint rule files: meta construction and small edit helpers.
import { scriptInfo, scriptRange } from '../context';
import type { Instruction, Range } from '../../model/types';
import type { RuleFix, RuleMeta, Severity, Text } from '../types';

export interface HadolintMetaInput {
  id: string;
  code: string;
  /** Extra aliases (a BuildKit check with the same meaning). */
  also?: string[];
  severity: Severity;
  title: Text;
  why: Text;
  bad: string;
  good: string;
  defaultOff?: boolean;
}

export function hadolintMeta(m: HadolintMetaInput): RuleMeta {
  return {
    id: m.id,
    aliases: [m.code, ...(m.also ?? [])],
    severity: m.severity,
    source: 'hadolint',
    title: m.title,
    why: m.why,
    bad: m.bad,
    good: m.good,
    ...(m.defaultOff ? { defaultOff: true } : {}),
  };
}

/** Can we edit the script of this RUN by offsets (shell form or heredoc, not exec form)? */
export function scriptEditable(run: Instruction): boolean {
  return scriptInfo(run).argsOffset !== -2;
}

/** A fix that inserts `text` at a script offset. */
export function insertFix(run: Instruction, offset: number, text: string, title: Text): RuleFix {
  const at: Range = scriptRange(run, offset, offset);
  return { title, preferred: true, edits: [{ range: { start: at.start, end: at.start }, newText: text }] };
}
