import * as vscode from 'vscode';
import { EngineUnavailableError, formatMessage } from '../docker/engine';
import { log } from '../log';
import { localize } from './localize';

/**
 * The one error surface of the build/run/containers commands: log the whole story, show a short
 * message with "Show Log"; an unreachable engine gets its explanation and a Retry. Cancellation
 * is silent.
 */
export async function showCommandError(what: string, err: unknown, retry?: () => unknown): Promise<void> {
  if (err instanceof Error && err.name === 'AbortError') return;
  const showLog = vscode.l10n.t('Show Log');
  const retryLabel = vscode.l10n.t('Retry');
  if (err instanceof EngineUnavailableError) {
    log().warn(`${what}: ${formatMessage(err.problem.summary)} ${formatMessage(err.problem.fix)} (${err.problem.detail})`);
    const pick = await vscode.window.showErrorMessage(`${localize(err.problem.summary)} ${localize(err.problem.fix)}`, ...(retry ? [retryLabel] : []), showLog);
    if (pick === showLog) log().show();
    if (pick === retryLabel && retry) await retry();
    return;
  }
  const message = err instanceof Error ? err.message : String(err);
  log().error(`${what}: ${err instanceof Error && err.stack ? err.stack : message}`);
  const pick = await vscode.window.showErrorMessage(vscode.l10n.t('{0} failed: {1}', what, message), showLog);
  if (pick === showLog) log().show();
}
