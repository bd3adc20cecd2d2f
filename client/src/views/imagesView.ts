import * as vscode from 'vscode';
import type { EngineService, EngineState } from '../docker/engineService';
import { imageHistory, listImages } from '../docker/layers/imageActions';
import { localize } from '../commands/localize';
import { log } from '../log';
import { imageNodes, layerNodes, type ImageNode, type ImagesTreeNode, type LayerNode } from './imagesModel';
import { findBuildDockerfile } from './imagesDockerfileLink';

/**
 * The Images view: images (tags; dangling ones grouped), each expanding into its layers from the
 * image history, with the instruction cleaned, size and age, empty steps marked, and — when the
 * image was built from a Dockerfile of the workspace — a link from each layer to its line.
 */
export interface LinkedLayerNode extends LayerNode {
  link?: { uri: vscode.Uri; line: number };
}

type Node = ImagesTreeNode | LinkedLayerNode;

export class ImagesView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<Node>;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly engine: EngineService, private readonly state: vscode.Memento) {
    this.view = vscode.window.createTreeView('dockerfileStudio.images', { treeDataProvider: this, showCollapseAll: true });
    const sub = engine.onDidChange((s) => this.onEngineState(s));
    this.disposables.push(this.view, { dispose: () => sub.dispose() });
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  private onEngineState(s: EngineState): void {
    this.view.message = s.kind === 'unavailable' ? `${localize(s.problem.summary)} ${localize(s.problem.fix)}` : undefined;
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
    const layer = node as LinkedLayerNode;
    const item = new vscode.TreeItem(layer.label, vscode.TreeItemCollapsibleState.None);
    item.id = `layer:${layer.imageRef}:${layer.step}`;
    item.description = layer.emptyLayer ? vscode.l10n.t('empty layer') + layer.description.slice('empty layer'.length) : layer.description;
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
    if (node?.kind === 'layer') return [];
    let docker;
    try {
      docker = (await this.engine.get()).docker;
    } catch {
      return []; // the view message explains why
    }
    try {
      if (!node) return imageNodes(await listImages(docker), Date.now());
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
    return nodes;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.changed.dispose();
  }
}
