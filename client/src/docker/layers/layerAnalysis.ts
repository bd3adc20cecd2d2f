// Pure analysis of an image's ordered layers: what each layer added, changed and deleted, which
// bytes are stored but invisible in the final image ("wasted"), and dive's efficiency score.
// Works on paths and sizes only (LayerRecord), so it is fast and testable without an engine.
import type { EntryKind } from './layerRecord';
import type { ResolvedImage } from './imageLayout';
import { mapHistory, type HistoryStep } from './history';

export interface PathChange {
  path: string;
  kind: EntryKind;
  /** File bytes; for a deletion, the bytes of everything the deleted path held. */
  size: number;
}

export interface LayerReport {
  index: number;
  /** Archive path (docker save) or blob digest (OCI). */
  id: string;
  diffId?: string;
  createdBy: string;
  instruction: string;
  created?: string;
  /** Bytes of file content in the layer. */
  size: number;
  /** Bytes the export stores (compressed size for gzip layers). */
  storedBytes: number;
  compression: 'none' | 'gzip' | 'zstd';
  added: PathChange[];
  changed: PathChange[];
  deleted: PathChange[];
  /** Bytes this layer stores that a later layer deleted or overwrote. */
  wastedBytes: number;
}

export interface WastedPath {
  path: string;
  /** Layers whose tar holds this exact path (as content or as a deletion marker), like dive's count. */
  count: number;
  wastedBytes: number;
  /** For each wasted copy: the layer that added it and the layer that removed or overwrote it. */
  addedIn: number[];
  removedIn: number[];
  /** Bytes of each wasted copy (same order as addedIn/removedIn). */
  sizes: number[];
}

export interface ImageAnalysis {
  image: string;
  layout: 'docker-save' | 'oci';
  repoTags: string[];
  /** Sum of layer sizes (file content bytes). */
  size: number;
  /** Size without the first (base) layer, as dive counts "user" bytes. */
  userSize: number;
  wastedBytes: number;
  /** wastedBytes / userSize (0 when there are no user bytes). */
  userWastedPercent: number;
  /** dive's score: Σ per path of the smallest size seen / Σ per path of all sizes seen. */
  efficiency: number;
  layers: LayerReport[];
  history: HistoryStep[];
  /** Paths with wasted bytes, biggest first. */
  inefficient: WastedPath[];
}

interface FsNode {
  kind: EntryKind;
  size: number;
  addedIn: number;
  /** Created only because a deeper path needed a parent (the tar had no entry for it). */
  implicit: boolean;
  children?: Map<string, FsNode>;
}

interface PathStats {
  cumulative: number;
  minimum: number;
  count: number;
}

export function analyseLayers(image: ResolvedImage, name: string): ImageAnalysis {
  const root: FsNode = { kind: 'directory', size: 0, addedIn: -1, implicit: true, children: new Map() };
  const stats = new Map<string, PathStats>();
  const wasted = new Map<string, WastedPath>();
  const wastedByLayer = new Array<number>(image.layers.length).fill(0);
  const history = mapHistory(image.config.history, image.layers.length);
  const reports: LayerReport[] = [];

  const waste = (node: FsNode, path: string, removedIn: number): void => {
    if (node.size > 0) {
      wastedByLayer[node.addedIn] += node.size;
      let w = wasted.get(path);
      if (!w) {
        w = { path, count: 0, wastedBytes: 0, addedIn: [], removedIn: [], sizes: [] };
        wasted.set(path, w);
      }
      w.wastedBytes += node.size;
      w.addedIn.push(node.addedIn);
      w.removedIn.push(removedIn);
      w.sizes.push(node.size);
    }
    if (node.children) for (const [child, c] of node.children) waste(c, `${path}/${child}`, removedIn);
  };

  image.layers.forEach((layer, i) => {
    const { paths, kinds, sizes } = layer.record;
    recordDiveStats(layer.record, root, stats);

    const deleted = new Map<string, PathChange>();
    const added: PathChange[] = [];
    const changed: PathChange[] = [];

    // Deletions refer to lower layers, so they apply before this layer's own entries.
    for (let k = 0; k < paths.length; k++) {
      if (kinds[k] === 'whiteout') {
        const path = paths[k];
        const { parent, name: base } = parentOf(root, path);
        const node = parent?.children?.get(base);
        if (!parent || !node) continue; // deleting what no lower layer has: nothing to show
        parent.children?.delete(base);
        deleted.set(path, { path, kind: node.kind, size: subtreeSize(node) });
        waste(node, path, i);
      } else if (kinds[k] === 'opaque') {
        const dir = paths[k] === '' ? root : lookup(root, paths[k]);
        if (!dir?.children) continue;
        for (const [child, node] of dir.children) {
          const path = paths[k] === '' ? child : `${paths[k]}/${child}`;
          deleted.set(path, { path, kind: node.kind, size: subtreeSize(node) });
          waste(node, path, i);
        }
        dir.children.clear();
      }
    }

    for (let k = 0; k < paths.length; k++) {
      const kind = kinds[k];
      if (kind === 'whiteout' || kind === 'opaque') continue;
      const path = paths[k];
      const size = sizes[k];
      const slash = path.lastIndexOf('/');
      const parent = slash < 0 ? root : ensureDirectory(root, path.slice(0, slash), i, waste);
      const base = slash < 0 ? path : path.slice(slash + 1);
      const existing = parent.children?.get(base);
      const change: PathChange = { path, kind, size };
      if (deleted.delete(path)) changed.push(change); // emptied by an opaque marker, then written again
      else if (!existing || (existing.addedIn === i && existing.implicit)) added.push(change);
      else if (existing.addedIn !== i) changed.push(change);
      // (existing.addedIn === i and explicit: the tar lists the path twice; the last copy wins)

      if (existing && existing.kind === 'directory' && kind === 'directory') {
        existing.implicit = false;
        continue; // a directory's metadata changed; its contents stay
      }
      if (existing) waste(existing, path, i);
      parent.children ??= new Map();
      parent.children.set(base, { kind, size, addedIn: i, implicit: false, children: kind === 'directory' ? new Map() : undefined });
    }

    const step = history.find((h) => h.layerIndex === i);
    reports.push({
      index: i,
      id: layer.id,
      diffId: layer.diffId,
      createdBy: step?.createdBy ?? '',
      instruction: step?.instruction ?? '',
      created: step?.created,
      size: layer.record.contentBytes,
      storedBytes: layer.record.storedBytes,
      compression: layer.record.compression,
      added: added.sort(byPath),
      changed: changed.sort(byPath),
      deleted: [...deleted.values()].sort(byPath),
      wastedBytes: 0,
    });
  });

  reports.forEach((r, i) => (r.wastedBytes = wastedByLayer[i]));
  const size = reports.reduce((sum, r) => sum + r.size, 0);
  const userSize = size - (reports[0]?.size ?? 0);
  const wastedBytes = wastedByLayer.reduce((a, b) => a + b, 0);
  let minimum = 0;
  let cumulative = 0;
  for (const s of stats.values()) {
    minimum += s.minimum;
    cumulative += s.cumulative;
  }
  const inefficient = [...wasted.values()];
  for (const w of inefficient) w.count = Math.max(stats.get(w.path)?.count ?? 0, 1);
  inefficient.sort((a, b) => b.wastedBytes - a.wastedBytes || (a.path < b.path ? -1 : 1));
  return {
    image: name,
    layout: image.layout,
    repoTags: image.repoTags,
    size,
    userSize,
    wastedBytes,
    userWastedPercent: userSize > 0 ? wastedBytes / userSize : 0,
    efficiency: cumulative === 0 ? 1 : minimum / cumulative,
    layers: reports,
    history,
    inefficient,
  };
}

