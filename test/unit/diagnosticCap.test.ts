import { test } from 'node:test';
import assert from 'node:assert/strict';
import { capResults, omittedNotice } from '../../server/src/features/diagnosticCap';
import type { LintResult, Severity } from '../../server/src/rules/types';

function result(line: number, severity: Severity): LintResult {
  return { severity, range: { start: { line, character: 0 }, end: { line, character: 1 } }, message: { en: '', ko: '' }, fixes: [] } as unknown as LintResult;
}

test('under the cap every result is kept as it is', () => {
  const rs = [result(0, 'hint'), result(1, 'error')];
  assert.equal(capResults(rs, 5).shown, rs);
  assert.equal(capResults(rs, 5).omitted, 0);
});

test('over the cap the most severe are kept, in document order', () => {
  const rs = [result(0, 'hint'), result(1, 'warning'), result(2, 'error'), result(3, 'warning'), result(4, 'info'), result(5, 'error')];
  const { shown, omitted } = capResults(rs, 3);
  assert.deepEqual(shown.map((r) => r.range.start.line), [1, 2, 5]);
  assert.equal(omitted, 3);
});

test('the note says how many are shown, in the user\'s language', () => {
  assert.match(String(omittedNotice(5000, 12, 'en').message), /Showing 5000 of the 5012 problems/);
  assert.match(String(omittedNotice(5000, 12, 'ko').message), /5012개 중 5000개/);
});
