import * as vscode from 'vscode';
import type { EngineService, EngineState } from '../docker/engineService';
import { imageHistory, listImages } from '../docker/layers/imageActions';
import { localize } from '../commands/localize';
import { log } from '../log';
import type { ImageAnalysis } from '../docker/layers/layerAnalysis';
import type { LayerAnalysisStore } from './layersAnalysisStore';
import { formatBytes } from '../docker/layers/formatBytes';
import { imageNodes, layerNodes, pathNodes, type ImageNode, type ImagesTreeNode, type LayerNode, type MorePathsNode, type PathNode } from './imagesModel';
import { findBuildDockerfile } from './imagesDockerfileLink';
import { ENGINE_PROBLEM_CONTEXT, ENGINE_UNAVAILABLE_CONTEXT } from './containersView';

/**
 * The Images view: images (tags; dangling ones grouped), each expanding into its layers from the
 * image history, with the instruction cleaned, size and age, empty steps marked, and — when the
 * image was built from a Dockerfile of the workspace — a link from each layer to its line.
 */
export interface LinkedLayerNode extends LayerNode {
  link?: { uri: vscode.Uri; line: number };
  /** After "Analyse layers": the layer's report, whose paths become this node's children. */
  report?: ImageAnalysis['layers'][number];
}

type Node = ImagesTreeNode | LinkedLayerNode | PathNode | MorePathsNode;

