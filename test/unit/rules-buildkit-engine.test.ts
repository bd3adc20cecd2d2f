// Engine behaviour the BuildKit checks rely on: per-instruction `# check=skip=` comments, only the
// first `check` directive counting, and one diagnostic when a BuildKit check and its hadolint twin agree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDockerfile } from '../../server/src/model/parser';
import { lint } from '../../server/src/rules/engine';
import type { Rule } from '../../server/src/rules/types';
import { configWith, lintText } from '../helpers/ruleTestKit';

const ids = (text: string) => lintText(text).map((r) => `${r.range.start.line + 1}:${r.rule.id}`);

test('# check=skip=… right above an instruction silences BuildKit checks for that instruction only', () => {
  const text = 'FROM alpine:3.20\n# check=skip=LegacyKeyValueFormat // allowed here\nENV A 1\nENV B 2\n# check=skip=all\nLABEL c 3';
  assert.deepEqual(ids(text).filter((x) => x.endsWith('legacy-key-value-format')), ['4:legacy-key-value-format']);
});

test('only the first # check= directive counts', () => {
  const text = '# check=skip=ConsistentInstructionCasing\n# check=skip=all\nFROM alpine:3.20 as base\ncopy a b';
  assert.deepEqual(ids(text).filter((x) => x.endsWith('casing')), ['3:from-as-casing']);
});

test('a result whose rule names a twin in sameProblemAs is folded into the twin on the same line', () => {
  const meta = (id: string, aliases: string[], sameProblemAs?: string[]) => ({ id, aliases, severity: 'warning' as const, source: 'studio' as const, title: { en: id, ko: '규칙' }, why: { en: id, ko: '규칙' }, bad: 'x', good: 'y', sameProblemAs });
  const onFrom = (m: ReturnType<typeof meta>): Rule => ({ meta: m, check: (ctx, report) => report({ range: ctx.df.stages[0].from.keywordRange, message: { en: m.id, ko: m.id }, fixes: [{ title: { en: `fix ${m.id}`, ko: '고치기' }, edits: [] }] }) });
  const twin = onFrom(meta('twin-a', ['DL9999']));
  const mine = onFrom(meta('twin-b', ['SomeCheck'], ['DL9999']));
  const results = lint(parseDockerfile('FROM alpine:3.20'), configWith(), { rules: [twin, mine] });
  assert.equal(results.length, 1);
  assert.equal(results[0].rule.id, 'twin-a');
  assert.deepEqual(results[0].rule.aliases, ['DL9999', 'SomeCheck']);
  assert.deepEqual(results[0].fixes.map((f) => f.title.en), ['fix twin-a', 'fix twin-b'], 'the folded rule keeps its fix');
  const alone = lint(parseDockerfile('FROM alpine:3.20'), configWith(), { rules: [mine] });
  assert.deepEqual(alone.map((r) => r.rule.id), ['twin-b'], 'without the twin the check reports on its own');
});

test('ignoring a hadolint rule also silences its BuildKit twin (same problem)', () => {
  const text = 'FROM nginx:1.27\n# hadolint ignore=DL3000\nWORKDIR html\nWORKDIR other';
  const results = lintText(text).filter((r) => r.rule.aliases.includes('WorkdirRelativePath') || r.rule.aliases.includes('DL3000'));
  assert.deepEqual(results.map((r) => r.range.start.line + 1), [4]);
  const ignored = lintText('FROM nginx:1.27\nWORKDIR html', configWith({ ignored: ['DL3000'] })).filter((r) => r.rule.aliases.includes('WorkdirRelativePath'));
  assert.deepEqual(ignored, []);
});

test('every sameProblemAs name refers to a rule that exists', async () => {
  const { allRules, rulesByName } = await import('../../server/src/rules/index');
  const dangling = allRules.flatMap((r) => (r.meta.sameProblemAs ?? []).filter((n) => rulesByName(n).length === 0).map((n) => `${r.meta.id} -> ${n}`));
  assert.deepEqual(dangling, []);
});
