// The CLI's two outputs of an analysis: JSON for machines (sizes in bytes) and text for people.
import { msg } from '../message';
import { formatBytes, formatPercent } from './formatBytes';
import type { ImageAnalysis } from './layerAnalysis';
import { localize, type CliLocale } from './localize';
import type { ThresholdCheck } from './thresholds';

const slash = (path: string): string => `/${path}`;

export function layersJson(a: ImageAnalysis, checks: ThresholdCheck[]): unknown {
  return {
    image: a.image,
    layout: a.layout,
    repoTags: a.repoTags,
    size: a.size,
    userSize: a.userSize,
    efficiency: a.efficiency,
    wastedBytes: a.wastedBytes,
    userWastedPercent: a.userWastedPercent,
    layers: a.layers.map((l) => ({
      index: l.index,
      id: l.id,
      createdBy: l.instruction,
      size: l.size,
      added: l.added.length,
      changed: l.changed.length,
      deleted: l.deleted.length,
      wastedBytes: l.wastedBytes,
    })),
    history: a.history.map((h) => ({ createdBy: h.instruction, created: h.created ?? null, emptyLayer: h.emptyLayer, layer: h.layerIndex ?? null })),
    inefficient: a.inefficient.map((w) => ({ path: slash(w.path), count: w.count, wastedBytes: w.wastedBytes, addedIn: w.addedIn, removedIn: w.removedIn })),
    checks: checks.map((c) => ({ rule: c.rule, limit: c.limit, actual: c.actual, passed: !c.failed })),
  };
}

export interface TextOptions {
  locale: CliLocale;
  /** How many wasted paths to list. */
  top: number;
  width?: number;
}

export function layersText(a: ImageAnalysis, checks: ThresholdCheck[], o: TextOptions): string {
  const t = (m: ReturnType<typeof msg>): string => localize(m, o.locale);
  const width = Math.max(o.width ?? 100, 60);
  const lines: string[] = [];
  lines.push(t(msg('Image {0}: {1} layers ({2} layout)', a.image, a.layers.length, a.layout === 'oci' ? 'OCI' : 'docker save')));
  lines.push(
    t(msg('Size {0} · wasted {1} ({2} of the {3} added above the base layer) · efficiency {4}', formatBytes(a.size), formatBytes(a.wastedBytes), formatPercent(a.userWastedPercent), formatBytes(a.userSize), formatPercent(a.efficiency))),
  );
  lines.push('');
  const head = ['#', t(msg('SIZE')), t(msg('WASTED')), 'A/C/D', t(msg('INSTRUCTION'))];
  const rows: string[][] = [];
  for (const h of a.history) {
    if (h.layerIndex === undefined) {
      rows.push(['-', '0 B', '', '', `${h.instruction}  ${t(msg('(no layer: metadata only)'))}`]);
      continue;
    }
    const l = a.layers[h.layerIndex];
    rows.push([String(l.index), formatBytes(l.size), formatBytes(l.wastedBytes), `${l.added.length}/${l.changed.length}/${l.deleted.length}`, h.instruction || (h.comment ? `(${h.comment})` : '')]);
  }
  // Layers the history does not mention are listed by mapHistory too, so every layer has a row.
  lines.push(...table([head, ...rows], width));

  if (a.inefficient.length) {
    lines.push('', t(msg('Biggest wasted files (stored in a layer, invisible in the final image):')));
    const shown = a.inefficient.slice(0, o.top);
    const wRows = shown.map((w) => [
      formatBytes(w.wastedBytes),
      slash(w.path),
      w.addedIn.map((added, i) => t(msg('added by layer {0}, hidden by layer {1}', added, w.removedIn[i]))).join('; '),
    ]);
    lines.push(...table(wRows, width).map((l) => `  ${l}`));
    if (a.inefficient.length > shown.length) lines.push(`  ${t(msg('… and {0} more paths', a.inefficient.length - shown.length))}`);
    lines.push('', t(msg('Why: deleting or overwriting a file in a later instruction does not make the image smaller; the bytes stay in the layer that added them. Create and remove temporary files in the same RUN.')));
  }
  if (checks.length) {
    lines.push('');
    for (const c of checks) lines.push(`${c.failed ? 'FAIL' : 'PASS'} ${c.rule}: ${t(c.message)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Left-aligned columns; the last column is cut to the width so long RUN lines stay on one row. */
function table(rows: string[][], width: number): string[] {
  if (!rows.length) return [];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (c === r.length - 1 ? 0 : r[c].length))));
  return rows.map((r) => {
    const prefix = r.slice(0, -1).map((cell, c) => cell.padEnd(widths[c])).join('  ');
    const room = Math.max(width - prefix.length - 2, 20);
    const last = r[r.length - 1];
    return `${prefix}  ${last.length > room ? `${last.slice(0, room - 1)}…` : last}`.trimEnd();
  });
}
