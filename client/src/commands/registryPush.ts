import * as vscode from 'vscode';
import type { EngineService } from '../docker/engineService';
import { formatBytes } from '../docker/registry/manifests';
import { pushImage, tagImage } from '../docker/registry/engineTransfer';
import { canonicalString, familiarString, parseReference, withDefaultTag } from '../docker/registry/reference';
import { log } from '../log';
import type { RegistriesStore } from '../views/registriesStore';
import { localize } from './localize';
import { showRegistryError } from './registryErrorUi';
import { abortSignalFor, TransferProgressReporter } from './registryProgressUi';

/**
 * "Tag and Push…": the seed notes' `docker image tag goapp:1.0 host:5000/goapp:1.0` followed by
 * `docker push host:5000/goapp:1.0`, from the images view, the palette or after a build. Pick a
 * registry (or type one), get the reference prefilled, see per-layer progress, cancel any time.
 */
export interface PushDeps {
  readonly engine: EngineService;
  readonly store: RegistriesStore;
  readonly onPushed?: (registry: string) => void;
}

function imageFromArg(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (arg && typeof arg === 'object') {
    const o = arg as { ref?: unknown; tag?: unknown; reference?: unknown; image?: unknown };
    for (const v of [o.ref, o.tag, o.reference, o.image]) if (typeof v === 'string' && v) return v;
  }
  return undefined;
}

/** "goapp:1.0" → {repo: "goapp", tag: "1.0"}; "localhost:5000/team/app" → {repo: "team/app", tag: "latest"}. */
export function suggestedTarget(source: string, registry: string): string {
  const parsed = parseReference(source);
  if (!parsed.ok) return `${registry}/`;
  const ref = withDefaultTag(parsed.reference);
  const path = ref.domain === 'docker.io' && ref.path.startsWith('library/') ? ref.path.slice('library/'.length) : ref.path;
  return `${registry}/${path}:${ref.tag ?? 'latest'}`;
}

async function pickSourceImage(engine: EngineService): Promise<string | undefined> {
  const { docker } = await engine.get();
  const images = await docker.listImages();
  const tags = images.flatMap((i) => (i.RepoTags ?? []).filter((t) => t !== '<none>:<none>')).sort();
  if (!tags.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There are no tagged local images yet. Build an image first.'));
    return undefined;
  }
  return vscode.window.showQuickPick(tags, { title: vscode.l10n.t('Tag and Push: image to push'), placeHolder: vscode.l10n.t('Choose a local image') });
}

async function pickRegistry(store: RegistriesStore): Promise<string | undefined> {
  const typeOther = vscode.l10n.t('Type another registry…');
  const hosts = [...new Set((await store.entries()).map((e) => e.host))].sort();
  const pick = await vscode.window.showQuickPick([...hosts, typeOther], { title: vscode.l10n.t('Tag and Push: registry'), placeHolder: vscode.l10n.t('Where should the image go?') });
  if (!pick) return undefined;
  if (pick !== typeOther) return pick;
  return vscode.window.showInputBox({ title: vscode.l10n.t('Tag and Push: registry'), prompt: vscode.l10n.t('Registry address (host:port)'), placeHolder: 'localhost:5000' });
}

export async function tagAndPushCommand(deps: PushDeps, arg: unknown): Promise<void> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Pushing images is turned off until you trust this workspace.'));
    return;
  }
  try {
    const source = imageFromArg(arg) ?? (await pickSourceImage(deps.engine));
    if (!source) return;
    const registry = await pickRegistry(deps.store);
    if (!registry) return;
    const prefilled = suggestedTarget(source, registry.trim());
    const target = await vscode.window.showInputBox({
      title: vscode.l10n.t('Tag and Push: new name for {0}', source),
      prompt: vscode.l10n.t('Full reference: registry/repository:tag. Repository names are lowercase.'),
      value: prefilled,
      valueSelection: [registry.trim().length + 1, prefilled.length],
      validateInput: (v) => {
        const r = parseReference(v.trim());
        return r.ok ? undefined : localize(r.problem.message);
      },
    });
    if (!target) return;
    const parsed = parseReference(target.trim());
    if (!parsed.ok) {
      void vscode.window.showErrorMessage(localize(parsed.problem.message));
      return;
    }
    const ref = withDefaultTag(parsed.reference);
    await push(deps, source, canonicalString(ref), familiarString(ref), ref.domain);
  } catch (err) {
    await showRegistryError(vscode.l10n.t('Tag and push'), err);
  }
}

async function push(deps: PushDeps, source: string, target: string, shown: string, domain: string): Promise<void> {
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Pushing {0}', shown), cancellable: true }, async (progress, token) => {
    const abort = abortSignalFor(token);
    try {
      const { docker } = await deps.engine.get();
      await tagImage(docker, source, target);
      const credentials = await deps.store.credentials().get(domain);
      const reporter = new TransferProgressReporter(progress, 'push');
      log().info(`push ${source} as ${target}${credentials ? ` (signed in as ${credentials.username})` : ''}`);
      const result = await pushImage({ docker, reference: target, ...(credentials ? { credentials } : {}), signal: abort.signal, onProgress: (_e, s) => reporter.update(s) });
      log().info(`pushed ${target} ${result.digest ?? ''} (${result.snapshot.layersTotal} layers, ${formatBytes(result.snapshot.bytesTotal)})`);
      deps.onPushed?.(domain);
      const copy = vscode.l10n.t('Copy Reference');
      void vscode.window.showInformationMessage(vscode.l10n.t('Pushed {0} ({1}).', shown, result.digest ?? ''), copy).then((pick) => {
        if (pick === copy) void vscode.env.clipboard.writeText(result.digest ? `${target.replace(/:[^:/@]+$/, '')}@${result.digest}` : target);
      });
    } catch (err) {
      await showRegistryError(vscode.l10n.t('Tag and push'), err, domain);
    } finally {
      abort.dispose();
    }
  });
}
