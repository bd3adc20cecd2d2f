// Pure HTML for the layer analysis panel: one row per layer with a bar of its size whose wasted
// share is drawn hatched, and every number also written out, so it reads without colour. Rows are
// <details> elements: focusable and opened with Enter/Space, no script needed. Colours come from
// the theme's CSS variables.
import { formatBytes, formatPercent } from '../docker/layers/formatBytes';
import type { ImageAnalysis, PathChange } from '../docker/layers/layerAnalysis';

export interface ChartLabels {
  title: string;
  summary: string;
  layer: string;
  wasted: string;
  emptyStep: string;
  added: string;
  changed: string;
  deleted: string;
  more: string;
  wastedFiles: string;
  addedBy: string;
  why: string;
}

/** How many paths each layer lists; a base layer can hold 100 000 files. */
export const PATHS_PER_LAYER = 200;

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** Bar widths in percent of the biggest layer (at least 0.5 % so a tiny layer is still visible). */
export function barWidths(sizes: number[], wasted: number[]): { total: number; wasted: number }[] {
  const max = Math.max(1, ...sizes);
  return sizes.map((s, i) => {
    const total = s === 0 ? 0 : Math.max(0.5, (s / max) * 100);
    return { total, wasted: s === 0 ? 0 : (total * Math.min(wasted[i], s)) / s };
  });
}

interface Row {
  kind: 'layer' | 'empty';
  marker: string;
  instruction: string;
  changes?: { tag: 'A' | 'C' | 'D'; change: PathChange }[];
  size: number;
  wastedBytes: number;
}

export function layersChartHtml(a: ImageAnalysis, labels: ChartLabels, nonce: string, cspSource: string): string {
  const rows: Row[] = a.history.map((h) =>
    h.layerIndex === undefined
      ? { kind: 'empty', marker: '–', instruction: h.instruction, size: 0, wastedBytes: 0 }
      : (() => {
          const l = a.layers[h.layerIndex];
          const changes = [
            ...l.added.map((change) => ({ tag: 'A' as const, change })),
            ...l.changed.map((change) => ({ tag: 'C' as const, change })),
            ...l.deleted.map((change) => ({ tag: 'D' as const, change })),
          ].sort((x, y) => y.change.size - x.change.size || (x.change.path < y.change.path ? -1 : 1));
          return { kind: 'layer', marker: String(l.index), instruction: h.instruction || (h.comment ? `(${h.comment})` : ''), changes, size: l.size, wastedBytes: l.wastedBytes };
        })(),
  );
  const widths = barWidths(rows.map((r) => r.size), rows.map((r) => r.wastedBytes));
  const body = rows
    .map((r, i) => {
      const figures = r.kind === 'empty' ? escapeHtml(labels.emptyStep) : `${formatBytes(r.size)}${r.wastedBytes ? ` · ${escapeHtml(labels.wasted)} ${formatBytes(r.wastedBytes)}` : ''}`;
      // Widths go into the nonce'd style sheet: the CSP blocks style="" attributes.
      const bar = r.kind === 'empty' ? '' : `<span class="bar" aria-hidden="true"><span class="waste"></span></span>`;
      const head = `<span class="n">${escapeHtml(r.marker)}</span><span class="ins">${escapeHtml(r.instruction)}</span><span class="fig">${figures}</span>${bar}`;
      if (r.kind === 'empty' || !r.changes?.length) return `<div class="row ${r.kind}" id="row-${i}" tabindex="0">${head}</div>`;
      const shown = r.changes.slice(0, PATHS_PER_LAYER);
      const list = shown
        .map(({ tag, change }) => `<li><span class="tag" title="${escapeHtml(tag === 'A' ? labels.added : tag === 'C' ? labels.changed : labels.deleted)}">${tag}</span> <span class="size">${formatBytes(change.size)}</span> /${escapeHtml(change.path)}</li>`)
        .join('');
      const more = r.changes.length > shown.length ? `<li class="more">${escapeHtml(labels.more.replace('{0}', String(r.changes.length - shown.length)))}</li>` : '';
      return `<details class="row" id="row-${i}"><summary>${head}</summary><ul>${list}${more}</ul></details>`;
    })
    .join('\n');
  const wasted = a.inefficient
    .slice(0, 20)
    .map((w) => `<li><span class="size">${formatBytes(w.wastedBytes)}</span> /${escapeHtml(w.path)} — ${escapeHtml(w.addedIn.map((x, i) => labels.addedBy.replace('{0}', String(x)).replace('{1}', String(w.removedIn[i]))).join('; '))}</li>`)
    .join('');
  const barRules = widths
    .map((w, i) => `#row-${i} .bar { width: ${w.total.toFixed(2)}%; } #row-${i} .waste { width: ${w.total ? ((w.wasted / w.total) * 100).toFixed(2) : '0'}%; }`)
    .join('\n');
  const summary = labels.summary
    .replace('{0}', formatBytes(a.size))
    .replace('{1}', formatBytes(a.wastedBytes))
    .replace('{2}', formatPercent(a.userWastedPercent))
    .replace('{3}', formatPercent(a.efficiency));
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(labels.title)}</title>
<style nonce="${nonce}">
body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); }
.row { display: block; padding: 2px 0; border-bottom: 1px solid var(--vscode-panel-border, transparent); }
summary, .row.empty, .row.layer { display: grid; grid-template-columns: 2.5em minmax(10em, 2fr) 12em minmax(6em, 1fr); gap: 0.5em; align-items: center; cursor: default; }
summary { cursor: pointer; }
summary:focus-visible, .row:focus-visible { outline: 1px solid var(--vscode-focusBorder); }
.row.empty { color: var(--vscode-descriptionForeground); font-style: italic; }
.ins { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; font-family: var(--vscode-editor-font-family); }
.bar { display: inline-block; justify-self: start; height: 0.9em; box-sizing: border-box; background: var(--vscode-charts-blue); border: 1px solid var(--vscode-foreground); position: relative; }
.waste { position: absolute; right: 0; top: 0; bottom: 0; background: repeating-linear-gradient(45deg, var(--vscode-charts-red) 0 3px, transparent 3px 6px); }
ul { margin: 0.2em 0 0.6em 3em; padding: 0; list-style: none; font-family: var(--vscode-editor-font-family); }
.tag { display: inline-block; width: 1.2em; font-weight: bold; }
.size { display: inline-block; min-width: 6em; text-align: right; margin-right: 0.5em; }
.why { color: var(--vscode-descriptionForeground); }
${barRules}
</style></head>
<body>
<h1>${escapeHtml(labels.title)}</h1>
<p>${escapeHtml(summary)}</p>
<div role="list">
${body}
</div>
${wasted ? `<h2>${escapeHtml(labels.wastedFiles)}</h2><ul>${wasted}</ul><p class="why">${escapeHtml(labels.why)}</p>` : ''}
</body></html>`;
}
