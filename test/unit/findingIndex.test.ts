// The finding index must return exactly what a scan of every finding returns, in the same order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Range } from 'vscode-languageserver/node';
import { findingsOverlapping } from '../../server/src/features/findingIndex';
import { rangesOverlap } from '../../server/src/model/query';
import type { LintResult } from '../../server/src/rules/types';

function random(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (x * 1664525 + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

function randomRange(next: () => number, lines: number, maxSpan: number): Range {
  const startLine = Math.floor(next() * lines);
  const endLine = startLine + (next() < 0.7 ? 0 : Math.floor(next() * maxSpan));
  const startChar = Math.floor(next() * 40);
  const endChar = endLine === startLine ? startChar + Math.floor(next() * 40) : Math.floor(next() * 40);
  return { start: { line: startLine, character: startChar }, end: { line: endLine, character: endChar } };
}

const finding = (range: Range, n: number): LintResult => ({ range, rule: { id: `R${n}` } }) as unknown as LintResult;

test('lookups match a full scan, in the original order, including file-wide findings', () => {
  for (let seed = 1; seed <= 30; seed++) {
    const next = random(seed);
    const lines = 20 + Math.floor(next() * 2000);
    const results = Array.from({ length: Math.floor(next() * 400) }, (_, i) => finding(randomRange(next, lines, next() < 0.05 ? lines : 6), i));
    for (let q = 0; q < 200; q++) {
      const range = next() < 0.5 ? randomRange(next, lines, 4) : (() => { const p = randomRange(next, lines, 0).start; return { start: p, end: p }; })();
      const expected = results.filter((r) => rangesOverlap(r.range, range));
      assert.deepEqual(findingsOverlapping(results, range), expected, `seed ${seed}, query ${JSON.stringify(range)}`);
    }
  }
});

test('touching ends count as overlapping; a gap of one character does not', () => {
  const r = { start: { line: 3, character: 4 }, end: { line: 3, character: 9 } };
  const at = (line: number, character: number): Range => ({ start: { line, character }, end: { line, character } });
  assert.equal(rangesOverlap(r, at(3, 4)), true);
  assert.equal(rangesOverlap(r, at(3, 9)), true);
  assert.equal(rangesOverlap(r, at(3, 10)), false);
  assert.equal(rangesOverlap(r, at(3, 3)), false);
  assert.equal(findingsOverlapping([finding(r, 0)], at(2, 50)).length, 0);
});
