import * as vscode from 'vscode';
import type { TagDetails } from '../docker/registry/registryClient';
import { RegistryError } from '../docker/registry/registryErrors';
import { log } from '../log';
import {
  messageNode,
  moreNode,
  platformNodes,
  registryNodes,
  repositoryId,
  repositoryNodes,
  tagId,
  tagNode,
  type LoginInfo,
  type RegistriesNode,
  type RegistryNode,
  type RepositoryNode,
  type Text,
} from './registriesModel';
import type { RegistriesStore } from './registriesStore';

/**
 * The Registries view: each registry expands into its repositories (/v2/_catalog) and each
 * repository into its tags (/tags/list), both a page at a time with a "load more" row; tag
 * details (digest, size, created, platforms) load in the background, a few at a time. Errors
 * appear as a row under the node that failed, with the explanation, instead of an empty tree.
 */

const PAGE_SIZE = 100;
const DETAIL_CONCURRENCY = 4;

interface PageState {
  items: string[];
  next?: string;
  error?: RegistryError;
}

export class RegistriesView implements vscode.TreeDataProvider<RegistriesNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<RegistriesNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<RegistriesNode>;
  private readonly disposables: vscode.Disposable[] = [];
  /** Last node object handed to VS Code per id: change events must name that very object. */
  private readonly nodes = new Map<string, RegistriesNode>();
  private readonly repoPages = new Map<string, PageState>();
  private readonly tagPages = new Map<string, PageState>();
  private readonly details = new Map<string, TagDetails | RegistryError>();
  private readonly pendingRefresh = new Set<string>();
  private refreshTimer: NodeJS.Timeout | undefined;
  private generation = 0;

  constructor(private readonly store: RegistriesStore) {
    this.view = vscode.window.createTreeView('dockerfileStudio.registries', { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(this.view, store.onDidChange(() => this.refresh()));
  }

  /** Refresh one registry/repository (reload its pages) or everything. */
  refresh(node?: RegistriesNode): void {
    if (!node || node.kind === 'message' || node.kind === 'more') {
      this.generation++;
      this.repoPages.clear();
      this.tagPages.clear();
      this.details.clear();
      this.changed.fire(undefined);
      return;
    }
    if (node.kind === 'registry') {
      this.repoPages.delete(node.entry.host);
      for (const k of [...this.tagPages.keys()]) if (k.startsWith(`repo:${node.entry.host}/`)) this.tagPages.delete(k);
      for (const k of [...this.details.keys()]) if (k.startsWith(`tag:${node.entry.host}/`)) this.details.delete(k);
    } else if (node.kind === 'repository') {
      this.tagPages.delete(node.id);
      for (const k of [...this.details.keys()]) if (k.startsWith(`tag:${node.registry}/${node.repository}:`)) this.details.delete(k);
    } else if (node.kind === 'tag') {
      this.details.delete(node.id);
    }
    this.fire(node.id);
  }

  /** Reload one repository's tags (after a delete, which may remove several tags sharing a digest). */
  refreshRepository(host: string, repository: string): void {
    const id = repositoryId(host, repository);
    this.tagPages.delete(id);
    for (const k of [...this.details.keys()]) if (k.startsWith(`tag:${host}/${repository}:`)) this.details.delete(k);
    this.fire(id);
  }

  private fire(id: string): void {
    const node = this.nodes.get(id);
    this.changed.fire(node);
  }

  /** Coalesces detail arrivals into one redraw of the repository every 250 ms. */
  private scheduleRefresh(id: string): void {
    this.pendingRefresh.add(id);
    this.refreshTimer ??= setTimeout(() => {
      this.refreshTimer = undefined;
      const ids = [...this.pendingRefresh];
      this.pendingRefresh.clear();
      for (const i of ids) this.fire(i);
    }, 250);
  }

  async loadMore(node: RegistriesNode): Promise<void> {
    if (node.kind !== 'more') return;
    const parent = this.nodes.get(node.parentId);
    if (!parent) return;
    if (parent.kind === 'registry') {
      const state = this.repoPages.get(parent.entry.host);
      if (!state?.next) return;
      const client = await this.store.client(parent.entry.host);
      const page = await client.repositoriesPage({ pageSize: PAGE_SIZE, next: state.next });
      state.items.push(...page.items);
      state.next = page.next;
    } else if (parent.kind === 'repository') {
      const state = this.tagPages.get(parent.id);
      if (!state?.next) return;
      const client = await this.store.client(parent.registry);
      const page = await client.tagsPage(parent.repository, { pageSize: PAGE_SIZE, next: state.next });
      state.items.push(...page.items);
      state.next = page.next;
    }
    this.fire(parent.id);
  }

  getTreeItem(node: RegistriesNode): vscode.TreeItem {
    const collapsible =
      node.kind === 'registry' || node.kind === 'repository' || (node.kind === 'tag' && node.contextValue === 'tag+index')
        ? vscode.TreeItemCollapsibleState.Collapsed
        : vscode.TreeItemCollapsibleState.None;
    const item = new vscode.TreeItem(node.label, collapsible);
    item.id = node.id;
    item.contextValue = node.contextValue;
    if (node.description) item.description = node.description.map(tr).join(' · ');
    if (node.tooltip) item.tooltip = tr(node.tooltip);
    switch (node.kind) {
      case 'registry':
        item.iconPath = new vscode.ThemeIcon(node.entry.host === 'docker.io' ? 'globe' : 'server');
        break;
      case 'repository':
        item.iconPath = new vscode.ThemeIcon('repo');
        break;
      case 'tag':
        item.iconPath = new vscode.ThemeIcon(node.contextValue === 'tag+index' ? 'layers' : 'tag');
        break;
      case 'platform':
        item.iconPath = new vscode.ThemeIcon('device-desktop');
        break;
      case 'more':
        item.iconPath = new vscode.ThemeIcon('ellipsis');
        item.command = { command: 'dockerfileStudio.registries.loadMore', title: vscode.l10n.t('Load more'), arguments: [node] };
        break;
      case 'message':
        item.iconPath = new vscode.ThemeIcon(node.severity === 'error' ? 'warning' : 'info');
        if (node.signInHost) item.command = { command: 'dockerfileStudio.registries.signIn', title: vscode.l10n.t('Sign In'), arguments: [node.signInHost] };
        break;
    }
    return item;
  }

  async getChildren(node?: RegistriesNode): Promise<RegistriesNode[]> {
    const children = await this.children(node);
    for (const c of children) this.nodes.set(c.id, c);
    return children;
  }

  private async children(node?: RegistriesNode): Promise<RegistriesNode[]> {
    if (!node) {
      const entries = await this.store.entries();
      const logins = new Map<string, LoginInfo>();
      for (const e of entries) logins.set(e.host, await this.store.login(e.host).catch(() => ({})));
      return registryNodes(entries, logins);
    }
    switch (node.kind) {
      case 'registry':
        return this.repositories(node);
      case 'repository':
        return this.tags(node);
      case 'tag':
        return platformNodes(node);
      default:
        return [];
    }
  }

  private async repositories(node: RegistryNode): Promise<RegistriesNode[]> {
    const host = node.entry.host;
    // Docker Hub refuses /v2/_catalog; say so instead of showing its error.
    if (host === 'docker.io') return [messageNode(node.id, { message: 'Docker Hub does not list repositories through the API; pull or push by name instead.', args: [] }, 'info')];
    let state = this.repoPages.get(host);
    if (!state) {
      try {
        const client = await this.store.client(host);
        const page = await client.repositoriesPage({ pageSize: PAGE_SIZE });
        state = { items: [...page.items], ...(page.next ? { next: page.next } : {}) };
      } catch (err) {
        state = { items: [], error: asRegistryError(err) };
      }
      this.repoPages.set(host, state);
    }
    if (state.error) return [this.errorRow(node.id, host, state.error)];
    if (state.items.length === 0) return [messageNode(node.id, { message: 'No repositories yet. Push an image with "Tag and Push…".', args: [] }, 'info')];
    const rows: RegistriesNode[] = repositoryNodes(host, state.items);
    if (state.next) rows.push(moreNode(node.id, state.items.length));
    return rows;
  }

  private async tags(node: RepositoryNode): Promise<RegistriesNode[]> {
    let state = this.tagPages.get(node.id);
    if (!state) {
      try {
        const client = await this.store.client(node.registry);
        const page = await client.tagsPage(node.repository, { pageSize: PAGE_SIZE });
        state = { items: [...page.items].sort(compareTags), ...(page.next ? { next: page.next } : {}) };
      } catch (err) {
        state = { items: [], error: asRegistryError(err) };
      }
      this.tagPages.set(node.id, state);
    }
    if (state.error) return [this.errorRow(node.id, node.registry, state.error)];
    if (state.items.length === 0) return [messageNode(node.id, { message: 'No tags: every tag of this repository was deleted.', args: [] }, 'info')];
    const now = Date.now();
    const rows: RegistriesNode[] = [];
    const missing: string[] = [];
    for (const tag of state.items) {
      const d = this.details.get(tagId(node.registry, node.repository, tag));
      if (d instanceof RegistryError) {
        const row = tagNode(node.registry, node.repository, tag, undefined, now);
        rows.push({ ...row, description: [d.problem.summary], tooltip: d.problem.fix });
      } else {
        rows.push(tagNode(node.registry, node.repository, tag, d, now));
        if (!d) missing.push(tag);
      }
    }
    if (state.next) rows.push(moreNode(node.id, state.items.length));
    if (missing.length) void this.loadDetails(node, missing);
    return rows;
  }

  private async loadDetails(node: RepositoryNode, tags: string[]): Promise<void> {
    const generation = this.generation;
    const client = await this.store.client(node.registry);
    const queue = [...tags];
    const worker = async () => {
      for (let tag = queue.shift(); tag !== undefined; tag = queue.shift()) {
        const id = tagId(node.registry, node.repository, tag);
        if (this.details.has(id)) continue;
        let result: TagDetails | RegistryError;
        try {
          result = await client.tagDetails(node.repository, tag);
        } catch (err) {
          result = asRegistryError(err);
          log().warn(`registry: details of ${node.registry}/${node.repository}:${tag}: ${result.message}`);
        }
        if (generation !== this.generation) return;
        this.details.set(id, result);
        this.scheduleRefresh(node.id);
      }
    };
    await Promise.all(Array.from({ length: DETAIL_CONCURRENCY }, worker));
  }

  private errorRow(parentId: string, host: string, err: RegistryError): RegistriesNode {
    const needsLogin = err.kind === 'unauthorized' || err.kind === 'wrong-credentials';
    return messageNode(parentId, err.problem.summary, 'error', needsLogin ? host : undefined, err.problem.fix);
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    for (const d of this.disposables) d.dispose();
    this.changed.dispose();
  }
}

function tr(text: Text): string {
  return vscode.l10n.t(text.message, ...text.args);
}

function asRegistryError(err: unknown): RegistryError {
  if (err instanceof RegistryError) return err;
  return new RegistryError({
    kind: 'unknown',
    summary: { message: 'Unexpected error: {0}', args: [err instanceof Error ? err.message : String(err)] },
    fix: { message: 'See the log for details and retry.', args: [] },
    detail: String(err),
  });
}

/** Newest-looking first is a guess; natural order ("1.10" after "1.9") is predictable. */
function compareTags(a: string, b: string): number {
  return a.localeCompare(b, undefined, { numeric: true });
}

