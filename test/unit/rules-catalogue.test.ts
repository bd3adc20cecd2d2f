// Every rule of the catalogue: a unique kebab-case id, texts in both languages, and a doc whose
// `bad` example triggers the rule while its `good` example does not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDockerfile } from '../../server/src/model/parser';
import { allRules } from '../../server/src/rules/index';
import { lint } from '../../server/src/rules/engine';
import { defaultConfig, type LintConfig } from '../../server/src/rules/config';

/** Config a rule needs before its examples mean anything (opt-in rules, hadolint settings). */
function configFor(id: string, aliases: string[]): LintConfig {
  const c = defaultConfig();
  c.enabled = [id];
  c.shellcheck = false;
  if (aliases.includes('DL3026')) c.trustedRegistries = ['docker.io'];
  if (aliases.some((a) => /^DL30(4[89]|5\d)$/.test(a))) c.labelSchema = { author: 'text', version: 'semver', url: 'url', created: 'rfc3339', hash: 'hash', email: 'email', spdx: 'spdx' };
  if (aliases.some((a) => /^DL30(4[89]|5\d)$/.test(a))) c.strictLabels = true;
  // CopyIgnoredFile needs the build context's .dockerignore.
  if (aliases.includes('CopyIgnoredFile')) c.dockerignore = ['.env', '*.log', 'node_modules'];
  return c;
}

test('rule ids are unique, kebab-case, and every text exists in English and Korean', () => {
  const seen = new Set<string>();
  for (const { meta } of allRules) {
    assert.match(meta.id, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, meta.id);
    assert.ok(!seen.has(meta.id), `duplicate id ${meta.id}`);
    seen.add(meta.id);
    for (const key of ['title', 'why'] as const) {
      assert.ok(meta[key].en.trim().length > 0, `${meta.id} ${key}.en`);
      assert.ok(meta[key].ko.trim().length > 0, `${meta.id} ${key}.ko`);
      assert.match(meta[key].ko, /[\uac00-\ud7a3]/, `${meta.id} ${key}.ko has no Hangul`);
    }
    assert.ok(meta.bad.trim() && meta.good.trim(), `${meta.id} needs bad and good examples`);
  }
});

test('every rule fires on its bad example and not on its good one', () => {
  const problems: string[] = [];
  for (const rule of allRules) {
    const { meta } = rule;
    if (meta.source === 'shellcheck') continue;
    const config = configFor(meta.id, meta.aliases);
    const fired = (text: string) => lint(parseDockerfile(text), config, { rules: [rule] }).length > 0;
    if (!fired(meta.bad)) problems.push(`${meta.id}: bad example does not fire`);
    if (fired(meta.good)) problems.push(`${meta.id}: good example fires`);
  }
  assert.deepEqual(problems, []);
});

test('docs/RULES.md is the committed output of the generator (run npm run gen:docs)', async () => {
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { renderRulesDoc } = await import('../../scripts/gen-rules-doc');
  assert.equal(readFileSync(join(__dirname, '..', '..', 'docs', 'RULES.md'), 'utf8'), renderRulesDoc());
});
