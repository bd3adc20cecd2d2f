import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';

/**
 * A language status item for Dockerfiles that says whether the language server runs, with
 * "Show Log" and "Restart" at hand when it does not.
 */
export class ServerStatus implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;

  constructor() {
    this.item = vscode.languages.createLanguageStatusItem('dockerfileStudio.server', { language: 'dockerfile' });
    this.item.name = vscode.l10n.t('Dockerfile Studio language server');
    this.starting();
  }

  starting(): void {
    this.item.text = vscode.l10n.t('$(sync~spin) Dockerfile Studio starting');
    this.item.severity = vscode.LanguageStatusSeverity.Information;
    this.item.busy = true;
    this.item.command = undefined;
  }

  track(client: LanguageClient): vscode.Disposable {
    const update = (state: State): void => {
      this.item.busy = state === State.Starting;
      if (state === State.Running) {
        this.item.text = vscode.l10n.t('$(check) Dockerfile Studio');
        this.item.detail = vscode.l10n.t('Language server running');
        this.item.severity = vscode.LanguageStatusSeverity.Information;
        this.item.command = { title: vscode.l10n.t('Show Log'), command: 'dockerfileStudio.showLog' };
      } else if (state === State.Stopped) {
        this.item.text = vscode.l10n.t('$(error) Dockerfile Studio stopped');
        this.item.detail = vscode.l10n.t('The language server is not running: editing help is off until it restarts.');
        this.item.severity = vscode.LanguageStatusSeverity.Error;
        this.item.command = { title: vscode.l10n.t('Restart'), command: 'dockerfileStudio.restartServer' };
      } else this.starting();
    };
    update(client.state);
    return client.onDidChangeState((e) => update(e.newState));
  }

  dispose(): void {
    this.item.dispose();
  }
}
