import * as vscode from 'vscode';
import type { EngineService } from '../docker/engineService';
import { analyseEngineImage } from '../docker/layers/analyseImage';
import { commitContainer, configLostByFlatten, containerDiff, flattenImage, inspectImage, removeImage, splitReference, tagImage } from '../docker/layers/imageActions';
import { showCommandError } from '../commands/engineErrorUi';
import { containerDiffText, type ImageNode } from './imagesModel';
import { ImagesView as ImagesViewClass, type ImagesView, type LinkedLayerNode } from './imagesView';
import { LayerAnalysisStore } from './layersAnalysisStore';
import { LayerSizeCodeLensProvider } from './layersCodeLens';
import { sendLayerFactsAfterAnalyses, type LanguageServerNotifier } from './layerFactsSender';
import { showLayersPanel } from './layersPanel';

/**
 * Commands of the Images view. Each takes the tree node it was invoked on (or asks for an image
 * when run from the palette), logs and shows a short message with "Show Log" on failure.
 */
export interface ImagesCommandDeps {
  engine: EngineService;
  view: ImagesView;
  analyses: LayerAnalysisStore;
}

export function imagesCommandTable(deps: ImagesCommandDeps): Record<string, (...args: unknown[]) => unknown> {
  return {
    'dockerfileStudio.images.refresh': () => deps.view.refresh(),
    'dockerfileStudio.images.toggleSort': () => deps.view.toggleSort(),
    'dockerfileStudio.images.run': (node: unknown) => runImage(node),
    'dockerfileStudio.images.tag': (node: unknown) => tag(deps, node),
    'dockerfileStudio.images.remove': (node: unknown) => remove(deps, node),
    'dockerfileStudio.images.inspect': (node: unknown) => inspect(deps, node),
    'dockerfileStudio.images.analyseLayers': (node: unknown) => analyse(deps, node),
    'dockerfileStudio.images.flatten': (node: unknown) => flatten(deps, node),
    'dockerfileStudio.images.revealLayerLine': (node: unknown) => revealLine(node),
    'dockerfileStudio.images.diffContainer': (node: unknown) => diffContainer(deps, node),
    'dockerfileStudio.images.commitContainer': (node: unknown) => commit(deps, node),
  };
}

async function pickRef(deps: ImagesCommandDeps, node: unknown, title: string): Promise<string | undefined> {
  if (typeof node === 'string') return node;
  if (node && typeof node === 'object' && typeof (node as ImageNode).ref === 'string') return (node as ImageNode).ref;
  const { docker } = await deps.engine.get();
  const tags = (await docker.listImages()).flatMap((i) => i.RepoTags ?? []).filter((t) => t !== '<none>:<none>');
  return vscode.window.showQuickPick(tags.sort(), { title });
}

async function runImage(node: unknown): Promise<void> {
  const ref = node && typeof node === 'object' ? (node as ImageNode).ref : undefined;
  await vscode.commands.executeCommand('dockerfileStudio.runImageAsk', ref);
}

async function tag(deps: ImagesCommandDeps, node: unknown): Promise<void> {
  const what = vscode.l10n.t('Tag image');
  try {
    const ref = await pickRef(deps, node, what);
    if (!ref) return;
    const newRef = await vscode.window.showInputBox({
      title: what,
      prompt: vscode.l10n.t('New name for {0} (repository:tag). A tag is only another name for the same image: no bytes are copied.', ref),
      value: ref.startsWith('sha256:') ? '' : ref,
      validateInput: (v) => (/^[a-z0-9][a-z0-9._\-/:]*$/.test(v.trim()) ? undefined : vscode.l10n.t('Use lowercase letters, digits and . _ - / : (for example myapp:1.0).')),
    });
    if (!newRef) return;
    await tagImage((await deps.engine.get()).docker, ref, newRef.trim());
    deps.view.refresh();
  } catch (err) {
    await showCommandError(what, err);
  }
}

async function remove(deps: ImagesCommandDeps, node: unknown): Promise<void> {
  const what = vscode.l10n.t('Remove image');
  try {
    const ref = await pickRef(deps, node, what);
    if (!ref) return;
    const yes = vscode.l10n.t('Remove');
    const pick = await vscode.window.showWarningMessage(
      vscode.l10n.t('Remove {0}? If other tags point at the same image, only this name goes; the layers are deleted when no tag and no container uses them.', ref),
      { modal: true },
      yes,
    );
    if (pick !== yes) return;
    try {
      await removeImage((await deps.engine.get()).docker, ref);
    } catch (err) {
      if ((err as { statusCode?: number }).statusCode === 409) {
        void vscode.window.showWarningMessage(vscode.l10n.t('{0} is used by a container (running or stopped). Remove the container first; an image cannot go while a container is based on it.', ref));
        return;
      }
      throw err;
    }
    deps.view.refresh();
  } catch (err) {
    await showCommandError(what, err);
  }
}

async function inspect(deps: ImagesCommandDeps, node: unknown): Promise<void> {
  const what = vscode.l10n.t('Inspect image');
  try {
    const ref = await pickRef(deps, node, what);
    if (!ref) return;
    const info = await inspectImage((await deps.engine.get()).docker, ref);
    // A JSON document: formatted, foldable, searchable with the editor's own find.
    const doc = await vscode.workspace.openTextDocument({ language: 'json', content: `${JSON.stringify(info, null, 2)}\n` });
    await vscode.window.showTextDocument(doc, { preview: true });
  } catch (err) {
    await showCommandError(what, err);
  }
}

