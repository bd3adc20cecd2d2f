// Publishes lint results as diagnostics on open and on every change. No debounce: the lint runs
// in short slices (LintService.resultsSliced), so a long one never blocks other requests, and a
// newer version cancels the lint of the previous one. A lint that takes more than a second
// publishes what it has found so far once, then everything when it ends.
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintResult, Severity } from '../rules/types';
import type { Locale } from '../settings';
import type { Feature, ServerContext } from '../serverContext';
import { ruleDocUrl } from '../rules/docsUrl';
import { capResults, omittedNotice } from './diagnosticCap';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * One `codeDescription` object per rule, shared by all its diagnostics: a 10 000-line file
 * publishes ~3 600 diagnostics on every edit, and a fresh URL string and object for each were
 * pure garbage (the JSON written is the same).
 */
const descriptions = new Map<string, { href: string }>();

function codeDescription(ruleId: string): { href: string } {
  let d = descriptions.get(ruleId);
  if (!d) descriptions.set(ruleId, (d = Object.freeze({ href: ruleDocUrl(ruleId) })));
  return d;
}

export function toDiagnostic(r: LintResult, locale: Locale): Diagnostic {
  const d: Diagnostic = {
    range: r.range,
    severity: SEVERITY[r.severity],
    code: r.rule.id,
    codeDescription: codeDescription(r.rule.id),
    source: 'dockerfile-studio',
    message: r.message[locale],
  };
  if (r.rule.id === 'maintainer-deprecated') d.tags = [DiagnosticTag.Deprecated];
  return d;
}

export const diagnosticsFeature: Feature = {
  capabilities: () => ({}),
  register(ctx: ServerContext) {
    const send = (doc: TextDocument, results: LintResult[]): void => {
      const locale = ctx.settings.locale();
      const { shown, omitted } = capResults(results);
      const diagnostics = shown.map((r) => toDiagnostic(r, locale));
      if (omitted > 0) diagnostics.unshift(omittedNotice(shown.length, omitted, locale));
      void ctx.connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
    };
    const isCurrent = (doc: TextDocument): boolean => ctx.documents.get(doc.uri)?.version === doc.version;
    const publish = (doc: TextDocument): void => {
      const df = ctx.parsed.get(doc);
      // A huge file shows the findings of the rules done so far after a second, then all of them.
      const interim = (soFar: LintResult[]): void => {
        if (isCurrent(doc)) send(doc, soFar);
      };
      void ctx.lint.resultsSliced(doc, df, undefined, interim).then((results) => {
        // Cancelled (a newer version is being linted) or the document moved on / closed meanwhile.
        if (!results || !isCurrent(doc)) return;
        send(doc, results);
      });
    };
    ctx.documents.onDidChangeContent((e) => publish(e.document));
    ctx.settings.onChange(() => {
      ctx.lint.invalidate();
      for (const doc of ctx.documents.all()) publish(doc);
    });
    ctx.documents.onDidClose((e) => {
      ctx.lint.forget(e.document.uri);
      void ctx.connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    });
    ctx.republish = publish;
  },
};
