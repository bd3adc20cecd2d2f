// Lint helpers for the hadolint and ShellCheck tests. The general pieces (lint a text, table-driven
// good/bad cases, apply a fix's edits and re-lint) live in ruleTestKit and are re-exported here;
// this adds what the hadolint tests need on top: lookup by hadolint code, ONBUILD variants, and
// linting with ShellCheck findings merged in.
import assert from 'node:assert/strict';
import { parseDockerfile } from '../../server/src/model/parser';
import { lint, type ExternalFinding } from '../../server/src/rules/engine';
import { rulesByName } from '../../server/src/rules/index';
import type { LintConfig } from '../../server/src/rules/config';
import type { LintResult } from '../../server/src/rules/types';
import { configWith } from './ruleTestKit';

export { applyEdits, assertFixWorks, configWith, findings, lines, lintText, ruleCases, type RuleCases } from './ruleTestKit';

/** Our rule id for a hadolint code (DL3008 → apt-get-pin-versions). */
export function idOf(code: string): string {
  const rules = rulesByName(code).filter((r) => r.meta.source === 'hadolint');
  assert.equal(rules.length, 1, `exactly one hadolint rule for ${code}`);
  return rules[0].meta.id;
}

/** The same text with every RUN written as an ONBUILD RUN trigger. */
export function asOnbuild(text: string): string {
  return text.replace(/^RUN /gm, 'ONBUILD RUN ');
}

/** Lint with every rule plus external (ShellCheck) findings; the codes/ids that fired. */
export function lintWithExternal(text: string, external: ExternalFinding[], extra: Partial<LintConfig> = {}): LintResult[] {
  return lint(parseDockerfile(text), configWith(extra), { external });
}
