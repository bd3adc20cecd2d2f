// Quick fixes: each lint result carries its fixes; this turns the ones under the requested
// range into code actions, plus "ignore this rule on this line" for every rule.
import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver/node';
import { instructionAtLine } from '../model/query';
import type { Feature, ServerContext } from '../serverContext';
import type { LintResult } from '../rules/types';
import type { Dockerfile } from '../model/types';
import type { Locale } from '../settings';
import { toDiagnostic } from './diagnostics';
import { safeHandler } from './safeHandler';
import { findingsOverlapping } from './findingIndex';

function ignoreAction(uri: string, df: Dockerfile, r: LintResult, locale: Locale): CodeAction | undefined {
  const ins = instructionAtLine(df, r.range.start.line);
  if (!ins) return undefined;
  const line = ins.startLine;
  const indent = /^[ \t]*/.exec(df.lines[line] ?? '')?.[0] ?? '';
  const title = locale === 'ko' ? `이 줄에서 ${r.rule.id} 규칙 무시` : `Ignore ${r.rule.id} on this line`;
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [toDiagnostic(r, locale)],
    edit: { changes: { [uri]: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}# dockerfile-studio ignore=${r.rule.id}\n` }] } },
  };
}

export function codeActionsFor(ctx: ServerContext, params: CodeActionParams): CodeAction[] {
  const m = ctx.model(params.textDocument.uri);
  if (!m) return [];
  const locale = ctx.settings.locale();
  const out: CodeAction[] = [];
  const wanted = params.context.only;
  if (wanted && !wanted.some((k) => k === CodeActionKind.QuickFix || k.startsWith(`${CodeActionKind.QuickFix}.`))) return [];
  for (const r of findingsOverlapping(ctx.lint.results(m.doc, m.df), params.range)) {
    for (const fix of r.fixes) {
      out.push({
        title: fix.title[locale],
        kind: CodeActionKind.QuickFix,
        isPreferred: fix.preferred,
        diagnostics: [toDiagnostic(r, locale)],
        edit: { changes: { [params.textDocument.uri]: fix.edits } },
      });
    }
    const ignore = ignoreAction(params.textDocument.uri, m.df, r, locale);
    if (ignore) out.push(ignore);
  }
  return out;
}

export const codeActionsFeature: Feature = {
  capabilities: () => ({ codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] } }),
  register(ctx) {
    ctx.connection.onCodeAction(safeHandler(ctx, 'textDocument/codeAction', (params: CodeActionParams) => codeActionsFor(ctx, params)));
  },
};
