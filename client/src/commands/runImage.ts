import * as vscode from 'vscode';
import type { EngineService } from '../docker/engineService';
import { imageExposedPorts, runContainer, RunFailedError, type RunResult } from '../docker/run';
import { log } from '../log';
import { rememberedTag } from './buildChoices';
import { showCommandError } from './engineErrorUi';
import { localize } from './localize';
import { askRunChoices, bindAddress, rememberedRunChoices, rememberRunChoices, type RunChoices } from './runChoices';
import { followContainerLogs } from './containerLogs';
import { openInteractiveTerminal } from './interactiveTerminal';

/**
 * "Run": from the CodeLens (the image last built from that Dockerfile), the images view (an image
 * reference) or the palette (asks). Shows the mapped URLs with "Open in browser" and follows the
 * logs in a terminal.
 */
export interface RunCommandDeps {
  readonly engine: EngineService;
  readonly state: vscode.Memento;
  readonly onContainersChanged: () => void;
}

/** Whatever the caller passed: a Dockerfile URI, an image reference string, or a tree node with one. */
function imageFromArg(state: vscode.Memento, arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (arg instanceof vscode.Uri) return rememberedTag(state, arg);
  if (arg && typeof arg === 'object') {
    const o = arg as { image?: unknown; tag?: unknown; reference?: unknown; id?: unknown };
    for (const v of [o.tag, o.reference, o.image, o.id]) if (typeof v === 'string' && v) return v;
  }
  return undefined;
}

export async function runCommand(deps: RunCommandDeps, arg: unknown, ask = true): Promise<RunResult | undefined> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Running containers is turned off until you trust this workspace.'));
    return undefined;
  }
  let image = imageFromArg(deps.state, arg);
  if (!image && arg instanceof vscode.Uri) {
    const buildFirst = vscode.l10n.t('Build image');
    const pick = await vscode.window.showInformationMessage(vscode.l10n.t('This Dockerfile has not been built yet: build it first, then run the image.'), buildFirst);
    if (pick === buildFirst) await vscode.commands.executeCommand('dockerfileStudio.buildImage', arg);
    return undefined;
  }
  let connection;
  try {
    connection = await deps.engine.get();
  } catch (err) {
    await showCommandError(vscode.l10n.t('Run container'), err, () => runCommand(deps, arg, ask));
    return undefined;
  }
  const docker = connection.docker;
  if (!image) {
    const images = await docker.listImages();
    const tags = images.flatMap((i) => i.RepoTags ?? []).filter((t) => t !== '<none>:<none>');
    image = await vscode.window.showQuickPick(tags.sort(), { title: vscode.l10n.t('Run container: image') });
    if (!image) return undefined;
  }

  let exposed: string[];
  try {
    exposed = await imageExposedPorts(docker, image);
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 404) {
      // The remembered tag was removed (or never built on this engine): offer the build.
      const buildLabel = vscode.l10n.t('Build image');
      const pick = await vscode.window.showErrorMessage(vscode.l10n.t('The image {0} does not exist on this engine: build it first.', image), ...(arg instanceof vscode.Uri ? [buildLabel] : []));
      if (pick === buildLabel) await vscode.commands.executeCommand('dockerfileStudio.buildImage', arg);
      return undefined;
    }
    await showCommandError(vscode.l10n.t('Run container'), err);
    return undefined;
  }
  const previous = rememberedRunChoices(deps.state, image);
  let choices: RunChoices | undefined = previous;
  if (ask || !choices) choices = await askRunChoices(image, exposed, previous);
  if (!choices) return undefined;
  await rememberRunChoices(deps.state, image, choices);

  for (;;) {
    try {
      const result = await runContainer(docker, {
        image,
        name: choices.name,
        ports: choices.ports,
        publishAll: choices.publishAll,
        publishAllHostIp: bindAddress() || undefined,
        env: choices.env,
        autoRemove: choices.autoRemove,
        interactive: choices.interactive,
      });
      deps.onContainersChanged();
      log().info(`started ${result.name} (${result.id.slice(0, 12)}) from ${image}: ${result.ports.map((p) => `${p.hostIp}:${p.hostPort}->${p.containerPort}/${p.protocol}`).join(', ')}`);
      if (result.tty) openInteractiveTerminal(docker, result.id, result.name, result.tty);
      else followContainerLogs(docker, result.id, result.name);
      void announce(result);
      return result;
    } catch (err) {
      if (err instanceof RunFailedError && err.kind === 'port-taken' && err.port?.suggestion) {
        const use = vscode.l10n.t('Use port {0}', err.port.suggestion);
        const pick = await vscode.window.showErrorMessage(localize(err.explanation), use);
        if (pick !== use) return undefined;
        const { hostPort, suggestion } = err.port;
        choices = { ...choices, ports: choices.ports.map((p) => (p.hostPort === hostPort ? { ...p, hostPort: suggestion } : p)) };
        await rememberRunChoices(deps.state, image, choices);
        continue;
      }
      if (err instanceof RunFailedError) {
        log().warn(`run ${image} failed: ${err.engineMessage}`);
        const showLog = vscode.l10n.t('Show Log');
        const pick = await vscode.window.showErrorMessage(localize(err.explanation), showLog);
        if (pick === showLog) log().show();
        return undefined;
      }
      void deps.engine.recheck();
      await showCommandError(vscode.l10n.t('Run container'), err);
      return undefined;
    }
  }
}

async function announce(result: RunResult): Promise<void> {
  const urls = result.ports.filter((p) => p.url);
  if (!urls.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Container {0} is running.', result.name));
    return;
  }
  const open = vscode.l10n.t('Open in browser');
  const pick = await vscode.window.showInformationMessage(vscode.l10n.t('Container {0} is running: {1}', result.name, urls.map((p) => `${p.url} → ${p.containerPort}`).join(', ')), open);
  if (pick === open) await vscode.env.openExternal(vscode.Uri.parse(urls[0]!.url!));
}
