import * as vscode from 'vscode';
import type { EngineService } from '../docker/engineService';
import { pullImage } from '../docker/registry/engineTransfer';
import { canonicalString, familiarString, parseReference, withDefaultTag } from '../docker/registry/reference';
import type { CredentialsProvider } from '../docker/registry/credentials';
import { log } from '../log';
import { localize } from './localize';
import { showRegistryError } from './registryErrorUi';
import { abortSignalFor, TransferProgressReporter } from './registryProgressUi';

/**
 * "Pull": from a tag or platform row of the Registries view (its full reference) or the palette
 * (asks, validating the reference as it is typed). Progress per layer in a cancellable
 * notification; credentials come from SecretStorage or the docker CLI's logins.
 */
export interface PullDeps {
  readonly engine: EngineService;
  readonly credentials: CredentialsProvider;
  readonly onPulled?: () => void;
}

function referenceFromArg(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (arg && typeof arg === 'object') {
    const r = (arg as { reference?: unknown }).reference;
    if (typeof r === 'string') return r;
  }
  return undefined;
}

export async function pullCommand(deps: PullDeps, arg: unknown): Promise<void> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Pulling images is turned off until you trust this workspace.'));
    return;
  }
  let input = referenceFromArg(arg);
  if (!input) {
    input = await vscode.window.showInputBox({
      title: vscode.l10n.t('Pull image'),
      prompt: vscode.l10n.t('Image reference to pull, e.g. localhost:5000/goapp:1.0'),
      placeHolder: 'localhost:5000/goapp:1.0',
      validateInput: (v) => {
        const r = parseReference(v.trim());
        return r.ok ? undefined : localize(r.problem.message);
      },
    });
    if (!input) return;
    input = input.trim();
  }
  const parsed = parseReference(input);
  if (!parsed.ok) {
    void vscode.window.showErrorMessage(localize(parsed.problem.message));
    return;
  }
  const ref = withDefaultTag(parsed.reference);
  const shown = familiarString(ref);
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Pulling {0}', shown), cancellable: true },
    async (progress, token) => {
      const abort = abortSignalFor(token);
      try {
        const { docker } = await deps.engine.get();
        const credentials = await deps.credentials.get(ref.domain);
        const reporter = new TransferProgressReporter(progress, 'pull');
        log().info(`pull ${canonicalString(ref)}${credentials ? ` as ${credentials.username}` : ''}`);
        const result = await pullImage({ docker, reference: canonicalString(ref), ...(credentials ? { credentials } : {}), signal: abort.signal, onProgress: (_e, s) => reporter.update(s) });
        log().info(`pulled ${canonicalString(ref)} ${result.digest ?? ''}`);
        deps.onPulled?.();
        void vscode.window.showInformationMessage(vscode.l10n.t('Pulled {0}.', shown));
      } catch (err) {
        await showRegistryError(vscode.l10n.t('Pull image'), err, ref.domain);
      } finally {
        abort.dispose();
      }
    },
  );
}