async function analyse(deps: ImagesCommandDeps, node: unknown): Promise<void> {
  const what = vscode.l10n.t('Analyse layers');
  try {
    const ref = await pickRef(deps, node, what);
    if (!ref) return;
    const { docker } = await deps.engine.get();
    const imageId = (await inspectImage(docker, ref)).Id;
    const analysis = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading the layers of {0}…', ref), cancellable: true },
      async (_progress, token) => {
        const abort = new AbortController();
        const sub = token.onCancellationRequested(() => abort.abort());
        try {
          return await analyseEngineImage(docker, ref, { signal: abort.signal });
        } finally {
          sub.dispose();
        }
      },
    );
    deps.analyses.set(ref, imageId, analysis);
    showLayersPanel(analysis);
  } catch (err) {
    await showCommandError(what, err);
  }
}

async function flatten(deps: ImagesCommandDeps, node: unknown): Promise<void> {
  const what = vscode.l10n.t('Flatten image');
  try {
    const ref = await pickRef(deps, node, what);
    if (!ref) return;
    const { docker } = await deps.engine.get();
    const lost = configLostByFlatten(await inspectImage(docker, ref));
    const go = vscode.l10n.t('Flatten');
    const detail = lost.length
      ? vscode.l10n.t('The new image will lose this configuration, because an export holds only files:\n{0}\nAdd it back with a short Dockerfile (FROM the flat image) if you need it.', lost.join('\n'))
      : vscode.l10n.t('The image has no configuration to lose.');
    const pick = await vscode.window.showWarningMessage(
      vscode.l10n.t('Flatten {0} into one layer (export + import)? Files deleted in later layers disappear for good, which can make the image smaller.', ref),
      { modal: true, detail },
      go,
    );
    if (pick !== go) return;
    const { repo, tag: t } = splitReference(ref.startsWith('sha256:') ? 'flattened:latest' : ref);
    const target = await vscode.window.showInputBox({ title: what, prompt: vscode.l10n.t('Name of the flattened image'), value: `${repo}:${t}-flat` });
    if (!target) return;
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Flattening {0}…', ref) }, () => flattenImage(docker, ref, target.trim()));
    deps.view.refresh();
    void vscode.window.showInformationMessage(vscode.l10n.t('Created {0} with one layer.', target.trim()));
  } catch (err) {
    await showCommandError(what, err);
  }
}

function containerOf(node: unknown): { id: string; label: string } | undefined {
  if (typeof node === 'string') return { id: node, label: node };
  const c = node as { id?: unknown; label?: unknown } | undefined;
  return typeof c?.id === 'string' ? { id: c.id, label: typeof c.label === 'string' ? c.label : c.id } : undefined;
}

async function diffContainer(deps: ImagesCommandDeps, node: unknown): Promise<void> {
  const what = vscode.l10n.t('Container changes');
  try {
    const c = containerOf(node);
    if (!c) return;
    const changes = await containerDiff((await deps.engine.get()).docker, c.id);
    const text = containerDiffText(
      c.label,
      changes,
      vscode.l10n.t('What this container changed compared with its image: A added, C changed, D deleted.\nThese changes live in the container\'s writable layer and vanish with it, unless you commit them to a new image.'),
      vscode.l10n.t('(no changes)'),
    );
    const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: text });
    await vscode.window.showTextDocument(doc, { preview: true });
  } catch (err) {
    await showCommandError(what, err);
  }
}

async function commit(deps: ImagesCommandDeps, node: unknown): Promise<void> {
  const what = vscode.l10n.t('Commit container');
  try {
    const c = containerOf(node);
    if (!c) return;
    const target = await vscode.window.showInputBox({
      title: what,
      prompt: vscode.l10n.t('Name of the new image (repository:tag). Its last layer will hold what the container changed; a Dockerfile is easier to repeat, so prefer one when you can.'),
      validateInput: (v) => (/^[a-z0-9][a-z0-9._\-/:]*$/.test(v.trim()) ? undefined : vscode.l10n.t('Use lowercase letters, digits and . _ - / : (for example myapp:1.0).')),
    });
    if (!target) return;
    await commitContainer((await deps.engine.get()).docker, c.id, target.trim(), 'committed from Dockerfile Studio');
    deps.view.refresh();
    void vscode.window.showInformationMessage(vscode.l10n.t('Committed {0} as {1}.', c.label, target.trim()));
  } catch (err) {
    await showCommandError(what, err);
  }
}

async function revealLine(node: unknown): Promise<void> {
  const link = (node as LinkedLayerNode | undefined)?.link;
  if (!link) return;
  const range = new vscode.Range(link.line, 0, link.line, 0);
  await vscode.window.showTextDocument(link.uri, { selection: range, preview: true });
}

/** Creates the Images view on the owner and returns its commands for the one registration table. */
export function imagesViewCommands(owner: { context: vscode.ExtensionContext; engine: EngineService; server: LanguageServerNotifier }): Record<string, (...args: unknown[]) => unknown> {
  const analyses = new LayerAnalysisStore();
  const view = new ImagesViewClass(owner.engine, owner.context.workspaceState, analyses);
  const lenses = new LayerSizeCodeLensProvider(owner.engine, owner.context.workspaceState, analyses);
  const engineSub = owner.engine.onDidChange(() => lenses.refresh());
  owner.context.subscriptions.push(
    analyses,
    view,
    lenses,
    analyses.onDidChange(() => lenses.refresh()),
    sendLayerFactsAfterAnalyses(analyses, owner.context.workspaceState, owner.server),
    engineSub,
    vscode.languages.registerCodeLensProvider({ language: 'dockerfile', scheme: 'file' }, lenses),
    // A build finishes as the view learns of a new image; saving also re-reads the history.
    vscode.workspace.onDidSaveTextDocument((d) => (d.languageId === 'dockerfile' ? lenses.refresh() : undefined)),
    view.onDidChangeTreeData(() => lenses.refresh()),
  );
  return imagesCommandTable({ engine: owner.engine, view, analyses });
}
