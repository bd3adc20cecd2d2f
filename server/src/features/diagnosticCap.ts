// A document can have more problems than anyone can read: a generated or corrupted file with
// 300 000 findings made a 96 MB publishDiagnostics message that took seconds to build, send and
// parse, and the editor's Problems view slows down long before that. The editor gets at most
// MAX_PUBLISHED_DIAGNOSTICS per document, the most severe first, and a note saying how many more
// there are. The lint CLI reports everything.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { LintResult, Severity } from '../rules/types';
import type { Locale } from '../settings';

export const MAX_PUBLISHED_DIAGNOSTICS = 5000;

const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'info', 'hint'];

/**
 * At most `max` results, chosen by severity (errors first), kept in their original (document)
 * order, and how many were left out.
 */
export function capResults(results: LintResult[], max = MAX_PUBLISHED_DIAGNOSTICS): { shown: LintResult[]; omitted: number } {
  if (results.length <= max) return { shown: results, omitted: 0 };
  const counts = new Map<Severity, number>();
  for (const r of results) counts.set(r.severity, (counts.get(r.severity) ?? 0) + 1);
  // Take whole severity levels while they fit; the first level that does not fit is cut.
  const quota = new Map<Severity, number>();
  let left = max;
  for (const s of SEVERITY_ORDER) {
    const take = Math.min(counts.get(s) ?? 0, left);
    quota.set(s, take);
    left -= take;
  }
  const shown: LintResult[] = [];
  for (const r of results) {
    const q = quota.get(r.severity) ?? 0;
    if (q === 0) continue;
    quota.set(r.severity, q - 1);
    shown.push(r);
  }
  return { shown, omitted: results.length - shown.length };
}

/** The note published at the top of a document whose problems were capped. */
export function omittedNotice(shown: number, omitted: number, locale: Locale): Diagnostic {
  const total = shown + omitted;
  const message =
    locale === 'ko'
      ? `이 파일의 문제 ${total}개 중 ${shown}개만 표시합니다. 더 많으면 편집기가 느려지기 때문입니다. 표시된 문제를 고치거나 \`dockerfile-studio lint\`로 전체 목록을 보세요.`
      : `Showing ${shown} of the ${total} problems in this file: more would slow the editor down. Fix these, or run \`dockerfile-studio lint\` for the full list.`;
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    code: 'too-many-problems',
    source: 'dockerfile-studio',
    message,
  };
}
