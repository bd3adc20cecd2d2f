// Pure model of the Images view: engine image summaries and histories in, plain tree nodes out.
// No vscode, no dockerode: the tree provider turns these nodes into TreeItems.
import { cleanCreatedBy } from '../docker/layers/history';
import { formatBytes } from '../docker/layers/formatBytes';
import type { HistoryInput, ImageSummaryInput } from '../docker/layers/imageTypes';

export type { HistoryInput, ImageSummaryInput } from '../docker/layers/imageTypes';

export interface ImageNode {
  kind: 'image';
  id: string;
  /** What commands act on: the tag, or the id for dangling images. */
  ref: string;
  label: string;
  description: string;
  tooltip: string;
  dangling: boolean;
}

export interface DanglingGroupNode {
  kind: 'dangling';
  label: string;
  children: ImageNode[];
}

export interface LayerNode {
  kind: 'layer';
  imageRef: string;
  /** Position in build order (0 = oldest). */
  step: number;
  instruction: string;
  label: string;
  description: string;
  tooltip: string;
  size: number;
  /** Metadata-only step (ENV, CMD, LABEL…): no layer, no bytes. */
  emptyLayer: boolean;
}

export type ImagesTreeNode = ImageNode | DanglingGroupNode | LayerNode;

const NONE = '<none>:<none>';

export function shortId(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12);
}

/** "3 minutes ago" style ages, like `docker images`. */
export function formatAge(createdSeconds: number, nowMs: number): string {
  const s = Math.max(0, Math.floor(nowMs / 1000 - createdSeconds));
  const units: [number, string][] = [[31536000, 'year'], [2592000, 'month'], [604800, 'week'], [86400, 'day'], [3600, 'hour'], [60, 'minute']];
  for (const [size, name] of units) {
    const n = Math.floor(s / size);
    if (n >= 1) return `${n} ${name}${n === 1 ? '' : 's'} ago`;
  }
  return 'just now';
}

/** One node per tag (an image with two tags shows twice, as `docker images` does); dangling ones grouped last. */
export function imageNodes(images: ImageSummaryInput[], nowMs: number): ImagesTreeNode[] {
  const tagged: ImageNode[] = [];
  const dangling: ImageNode[] = [];
  for (const img of images) {
    const tags = img.repoTags.filter((t) => t !== NONE);
    const description = `${formatBytes(img.size)} · ${formatAge(img.created, nowMs)}`;
    if (!tags.length) {
      dangling.push({ kind: 'image', id: img.id, ref: img.id, label: shortId(img.id), description, tooltip: `${img.id}\n${description}`, dangling: true });
      continue;
    }
    for (const tag of tags) {
      tagged.push({ kind: 'image', id: img.id, ref: tag, label: tag, description, tooltip: `${tag}\n${img.id}\n${description}`, dangling: false });
    }
  }
  tagged.sort((a, b) => a.label.localeCompare(b.label));
  dangling.sort((a, b) => a.label.localeCompare(b.label));
  const nodes: ImagesTreeNode[] = [...tagged];
  if (dangling.length) nodes.push({ kind: 'dangling', label: `Dangling images (${dangling.length})`, children: dangling });
  return nodes;
}

const METADATA = new Set(['ENV', 'CMD', 'ENTRYPOINT', 'LABEL', 'EXPOSE', 'ARG', 'USER', 'VOLUME', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL', 'ONBUILD', 'MAINTAINER', 'WORKDIR']);

/**
 * Whether a history step made a layer. The history API has no empty_layer flag, so: anything with
 * bytes made one; a 0-byte step made one if it is RUN/COPY/ADD (e.g. `RUN mkdir` of an existing
 * directory), and is metadata-only otherwise. The export analysis knows exactly (config history).
 */
export function isMetadataStep(instruction: string, size: number): boolean {
  if (size > 0) return false;
  const keyword = instruction.split(/\s/, 1)[0].toUpperCase();
  return METADATA.has(keyword);
}

/** Layers of one image in build order (oldest first), noise cleaned, empty steps marked. */
export function layerNodes(imageRef: string, history: HistoryInput[], nowMs: number): LayerNode[] {
  return history
    .slice()
    .reverse()
    .map((h, step) => {
      const instruction = cleanCreatedBy(h.createdBy) || (h.comment ? `(${h.comment})` : '(no instruction recorded)');
      const emptyLayer = isMetadataStep(instruction, h.size);
      const when = h.created > 0 ? formatAge(h.created, nowMs) : '';
      const description = [emptyLayer ? 'empty layer' : formatBytes(h.size), when].filter(Boolean).join(' · ');
      return {
        kind: 'layer' as const,
        imageRef,
        step,
        instruction,
        label: instruction.length > 120 ? `${instruction.slice(0, 119)}…` : instruction,
        description,
        tooltip: `${instruction}\n${description}${h.comment ? `\n${h.comment}` : ''}`,
        size: h.size,
        emptyLayer,
      };
    });
}

/** `docker diff`-style text: one "A /path" line per change, after an explanation of the letters. */
export function containerDiffText(name: string, changes: { path: string; kind: 'A' | 'C' | 'D' }[], explanation: string, none: string): string {
  const counts = { A: 0, C: 0, D: 0 };
  for (const c of changes) counts[c.kind]++;
  const head = [`# ${name}: ${counts.A} A, ${counts.C} C, ${counts.D} D`, ...explanation.split('\n').map((l) => `# ${l}`), ''];
  return `${[...head, ...(changes.length ? changes.map((c) => `${c.kind} ${c.path}`) : [none])].join('\n')}\n`;
}

export interface PathNode {
  kind: 'path';
  /** A added, C changed, D deleted. */
  tag: 'A' | 'C' | 'D';
  path: string;
  size: number;
  label: string;
  description: string;
}

export interface MorePathsNode {
  kind: 'morePaths';
  hidden: number;
}

/** A layer's changed paths for the tree, biggest first (or by path), at most `limit` of them. */
export function pathNodes(layer: { added: PathChangeLike[]; changed: PathChangeLike[]; deleted: PathChangeLike[] }, sort: 'size' | 'path', limit = 500): (PathNode | MorePathsNode)[] {
  const all: PathNode[] = [
    ...layer.added.map((c) => toPathNode('A', c)),
    ...layer.changed.map((c) => toPathNode('C', c)),
    ...layer.deleted.map((c) => toPathNode('D', c)),
  ];
  all.sort(sort === 'size' ? (a, b) => b.size - a.size || (a.path < b.path ? -1 : 1) : (a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const shown: (PathNode | MorePathsNode)[] = all.slice(0, limit);
  if (all.length > limit) shown.push({ kind: 'morePaths', hidden: all.length - limit });
  return shown;
}

interface PathChangeLike {
  path: string;
  kind: string;
  size: number;
}

function toPathNode(tag: 'A' | 'C' | 'D', c: PathChangeLike): PathNode {
  const dir = c.kind === 'directory' ? '/' : '';
  return { kind: 'path', tag, path: c.path, size: c.size, label: `${tag} /${c.path}${dir}`, description: c.size || tag === 'D' ? formatBytes(c.size) : '' };
}
