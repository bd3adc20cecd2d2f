import { test } from 'node:test';
import assert from 'node:assert/strict';
import { barWidths, escapeHtml, layersChartHtml, type ChartLabels } from '../../client/src/views/layersChartModel';
import type { ImageAnalysis } from '../../client/src/docker/layers/layerAnalysis';

const labels: ChartLabels = {
  title: 'Layers of x',
  summary: 'Size {0}, wasted {1} ({2}), efficiency {3}',
  layer: 'Layer',
  wasted: 'wasted',
  emptyStep: 'no layer',
  added: 'added',
  changed: 'changed',
  deleted: 'deleted',
  more: '… {0} more',
  wastedFiles: 'Wasted files',
  addedBy: 'added by {0}, hidden by {1}',
  why: 'because',
};

const analysis: ImageAnalysis = {
  image: 'x',
  layout: 'docker-save',
  repoTags: [],
  size: 6000,
  userSize: 5000,
  wastedBytes: 5000,
  userWastedPercent: 1,
  efficiency: 0.2,
  layers: [
    { index: 0, id: 'a', createdBy: '', instruction: '', size: 1000, storedBytes: 0, compression: 'none', added: [{ path: 'bin/<sh>', kind: 'file', size: 1000 }], changed: [], deleted: [], wastedBytes: 0 },
    { index: 1, id: 'b', createdBy: '', instruction: 'RUN make > /big', size: 5000, storedBytes: 0, compression: 'none', added: [{ path: 'big', kind: 'file', size: 5000 }], changed: [], deleted: [], wastedBytes: 5000 },
    { index: 2, id: 'c', createdBy: '', instruction: 'RUN rm /big', size: 0, storedBytes: 0, compression: 'none', added: [], changed: [], deleted: [{ path: 'big', kind: 'file', size: 5000 }], wastedBytes: 0 },
  ],
  history: [
    { createdBy: '', instruction: '', comment: 'Imported from -', emptyLayer: false, layerIndex: 0 },
    { createdBy: '', instruction: 'ENV A=<b>', emptyLayer: true },
    { createdBy: '', instruction: 'RUN make > /big', emptyLayer: false, layerIndex: 1 },
    { createdBy: '', instruction: 'RUN rm /big', emptyLayer: false, layerIndex: 2 },
  ],
  inefficient: [{ path: 'big', count: 2, wastedBytes: 5000, addedIn: [1], removedIn: [2], sizes: [5000] }],
};

test('bars scale to the biggest layer and the wasted share is a part of the bar', () => {
  assert.deepEqual(barWidths([1000, 5000, 0], [0, 5000, 0]), [
    { total: 20, wasted: 0 },
    { total: 100, wasted: 100 },
    { total: 0, wasted: 0 },
  ]);
});

test('the panel writes every figure as text, escapes paths and instructions, and uses a nonce CSP', () => {
  const html = layersChartHtml(analysis, labels, 'N0NCE', 'vscode-resource:');
  assert.match(html, /Size 6 kB, wasted 5 kB \(100\.0%\), efficiency 20\.0%/);
  assert.match(html, /5 kB · wasted 5 kB/);
  assert.match(html, /ENV A=&lt;b&gt;/);
  assert.match(html, /no layer/);
  assert.match(html, /\/bin\/&lt;sh&gt;/);
  assert.match(html, /<span class="tag" title="deleted">D<\/span> <span class="size">5 kB<\/span> \/big/);
  assert.match(html, /added by 1, hidden by 2/);
  assert.match(html, /default-src 'none'; style-src vscode-resource: 'nonce-N0NCE'/);
  assert.doesNotMatch(html, /<script/);
  assert.doesNotMatch(html, /style="/, 'the CSP blocks style attributes: widths live in the style sheet');
  assert.match(html, /#row-2 \.bar \{ width: 100\.00%; \} #row-2 \.waste \{ width: 100\.00%; \}/);
  assert.match(html, /#row-3 \.bar \{ width: 0\.00%; \}/);
  assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
});