/**
 * dive's bookkeeping for its efficiency score, reproduced from its definition: every leaf of a
 * layer's tree (files, links, empty directories, whiteouts) counts its size towards its path; a
 * whiteout counts the size of the directory it deletes (0 for a file); opaque markers are ignored.
 * Must run before the layer is applied, because whiteouts are sized against the layers below.
 */
function recordDiveStats(record: { paths: string[]; kinds: EntryKind[]; sizes: number[] }, root: FsNode, stats: Map<string, PathStats>): void {
  const { paths, kinds, sizes } = record;
  const hasChildren = new Set<string>();
  for (let k = 0; k < paths.length; k++) {
    if (kinds[k] === 'opaque') continue;
    const p = paths[k];
    for (let j = p.lastIndexOf('/'); j > 0; ) {
      const ancestor = p.slice(0, j);
      if (hasChildren.has(ancestor)) break; // its own ancestors were added with it
      hasChildren.add(ancestor);
      j = ancestor.lastIndexOf('/');
    }
  }
  for (let k = 0; k < paths.length; k++) {
    const kind = kinds[k];
    if (kind === 'opaque') continue;
    const path = paths[k];
    if (kind === 'directory' && hasChildren.has(path)) continue; // not a leaf
    let size = sizes[k];
    if (kind === 'whiteout') {
      const previous = lookup(root, path);
      size = previous?.kind === 'directory' ? subtreeSize(previous) : 0;
    }
    const s = stats.get(path);
    if (s) {
      s.cumulative += size;
      if (size < s.minimum) s.minimum = size;
      s.count += 1;
    } else {
      stats.set(path, { cumulative: size, minimum: size, count: 1 });
    }
  }
}

function lookup(root: FsNode, path: string): FsNode | undefined {
  let node: FsNode | undefined = root;
  for (const part of path.split('/')) {
    node = node.children?.get(part);
    if (!node) return undefined;
  }
  return node;
}

function parentOf(root: FsNode, path: string): { parent: FsNode | undefined; name: string } {
  const slash = path.lastIndexOf('/');
  if (slash < 0) return { parent: root, name: path };
  return { parent: lookup(root, path.slice(0, slash)), name: path.slice(slash + 1) };
}

/** Walks to a directory, creating missing ones; a file in the way is replaced (and wasted). */
function ensureDirectory(root: FsNode, path: string, layer: number, waste: (node: FsNode, path: string, removedIn: number) => void): FsNode {
  let node = root;
  let walked = '';
  for (const part of path.split('/')) {
    walked = walked ? `${walked}/${part}` : part;
    node.children ??= new Map();
    let child = node.children.get(part);
    if (!child || child.kind !== 'directory') {
      if (child) waste(child, walked, layer);
      child = { kind: 'directory', size: 0, addedIn: layer, implicit: true, children: new Map() };
      node.children.set(part, child);
    }
    node = child;
  }
  return node;
}

function subtreeSize(node: FsNode): number {
  let total = node.size;
  if (node.children) for (const c of node.children.values()) total += subtreeSize(c);
  return total;
}

function byPath(a: PathChange, b: PathChange): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
