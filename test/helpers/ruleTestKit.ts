// Helpers for rule tests: lint a text with the real engine, run table-driven good/bad cases for one
// rule, and apply a quick fix then lint again.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDockerfile } from '../../server/src/model/parser';
import { defaultConfig, type LintConfig } from '../../server/src/rules/config';
import { lint } from '../../server/src/rules/engine';
import { allRules, ruleById } from '../../server/src/rules/index';
import type { LintResult, RuleFix, TextEdit } from '../../server/src/rules/types';

export function configWith(extra: Partial<LintConfig> = {}): LintConfig {
  return { ...defaultConfig(), shellcheck: false, ...extra };
}

/** Every result for the text (all rules, default config unless given). */
export function lintText(text: string, config: LintConfig = configWith()): LintResult[] {
  return lint(parseDockerfile(text), config);
}

/** Results of one rule (opted in when it is off by default). */
export function findings(ruleId: string, text: string, extra: Partial<LintConfig> = {}): LintResult[] {
  const rule = ruleById(ruleId);
  assert.ok(rule, `no rule ${ruleId}`);
  const config = configWith({ enabled: [ruleId], ...extra });
  return lint(parseDockerfile(text), config, { rules: [rule] });
}

/** 1-based start lines of a rule's findings. */
export function lines(ruleId: string, text: string, extra: Partial<LintConfig> = {}): number[] {
  return findings(ruleId, text, extra).map((r) => r.range.start.line + 1);
}

export interface RuleCases {
  /** Texts that must fire; with `[text, lines]` the 1-based lines must match exactly. */
  bad: (string | [string, number[]])[];
  good: string[];
  config?: Partial<LintConfig>;
}

/** Table-driven test: each bad case fires (on the given lines), each good case does not. */
export function ruleCases(ruleId: string, cases: RuleCases): void {
  test(`${ruleId}: bad cases fire`, () => {
    for (const c of cases.bad) {
      const [text, want] = typeof c === 'string' ? [c, undefined] : c;
      const got = lines(ruleId, text, cases.config);
      if (want) assert.deepEqual(got, want, text);
      else assert.ok(got.length > 0, `expected ${ruleId} on:\n${text}`);
    }
  });
  test(`${ruleId}: good cases stay quiet`, () => {
    for (const text of cases.good) {
      const got = findings(ruleId, text, cases.config);
      assert.deepEqual(got.map((r) => `${r.range.start.line + 1}: ${r.message.en}`), [], text);
    }
  });
}

function offsetAt(text: string, line: number, character: number): number {
  let off = 0;
  for (let l = 0; l < line; l++) {
    const nl = text.indexOf('\n', off);
    if (nl < 0) return text.length;
    off = nl + 1;
  }
  return off + character;
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  const withOffsets = edits.map((e) => ({ start: offsetAt(text, e.range.start.line, e.range.start.character), end: offsetAt(text, e.range.end.line, e.range.end.character), newText: e.newText }));
  withOffsets.sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of withOffsets) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/**
 * Apply the rule's first fix on `text`, lint again with every rule: the rule is gone and no rule
 * fires that did not fire before. Returns the fixed text.
 */
export function assertFixWorks(ruleId: string, text: string, extra: Partial<LintConfig> = {}): string {
  const config = configWith({ enabled: allRules.filter((r) => r.meta.defaultOff).map((r) => r.meta.id), ...extra });
  const before = lintText(text, config);
  const target = before.find((r) => r.rule.id === ruleId || (ruleById(ruleId)?.meta.aliases ?? []).some((a) => r.rule.aliases.includes(a)));
  assert.ok(target, `${ruleId} does not fire on:\n${text}`);
  const fix: RuleFix | undefined = target.fixes[0];
  assert.ok(fix, `${ruleId} offers no fix on:\n${text}`);
  const fixed = applyEdits(text, fix.edits);
  const after = lintText(fixed, config);
  const aliases = ruleById(ruleId)?.meta.aliases ?? [];
  assert.deepEqual(after.filter((r) => r.rule.id === ruleId || aliases.some((a) => r.rule.aliases.includes(a))).map((r) => r.message.en), [], `still fires after the fix:\n${fixed}`);
  const beforeIds = new Set(before.map((r) => r.rule.id));
  assert.deepEqual([...new Set(after.map((r) => r.rule.id))].filter((id) => !beforeIds.has(id)), [], `the fix made other rules fire:\n${fixed}`);
  return fixed;
}
