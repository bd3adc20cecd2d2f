import * as vscode from 'vscode';
import type { EngineService, EngineState } from '../docker/engineService';
import { localize } from './localize';

/** The engine's state in the language status of Dockerfiles: version when connected, the reason and Retry when not. */
export function createEngineStatusItem(engine: EngineService): vscode.Disposable {
  const item = vscode.languages.createLanguageStatusItem('dockerfileStudio.engine', { language: 'dockerfile' });
  item.name = vscode.l10n.t('Docker engine');
  const show = (s: EngineState) => {
    item.busy = s.kind === 'connecting';
    switch (s.kind) {
      case 'unknown':
      case 'connecting':
        item.text = vscode.l10n.t('Docker: connecting…');
        item.detail = undefined;
        item.severity = vscode.LanguageStatusSeverity.Information;
        item.command = undefined;
        break;
      case 'connected':
        item.text = vscode.l10n.t('Docker {0}', s.connection.version.version);
        item.detail = vscode.l10n.t('API {0} · {1}', s.connection.version.apiVersion, s.connection.endpoint.host);
        item.severity = vscode.LanguageStatusSeverity.Information;
        item.command = { command: 'dockerfileStudio.containers.focus', title: vscode.l10n.t('Containers') };
        break;
      case 'unavailable':
        item.text = vscode.l10n.t('Docker: not reachable');
        item.detail = localize(s.problem.summary);
        item.severity = vscode.LanguageStatusSeverity.Error;
        item.command = { command: 'dockerfileStudio.engine.retry', title: vscode.l10n.t('Retry') };
        break;
    }
  };
  show(engine.state);
  const sub = engine.onDidChange(show);
  return { dispose: () => (sub.dispose(), item.dispose()) };
}
