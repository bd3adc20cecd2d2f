import * as vscode from 'vscode';
import { listContainers } from '../docker/containers';
import type { EngineService, EngineState } from '../docker/engineService';
import { localize } from '../commands/localize';
import { log } from '../log';
import { buildContainerNodes, type ContainerNode, type PortNode } from './containersModel';

/**
 * The Containers view: running and stopped containers with image, status and ports. When the
 * engine cannot be reached the tree is empty, the view's message says why, and the welcome
 * content (package.json viewsWelcome) offers Retry — never a silently empty tree.
 */
type Node = ContainerNode | PortNode;

export const ENGINE_UNAVAILABLE_CONTEXT = 'dockerfileStudio.engineUnavailable';
/** The EngineProblemKind, so package.json's viewsWelcome can explain each kind with a Retry button. */
export const ENGINE_PROBLEM_CONTEXT = 'dockerfileStudio.engineProblem';
const POLL_MS = 5000;

export class ContainersView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<Node>;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private lastSignature = '';

  constructor(private readonly engine: EngineService) {
    this.view = vscode.window.createTreeView('dockerfileStudio.containers', { treeDataProvider: this, showCollapseAll: false });
    const sub = engine.onDidChange((s) => this.onEngineState(s));
    this.disposables.push(this.view, { dispose: () => sub.dispose() }, this.view.onDidChangeVisibility(() => this.schedule()));
    this.schedule();
  }

  refresh(): void {
    this.lastSignature = '';
    this.changed.fire(undefined);
  }

  private onEngineState(s: EngineState): void {
    void vscode.commands.executeCommand('setContext', ENGINE_UNAVAILABLE_CONTEXT, s.kind === 'unavailable');
    void vscode.commands.executeCommand('setContext', ENGINE_PROBLEM_CONTEXT, s.kind === 'unavailable' ? s.problem.kind : '');
    // A TreeView message would hide the welcome content (and its Retry button): the reason per
    // problem kind lives in viewsWelcome, the engine address in the view's description and tooltip.
    this.view.description = s.kind === 'unavailable' ? (s.where ?? '') : undefined;
    this.view.message = undefined;
    if (s.kind === 'unavailable') log().info(`Containers view: ${localize(s.problem.summary)}`);
    if (s.kind !== 'connecting') this.changed.fire(undefined);
  }

  /** Polls while visible so containers started or stopped elsewhere show up. */
  private schedule(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    if (!this.view.visible) return;
    this.timer = setInterval(() => {
      if (this.engine.state.kind === 'connected') void this.pollForChanges();
    }, POLL_MS);
  }

  private async pollForChanges(): Promise<void> {
    try {
      const { docker } = await this.engine.get();
      const list = await listContainers(docker);
      const signature = list.map((c) => `${c.id}:${c.status}`).join('|');
      if (signature !== this.lastSignature) {
        this.lastSignature = signature;
        this.changed.fire(undefined);
      }
    } catch {
      void this.engine.recheck();
    }
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'port') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
      item.iconPath = new vscode.ThemeIcon('plug');
      if (node.url) {
        item.contextValue = 'containerPort+http';
        item.tooltip = node.url;
        item.command = { command: 'dockerfileStudio.containers.openInBrowser', title: vscode.l10n.t('Open in browser'), arguments: [node.url] };
      }
      return item;
    }
    const item = new vscode.TreeItem(node.label, node.children.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.description = node.description;
    item.tooltip = node.tooltip;
    item.contextValue = node.contextValue;
    item.iconPath =
      node.icon === 'running'
        ? new vscode.ThemeIcon('vm-running', new vscode.ThemeColor('charts.green'))
        : node.icon === 'paused'
          ? new vscode.ThemeIcon('debug-pause')
          : new vscode.ThemeIcon('vm-outline');
    return item;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (node) return node.kind === 'container' ? [...node.children] : [];
    let docker;
    try {
      docker = (await this.engine.get()).docker;
    } catch {
      return []; // the view message and welcome content explain why
    }
    try {
      const list = await listContainers(docker);
      this.lastSignature = list.map((c) => `${c.id}:${c.status}`).join('|');
      return buildContainerNodes(list);
    } catch (err) {
      log().warn(`listing containers failed: ${String(err)}`);
      void this.engine.recheck();
      return [];
    }
  }

  dispose(): void {
    clearInterval(this.timer);
    for (const d of this.disposables) d.dispose();
    this.changed.dispose();
  }
}
