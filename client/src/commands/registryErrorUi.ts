import * as vscode from 'vscode';
import { formatMessage } from '../docker/message';
import { InvalidReferenceError } from '../docker/registry/reference';
import { RegistryError } from '../docker/registry/registryErrors';
import { log } from '../log';
import { showCommandError } from './engineErrorUi';
import { localize } from './localize';

/**
 * The error surface of registry commands: explained registry problems and invalid references get
 * their own words (what happened, what to do) plus "Show Log"; a login problem offers "Sign In";
 * cancellation is silent; anything else goes to the shared command error surface.
 */
export async function showRegistryError(what: string, err: unknown, signInHost?: string): Promise<void> {
  if (err instanceof RegistryError && err.kind === 'cancelled') return;
  if (err instanceof Error && err.name === 'AbortError') return;
  const showLog = vscode.l10n.t('Show Log');
  if (err instanceof InvalidReferenceError) {
    log().warn(`${what}: ${formatMessage(err.problem.message)}`);
    void vscode.window.showErrorMessage(localize(err.problem.message));
    return;
  }
  if (err instanceof RegistryError) {
    const p = err.problem;
    log().warn(`${what}: ${formatMessage(p.summary)} ${formatMessage(p.fix)} [${p.kind}${p.code ? ` ${p.code}` : ''}] ${p.detail}`);
    const signIn = vscode.l10n.t('Sign In');
    const offerSignIn = signInHost !== undefined && (p.kind === 'unauthorized' || p.kind === 'wrong-credentials');
    const pick = await vscode.window.showErrorMessage(`${localize(p.summary)} ${localize(p.fix)}`, ...(offerSignIn ? [signIn] : []), showLog);
    if (pick === showLog) log().show();
    if (pick === signIn) await vscode.commands.executeCommand('dockerfileStudio.registries.signIn', signInHost);
    return;
  }
  await showCommandError(what, err);
}
