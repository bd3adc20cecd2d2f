import * as vscode from 'vscode';
import { firstFromLine } from '../docker/dockerfileScan';

/** "Build image · Run" above the first FROM (found by a plain line scan, see firstFromLine). */
export class BuildCodeLensProvider implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  refresh(): void {
    this.changed.fire();
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (document.uri.scheme !== 'file') return [];
    const line = firstFromLine(document.getText());
    if (line === undefined) return [];
    const range = new vscode.Range(line, 0, line, 0);
    return [
      new vscode.CodeLens(range, { title: `$(package) ${vscode.l10n.t('Build image')}`, command: 'dockerfileStudio.buildImage', arguments: [document.uri], tooltip: vscode.l10n.t('Build with the remembered choices (Build image… asks again)') }),
      new vscode.CodeLens(range, { title: `$(play) ${vscode.l10n.t('Run')}`, command: 'dockerfileStudio.runImage', arguments: [document.uri], tooltip: vscode.l10n.t('Run the image last built from this Dockerfile') }),
    ];
  }

  dispose(): void {
    this.changed.dispose();
  }
}
