import * as vscode from 'vscode';
import { inspectContainer, removeContainer, restartContainer, startContainer, stopContainer } from '../docker/containers';
import type { EngineService } from '../docker/engineService';
import type { ContainerNode } from '../views/containersModel';
import { followContainerLogs } from './containerLogs';
import { showCommandError } from './engineErrorUi';

/** The Containers view's actions: logs, stop, start, restart, remove, open in browser, inspect. */
export interface ContainerActionDeps {
  readonly engine: EngineService;
  readonly refresh: () => void;
}

function idOf(arg: unknown): { id: string; name: string } | undefined {
  if (arg && typeof arg === 'object' && (arg as ContainerNode).kind === 'container') {
    const n = arg as ContainerNode;
    return { id: n.id, name: n.label };
  }
  if (typeof arg === 'string') return { id: arg, name: arg.slice(0, 12) };
  return undefined;
}

async function withContainer(deps: ContainerActionDeps, what: string, arg: unknown, action: (docker: import('dockerode'), id: string, name: string) => Promise<void>): Promise<void> {
  const target = idOf(arg);
  if (!target) return;
  try {
    const { docker } = await deps.engine.get();
    await action(docker, target.id, target.name);
  } catch (err) {
    await showCommandError(what, err);
  } finally {
    deps.refresh();
  }
}

export function containerActionTable(deps: ContainerActionDeps): Record<string, (...args: unknown[]) => unknown> {
  return {
    'dockerfileStudio.containers.refresh': async () => {
      await deps.engine.refresh();
      deps.refresh();
    },
    'dockerfileStudio.engine.retry': async () => {
      await deps.engine.refresh();
      deps.refresh();
    },
    'dockerfileStudio.containers.logs': (arg: unknown) =>
      withContainer(deps, vscode.l10n.t('Show logs'), arg, async (docker, id, name) => {
        followContainerLogs(docker, id, name);
      }),
    'dockerfileStudio.containers.stop': (arg: unknown) => withContainer(deps, vscode.l10n.t('Stop container'), arg, (docker, id) => stopContainer(docker, id)),
    'dockerfileStudio.containers.start': (arg: unknown) => withContainer(deps, vscode.l10n.t('Start container'), arg, (docker, id) => startContainer(docker, id)),
    'dockerfileStudio.containers.restart': (arg: unknown) => withContainer(deps, vscode.l10n.t('Restart container'), arg, (docker, id) => restartContainer(docker, id)),
    'dockerfileStudio.containers.remove': (arg: unknown) =>
      withContainer(deps, vscode.l10n.t('Remove container'), arg, async (docker, id, name) => {
        const running = arg && typeof arg === 'object' && (arg as ContainerNode).icon === 'running';
        if (running) {
          const yes = vscode.l10n.t('Stop and remove');
          const pick = await vscode.window.showWarningMessage(vscode.l10n.t('{0} is running. Stop and remove it?', name), { modal: true }, yes);
          if (pick !== yes) return;
        }
        await removeContainer(docker, id, { force: !!running });
      }),
    'dockerfileStudio.containers.inspect': (arg: unknown) =>
      withContainer(deps, vscode.l10n.t('Inspect container'), arg, async (docker, id) => {
        const info = await inspectContainer(docker, id);
        const doc = await vscode.workspace.openTextDocument({ language: 'json', content: JSON.stringify(info, null, 2) });
        await vscode.window.showTextDocument(doc, { preview: true });
      }),
    'dockerfileStudio.containers.openInBrowser': async (arg: unknown) => {
      const url = typeof arg === 'string' && /^https?:\/\//.test(arg) ? arg : arg && typeof arg === 'object' ? ((arg as ContainerNode).urls?.[0] ?? (arg as { url?: string }).url) : undefined;
      if (url) await vscode.env.openExternal(vscode.Uri.parse(url));
    },
  };
}
