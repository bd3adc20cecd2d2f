// The analysis' wasted copies turned into the facts the language server's deleted-in-later-layer
// rule reads: lines of the adding layers, absolute paths, base-image layers left out.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { layerFactsForServer } from '../../client/src/views/layersLineModel';

test('each wasted copy whose adding layer has a line becomes a fact, biggest first', () => {
  // Steps (oldest first): base layer, ENV (no layer), RUN → layer 1 (line 2), RUN → layer 2 (line 3), RUN rm → layer 3 (line 4).
  const layerOfStep = [0, undefined, 1, 2, 3];
  const lineOfStep = new Map([[1, 1], [2, 2], [3, 3], [4, 4]]);
  const wasted = [
    { path: 'test/dummy', addedIn: [1], sizes: [5_000_000] },
    { path: 'etc/conf', addedIn: [0, 2], sizes: [10, 20] }, // layer 0 is the base image: no line
    { path: './tmp/zero', addedIn: [2], sizes: [0] },
  ];
  assert.deepEqual(layerFactsForServer(layerOfStep, wasted, lineOfStep), [
    { path: '/test/dummy', bytes: 5_000_000, addedAtLine: 2 },
    { path: '/etc/conf', bytes: 20, addedAtLine: 3 },
  ]);
  assert.equal(layerFactsForServer(layerOfStep, wasted, lineOfStep, 1).length, 1, 'limited to the biggest');
  assert.deepEqual(layerFactsForServer(layerOfStep, wasted, new Map()), [], 'an image not linked to the Dockerfile gives nothing');
});
