// hadolint configuration and pragma behaviour the hadolint rules depend on: `# hadolint stage
// ignore=`, pragmas naming unknown rules, opt-in rules switched on by a severity override, the
// catalogue of codes, and hadolint's default severities.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hadolintRules } from '../../server/src/rules/hadolint/index';
import { fromHadolintYaml } from '../../server/src/rules/config';
import { configWith, lintText } from '../helpers/lintHelpers';

const codes = (text: string, extra = {}): string[] => lintText(text, configWith(extra)).flatMap((r) => r.rule.aliases.filter((a) => /^DL\d{4}$/.test(a)));

test('every hadolint DL rule of the suite exists once, with a kebab-case id and a DL alias', () => {
  const want = ['DL1001', ...Array.from({ length: 68 }, (_, i) => `DL${3000 + i}`).filter((c) => !['DL3005', 'DL3017', 'DL3031', 'DL3039'].includes(c)), 'DL4000', 'DL4001', 'DL4003', 'DL4004', 'DL4005', 'DL4006'];
  const have = hadolintRules.map((r) => r.meta.aliases.find((a) => /^DL\d{4}$/.test(a)));
  assert.deepEqual([...have].sort(), [...want].sort());
  for (const r of hadolintRules) assert.match(r.meta.id, /^[a-z]+(-[a-z0-9]+)*$/);
});

test('default severities follow hadolint (style becomes hint, ignore-level rules are opt-in)', () => {
  const sev = (code: string) => hadolintRules.find((r) => r.meta.aliases.includes(code))?.meta;
  assert.equal(sev('DL3048')?.severity, 'hint');
  assert.equal(sev('DL3000')?.severity, 'error');
  assert.equal(sev('DL3008')?.severity, 'warning');
  assert.equal(sev('DL3009')?.severity, 'info');
  assert.equal(sev('DL3057')?.defaultOff, true);
  assert.equal(sev('DL1001')?.defaultOff, true);
});

test('# hadolint stage ignore= silences a rule for the stage below it only', () => {
  const text = '# hadolint stage ignore=DL3011\nFROM nginx:1.27\nEXPOSE 70000\nFROM nginx:1.27\nEXPOSE 70001\n';
  assert.deepEqual(lintText(text).filter((r) => r.rule.aliases.includes('DL3011')).map((r) => r.range.start.line + 1), [5]);
});

test('a hadolint ignore pragma that names an unknown rule is ignored as a whole, like hadolint does', () => {
  assert.ok(codes('FROM nginx:1.27\n# hadolint ignore=typo,DL3002\nUSER root\n').includes('DL3002'));
  assert.ok(!codes('FROM nginx:1.27\n# hadolint ignore=DL3066,DL3002\nUSER root\n').includes('DL3002'));
  // Our ids are known names too.
  assert.ok(!codes('FROM nginx:1.27\n# hadolint ignore=last-user-not-root\nUSER root\n').includes('DL3002'));
});

test('an opt-in rule given a severity in `override` is switched on', () => {
  assert.ok(!codes('FROM nginx:1.27\n').includes('DL3057'));
  const config = fromHadolintYaml({ override: { warning: ['DL3057'] } }, configWith());
  const results = lintText('FROM nginx:1.27\n', config).filter((r) => r.rule.aliases.includes('DL3057'));
  assert.equal(results.length, 1);
  assert.equal(results[0].severity, 'warning');
});

test('trustedRegistries and label-schema come from .hadolint.yaml keys', () => {
  const config = fromHadolintYaml({ trustedRegistries: ['registry.acme.dev'], 'label-schema': { owner: 'email' }, 'strict-labels': true }, configWith());
  const got = lintText('FROM quay.io/x/y:1\nLABEL owner="nobody" extra="1"\n', config).flatMap((r) => r.rule.aliases.filter((a) => /^DL/.test(a)));
  for (const code of ['DL3026', 'DL3058', 'DL3050']) assert.ok(got.includes(code), `${code} in ${got.join(' ')}`);
});