export class ImagesView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<Node>;
  private readonly disposables: vscode.Disposable[] = [];
  private sort: 'size' | 'path' = 'size';
  private timer: NodeJS.Timeout | undefined;
  private lastSignature = '';

  constructor(private readonly engine: EngineService, private readonly state: vscode.Memento, private readonly analyses: LayerAnalysisStore) {
    this.view = vscode.window.createTreeView('dockerfileStudio.images', { treeDataProvider: this, showCollapseAll: true });
    const sub = engine.onDidChange((s) => this.onEngineState(s));
    // Analyses add each layer's paths to the tree.
    this.disposables.push(
      this.view,
      { dispose: () => sub.dispose() },
      analyses.onDidChange(() => this.changed.fire(undefined)),
      this.view.onDidChangeVisibility(() => this.schedule()),
    );
    this.schedule();
  }

  refresh(): void {
    this.lastSignature = '';
    this.changed.fire(undefined);
  }

  /** Polls while visible, so images built or pulled elsewhere (a terminal, our build) show up. */
  private schedule(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    if (!this.view.visible) return;
    this.timer = setInterval(() => {
      if (this.engine.state.kind === 'connected') void this.pollForChanges();
    }, 5000);
  }

  private async pollForChanges(): Promise<void> {
    try {
      const { docker } = await this.engine.get();
      const signature = signatureOf(await listImages(docker));
      if (signature !== this.lastSignature) {
        this.lastSignature = signature;
        this.changed.fire(undefined);
      }
    } catch {
      void this.engine.recheck();
    }
  }

  toggleSort(): void {
    this.sort = this.sort === 'size' ? 'path' : 'size';
    void vscode.window.setStatusBarMessage(this.sort === 'size' ? vscode.l10n.t('Layer paths sorted by size') : vscode.l10n.t('Layer paths sorted by path'), 3000);
    this.changed.fire(undefined);
  }

  private onEngineState(s: EngineState): void {
    // Same as the Containers view: a TreeView message would hide the welcome content and its Retry
    // button, so the reason per problem kind lives in viewsWelcome (context keys set here too, so
    // this view does not depend on the other having been created) and the address in the description.
    void vscode.commands.executeCommand('setContext', ENGINE_UNAVAILABLE_CONTEXT, s.kind === 'unavailable');
    void vscode.commands.executeCommand('setContext', ENGINE_PROBLEM_CONTEXT, s.kind === 'unavailable' ? s.problem.kind : '');
    this.view.description = s.kind === 'unavailable' ? (s.where ?? '') : undefined;
    this.view.message = undefined;
    if (s.kind === 'unavailable') log().info(`Images view: ${localize(s.problem.summary)}`);
    if (s.kind !== 'connecting') this.changed.fire(undefined);
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'dangling') {
      const item = new vscode.TreeItem(vscode.l10n.t('Dangling images ({0})', node.children.length), vscode.TreeItemCollapsibleState.Collapsed);
      item.tooltip = vscode.l10n.t('Images without a tag: usually older builds whose tag moved to a newer image. They still take disk space.');
      item.iconPath = new vscode.ThemeIcon('archive');
      item.contextValue = 'danglingGroup';
      return item;
    }
    if (node.kind === 'image') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `image:${node.ref}`;
      item.description = node.description;
      item.tooltip = node.tooltip;
      item.iconPath = new vscode.ThemeIcon(node.dangling ? 'circle-outline' : 'package');
      item.contextValue = node.dangling ? 'image.dangling' : 'image.tagged';
      return item;
    }
    if (node.kind === 'path') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
      item.description = node.description;
      item.iconPath = new vscode.ThemeIcon(node.tag === 'A' ? 'diff-added' : node.tag === 'C' ? 'diff-modified' : 'diff-removed');
      item.tooltip = `${node.tag === 'A' ? vscode.l10n.t('added') : node.tag === 'C' ? vscode.l10n.t('changed') : vscode.l10n.t('deleted')}: /${node.path}${node.size ? ` (${node.size.toLocaleString('en-US')} B)` : ''}`;
      item.contextValue = 'layerPath';
      return item;
    }
    if (node.kind === 'morePaths') {
      const item = new vscode.TreeItem(vscode.l10n.t('… and {0} more paths', node.hidden), vscode.TreeItemCollapsibleState.None);
      item.tooltip = vscode.l10n.t('Only the first paths are listed here; the layer chart (Analyse layers) shows the biggest ones.');
      return item;
    }
    const layer = node as LinkedLayerNode;
    const hasPaths = !!layer.report && layer.report.added.length + layer.report.changed.length + layer.report.deleted.length > 0;
    const item = new vscode.TreeItem(layer.label, hasPaths ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = `layer:${layer.imageRef}:${layer.step}`;
    item.description = layer.emptyLayer ? vscode.l10n.t('empty layer') + layer.description.slice('empty layer'.length) : layer.description;
    if (layer.report?.wastedBytes) item.description += ` · ${vscode.l10n.t('wasted')} ${formatBytes(layer.report.wastedBytes)}`;
    item.tooltip = layer.emptyLayer ? `${layer.tooltip}\n${vscode.l10n.t('Metadata only: this step changed the image configuration, not its files, so it adds no bytes.')}` : layer.tooltip;
    item.iconPath = new vscode.ThemeIcon(layer.emptyLayer ? 'symbol-property' : 'layers');
    item.contextValue = layer.link ? 'layer.linked' : 'layer';
    if (layer.link) {
      item.command = { command: 'dockerfileStudio.images.revealLayerLine', title: vscode.l10n.t('Show the Dockerfile line'), arguments: [layer] };
    }
    return item;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (node?.kind === 'dangling') return node.children;
    if (node?.kind === 'layer') {
      const report = (node as LinkedLayerNode).report;
      return report ? pathNodes(report, this.sort) : [];
    }
    if (node?.kind === 'path' || node?.kind === 'morePaths') return [];
    let docker;
    try {
      docker = (await this.engine.get()).docker;
    } catch {
      return []; // the welcome content explains why
    }
    try {
      if (!node) {
        const images = await listImages(docker);
        this.lastSignature = signatureOf(images);
        return imageNodes(images, Date.now());
      }
      return await this.layersOf(docker, node);
    } catch (err) {
      log().warn(`images view: ${String(err)}`);
      void this.engine.recheck();
      return [];
    }
  }

  private async layersOf(docker: Parameters<typeof imageHistory>[0], image: ImageNode): Promise<LinkedLayerNode[]> {
    const history = await imageHistory(docker, image.ref);
    const nodes: LinkedLayerNode[] = layerNodes(image.ref, history, Date.now());
    const createdBy = history.slice().reverse().map((h) => h.createdBy);
    const link = await findBuildDockerfile(this.state, image.dangling ? [] : [image.ref], createdBy);
    if (link) {
      for (const m of link.matches) nodes[m.step].link = { uri: link.uri, line: m.line };
    }
    // The analysed config history and the history API list the same steps in the same order.
    const analysis = this.analyses.get(image.ref, image.id);
    if (analysis && analysis.history.length === nodes.length) {
      analysis.history.forEach((h, step) => {
        if (h.layerIndex !== undefined) nodes[step].report = analysis.layers[h.layerIndex];
      });
    }
    return nodes;
  }

  dispose(): void {
    clearInterval(this.timer);
    for (const d of this.disposables) d.dispose();
    this.changed.dispose();
  }
}

function signatureOf(images: { id: string; repoTags: string[] }[]): string {
  return images.map((i) => `${i.id}=${i.repoTags.join(',')}`).sort().join('|');
}
