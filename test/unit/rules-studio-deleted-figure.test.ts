// deleted-in-later-layer with the measured figures of the last layer analysis (LayerFacts): the
// message names the real bytes and the line that added them; without facts it keeps the guess.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LayerFact } from '../../server/src/rules/config';
import { findings } from '../helpers/ruleTestKit';

const RULE = 'deleted-in-later-layer';
const TEXT = 'FROM ubuntu\nRUN mkdir /test\nRUN fallocate -l 100m /test/dummy\nRUN rm /test/dummy\n';

test('with facts, the message gives the measured bytes and the adding line (en and ko)', () => {
  const facts: LayerFact[] = [{ path: '/test/dummy', bytes: 100_000_000, addedAtLine: 2 }];
  const [r, ...rest] = findings(RULE, TEXT, { layerFacts: facts });
  assert.equal(rest.length, 0);
  assert.equal(r?.range.start.line, 3);
  assert.match(r!.message.en, /^'\/test\/dummy' removes 100 MB added at line 3; the bytes stay in that layer/);
  assert.match(r!.message.ko, /3번째 줄에서 추가된 100 MB를 지웁니다/);
});

test('a deleted directory sums the files under it; paths without a leading slash match too', () => {
  const text = 'FROM ubuntu\nRUN wget -O /tmp/a.deb http://e.x/a.deb\nCOPY b.bin /tmp/b.bin\nRUN rm -rf /tmp\n';
  const facts: LayerFact[] = [
    { path: 'tmp/a.deb', bytes: 1_500_000, addedAtLine: 1 },
    { path: '/tmp/b.bin', bytes: 600_000, addedAtLine: 2 },
    { path: '/tmpfile', bytes: 999, addedAtLine: 1 },
  ];
  const [r] = findings(RULE, text, { layerFacts: facts });
  assert.match(r!.message.en, /^'\/tmp' removes 2\.1 MB added at lines 2, 3; the bytes stay in those layers/);
});

test('facts also reveal deletions the text alone cannot see (files made by an installer)', () => {
  const text = 'FROM ubuntu\nRUN apt-get update && apt-get install -y big\nRUN rm -rf /var/lib/apt/lists\n';
  assert.deepEqual(findings(RULE, text), [], 'without facts: silent, creation is not explicit');
  const [r] = findings(RULE, text, { layerFacts: [{ path: '/var/lib/apt/lists/archive_x', bytes: 42_000_000, addedAtLine: 1 }] });
  assert.match(r!.message.en, /removes 42 MB added at line 2/);
});

test('facts of other stages, later lines or other paths do not change the message', () => {
  const text = 'FROM ubuntu AS a\nRUN fallocate -l 1m /x\nFROM ubuntu\nRUN fallocate -l 1m /x\nRUN rm /x\nRUN fallocate -l 1m /y\n';
  const facts: LayerFact[] = [
    { path: '/x', bytes: 5_000_000, addedAtLine: 1 }, // stage a: not this image's stage
    { path: '/x', bytes: 7_000, addedAtLine: 5 }, // after the rm
    { path: '/xy', bytes: 9_000, addedAtLine: 3 }, // a sibling, not under /x
  ];
  const [r, ...rest] = findings(RULE, text, { layerFacts: facts });
  assert.equal(rest.length, 0);
  assert.match(r!.message.en, /^'\/x' was added on line 4 \(fallocate\)/, 'falls back to the text-only message');
  assert.deepEqual(findings(RULE, 'FROM ubuntu\nRUN rm -rf /opt\n', { layerFacts: facts }), []);
});
