import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { ImageAnalysis } from '../docker/layers/layerAnalysis';
import { layersChartHtml, type ChartLabels } from './layersChartModel';

/** Opens (or reuses, per image) a webview with the layer chart of an analysis. */
const panels = new Map<string, vscode.WebviewPanel>();

export function showLayersPanel(analysis: ImageAnalysis): void {
  const title = vscode.l10n.t('Layers of {0}', analysis.image);
  let panel = panels.get(analysis.image);
  if (panel) {
    panel.reveal();
  } else {
    // No scripts: the chart is HTML and CSS, and <details> rows are keyboard operable natively.
    panel = vscode.window.createWebviewPanel('dockerfileStudio.layers', title, vscode.ViewColumn.Active, { enableScripts: false, localResourceRoots: [] });
    panels.set(analysis.image, panel);
    panel.onDidDispose(() => panels.delete(analysis.image));
  }
  const labels: ChartLabels = {
    title,
    // Placeholders are passed through as themselves: the chart model fills them in.
    summary: vscode.l10n.t('Size {0} · wasted {1} ({2} of the bytes added above the base layer) · efficiency {3}', '{0}', '{1}', '{2}', '{3}'),
    layer: vscode.l10n.t('Layer'),
    wasted: vscode.l10n.t('wasted'),
    emptyStep: vscode.l10n.t('no layer: metadata only'),
    added: vscode.l10n.t('added'),
    changed: vscode.l10n.t('changed'),
    deleted: vscode.l10n.t('deleted'),
    more: vscode.l10n.t('… and {0} more paths', '{0}'),
    wastedFiles: vscode.l10n.t('Biggest wasted files (stored in a layer, invisible in the final image):'),
    addedBy: vscode.l10n.t('added by layer {0}, hidden by layer {1}', '{0}', '{1}'),
    why: vscode.l10n.t('Why: deleting or overwriting a file in a later instruction does not make the image smaller; the bytes stay in the layer that added them. Create and remove temporary files in the same RUN.'),
  };
  panel.title = title;
  panel.webview.html = layersChartHtml(analysis, labels, randomBytes(16).toString('base64'), panel.webview.cspSource);
}
