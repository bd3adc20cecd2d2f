import * as vscode from 'vscode';
import type { BuildFailure } from '../docker/buildFailure';
import { localize } from './localize';

/**
 * Build errors on the Dockerfile line that failed, in their own collection (separate from the
 * language server's lint diagnostics), cleared by the next successful build of that file.
 */
export class BuildDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('dockerfileStudio.build');

  clear(dockerfile: vscode.Uri): void {
    this.collection.delete(dockerfile);
  }

  report(dockerfile: vscode.Uri, failure: BuildFailure, document?: vscode.TextDocument): void {
    // Only failures that belong to a line go into the Problems view; the rest is in the notification.
    if (failure.kind === 'cancelled' || failure.line === undefined) return;
    const line = failure.line ?? 0;
    const endLine = failure.endLine ?? line;
    const endChar = document && endLine < document.lineCount ? document.lineAt(endLine).text.length : Number.MAX_SAFE_INTEGER;
    const range = new vscode.Range(line, 0, endLine, endChar);
    const parts = [localize(failure.explanation)];
    if (failure.hint) parts.push(localize(failure.hint));
    parts.push(failure.message);
    if (failure.lastOutput.length) parts.push(`${vscode.l10n.t('Last output:')}\n${failure.lastOutput.map((l) => `  ${l}`).join('\n')}`);
    const d = new vscode.Diagnostic(range, parts.join('\n'), vscode.DiagnosticSeverity.Error);
    d.source = 'docker build';
    if (failure.exitCode !== undefined) d.code = vscode.l10n.t('exit code {0}', failure.exitCode);
    this.collection.set(dockerfile, [d]);
  }

  dispose(): void {
    this.collection.dispose();
  }
}
