import * as vscode from 'vscode';
import { log } from './log';

/**
 * Extensions that also lint Dockerfiles. With one of them active the user sees every problem
 * twice, so we say so once (per installation) and offer to turn off our diagnostics.
 */
const OVERLAPPING = ['ms-azuretools.vscode-docker', 'ms-azuretools.vscode-containers', 'docker.docker'];
const SHOWN_KEY = 'dockerfileStudio.duplicateWarningShown';

export async function warnAboutDuplicateDiagnostics(context: vscode.ExtensionContext): Promise<void> {
  const found = OVERLAPPING.filter((id) => vscode.extensions.getExtension(id) !== undefined);
  if (!found.length) return;
  log().info(`also installed, with their own Dockerfile diagnostics: ${found.join(', ')}`);
  if (context.globalState.get<boolean>(SHOWN_KEY)) return;
  await context.globalState.update(SHOWN_KEY, true);
  const turnOff = vscode.l10n.t('Turn off our diagnostics');
  const choice = await vscode.window.showInformationMessage(
    vscode.l10n.t('{0} also checks Dockerfiles, so some problems may be reported twice. You can turn off the diagnostics of one of them.', found.join(', ')),
    turnOff,
  );
  if (choice === turnOff) await vscode.workspace.getConfiguration('dockerfileStudio').update('lint.enable', false, vscode.ConfigurationTarget.Global);
}
