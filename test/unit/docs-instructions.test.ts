import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { instructionsMarkdown } from '../../server/src/docs/markdown';
import { renderBuildArg, renderDirective, renderFlag, renderInstruction, renderMountKey, renderMountType } from '../../server/src/docs/render';
import { DIRECTIVES, INSTRUCTIONS, MOUNT_TYPES } from '../../server/src/model/syntax';

test('docs/INSTRUCTIONS.md is the committed output of the generator (run npm run gen:docs)', () => {
  const committed = readFileSync(join(__dirname, '..', '..', 'docs', 'INSTRUCTIONS.md'), 'utf8');
  assert.equal(committed, instructionsMarkdown());
});

test('the generated page has every instruction, flag, mount type and directive in both languages', () => {
  const md = instructionsMarkdown();
  const [en, ko] = md.split('\n## 한국어\n');
  assert.ok(en.includes('\n## English\n') && ko, 'two language sections');
  for (const part of [en, ko]) {
    for (const spec of INSTRUCTIONS) {
      assert.ok(part.includes(`\n#### ${spec.name}\n`), spec.name);
      for (const f of spec.flags) assert.ok(part.includes(`\n##### --${f.name} (`), `${spec.name} --${f.name}`);
    }
    for (const m of MOUNT_TYPES) assert.ok(part.includes(`\n##### --mount=type=${m.type} (`), m.type);
    for (const d of DIRECTIVES) assert.ok(part.includes(`\n#### # ${d.name}= (`), d.name);
    assert.ok(part.includes('`TARGETPLATFORM` — '));
  }
  assert.match(ko, /주의할 점/);
  assert.doesNotMatch(en, /주의할 점/);
});

test('rendered Markdown follows the locale and keeps code blocks closed', () => {
  for (const locale of ['en', 'ko'] as const) {
    const parts = [
      ...INSTRUCTIONS.map((i) => renderInstruction(i.name, locale)),
      ...INSTRUCTIONS.flatMap((i) => i.flags.map((f) => renderFlag(i.name, f.name, locale))),
      ...MOUNT_TYPES.map((m) => renderMountType(m.type, locale)),
      ...MOUNT_TYPES.flatMap((m) => m.keys.map((k) => renderMountKey(m.type, k.name, locale))),
      ...DIRECTIVES.map((d) => renderDirective(d.name, locale)),
      renderBuildArg('TARGETARCH', locale),
    ];
    for (const p of parts) {
      assert.ok(p && p.length > 20);
      assert.equal((p.match(/```/g) ?? []).length % 2, 0, p);
    }
  }
  assert.match(renderInstruction('CMD', 'en')!, /\| `CMD \["c1", "p2"\]` \(exec\) \| `c1 p2` \|/);
  assert.match(renderInstruction('ENTRYPOINT', 'ko')!, /CMD 무시/);
  assert.equal(renderInstruction('NOPE', 'en'), undefined);
  assert.equal(renderFlag('COPY', 'nope', 'en'), undefined);
  assert.equal(renderMountKey('cache', 'nonexistent', 'en'), undefined);
  assert.match(renderMountKey('bind', 'dst', 'en')!, /Required/);
});
