import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AUTOMATIC_PLATFORM_ARGS, DIRECTIVES, INSTRUCTIONS, MOUNT_TYPES, PREDEFINED_ARGS } from '../../server/src/model/syntax';
import { BUILD_ARG_DOCS, HEALTHCHECK_KEYWORDS, DIRECTIVE_DOCS, FLAG_DOCS, INSTRUCTION_DOCS, MOUNT_DOCS, SIGNATURES, buildArgDoc, directiveDoc, flagDoc, instructionDoc, mountKeyDoc, mountTypeDoc, type Text } from '../../server/src/docs';

const HANGUL = /[\uac00-\ud7a3]/;

function assertText(t: Text | undefined, where: string): void {
  assert.ok(t, `${where}: missing`);
  assert.ok(t.en.trim().length > 10, `${where}: empty en`);
  assert.ok(t.ko.trim().length > 5, `${where}: empty ko`);
  assert.ok(!HANGUL.test(t.en), `${where}: en contains Korean`);
  assert.ok(HANGUL.test(t.ko), `${where}: ko is not Korean: ${t.ko}`);
}

test('every instruction of syntax.ts has an en/ko doc with syntax, example and pitfalls', () => {
  for (const spec of INSTRUCTIONS) {
    const d = instructionDoc(spec.name);
    assertText(d?.summary, spec.name);
    assert.ok(d!.syntax.length > 0 && d!.syntax.every((s) => s.startsWith(spec.name)), `${spec.name}: syntax`);
    assert.ok(d!.example.trim().length > 0, `${spec.name}: example`);
    assert.ok(d!.pitfalls.length > 0, `${spec.name}: pitfalls`);
    d!.pitfalls.forEach((p, i) => assertText(p, `${spec.name} pitfall ${i}`));
    assert.ok(SIGNATURES[spec.name]?.length, `${spec.name}: signature`);
  }
  assert.deepEqual(Object.keys(INSTRUCTION_DOCS).sort(), INSTRUCTIONS.map((i) => i.name).sort(), 'no docs for unknown instructions');
  assert.deepEqual(Object.keys(SIGNATURES).sort(), INSTRUCTIONS.map((i) => i.name).sort());
});

test('every flag of every instruction has a doc, and no doc is for a flag syntax.ts lacks', () => {
  let count = 0;
  for (const spec of INSTRUCTIONS) {
    for (const f of spec.flags) {
      const d = flagDoc(spec.name, f.name);
      assertText(d?.summary, `${spec.name} --${f.name}`);
      assert.ok(d!.syntax.startsWith(`--${f.name}`), `${spec.name} --${f.name}: syntax`);
      assert.ok(d!.example.trim().length > 0);
      d!.pitfalls?.forEach((p, i) => assertText(p, `${spec.name} --${f.name} pitfall ${i}`));
      count++;
    }
    assert.deepEqual(Object.keys(FLAG_DOCS[spec.name] ?? {}).sort(), spec.flags.map((f) => f.name).sort(), spec.name);
  }
  assert.ok(count >= 22, `only ${count} flags`);
});

test('every mount type and each of its keys has a doc; aliases resolve', () => {
  for (const m of MOUNT_TYPES) {
    const d = mountTypeDoc(m.type);
    assertText(d?.summary, `mount ${m.type}`);
    assert.ok(d!.example.includes(`type=${m.type}`), `mount ${m.type}: example`);
    for (const k of m.keys) assertText(mountKeyDoc(m.type, k.name), `mount ${m.type} ${k.name}`);
    assert.deepEqual(Object.keys(d!.keys).sort(), m.keys.map((k) => k.name).sort(), `mount ${m.type} keys`);
    assertText(mountKeyDoc(m.type, 'type'), 'type key');
  }
  assert.deepEqual(Object.keys(MOUNT_DOCS).sort(), MOUNT_TYPES.map((m) => m.type).sort());
  assert.equal(mountKeyDoc('bind', 'dst'), mountKeyDoc('bind', 'target'));
  assert.equal(mountKeyDoc('bind', 'src'), mountKeyDoc('bind', 'source'));
});

test('every parser directive and automatic build arg has a doc', () => {
  for (const d of DIRECTIVES) {
    const doc = directiveDoc(d.name);
    assertText(doc?.summary, `directive ${d.name}`);
    assert.ok(doc!.example.includes(`# ${d.name}=`), `directive ${d.name}: example`);
  }
  assert.deepEqual(Object.keys(DIRECTIVE_DOCS).sort(), DIRECTIVES.map((d) => d.name).sort());
  for (const a of AUTOMATIC_PLATFORM_ARGS) assertText(buildArgDoc(a), `arg ${a}`);
  assert.deepEqual(Object.keys(BUILD_ARG_DOCS).sort(), [...AUTOMATIC_PLATFORM_ARGS].sort());
  for (const a of PREDEFINED_ARGS) assertText(buildArgDoc(a), `arg ${a}`);
  assert.equal(buildArgDoc('MY_OWN'), undefined);
});

test('no copy-paste duplicates: distinct entries never share a text, and en differs from ko', () => {
  // Entries shared on purpose (COPY and ADD --chown) are the same object and count once.
  const seen = new Set<Text>();
  const collect = (t: Text | undefined): void => {
    if (t) seen.add(t);
  };
  for (const d of Object.values(INSTRUCTION_DOCS)) {
    collect(d.summary);
    d.pitfalls.forEach(collect);
    collect(d.details);
  }
  for (const flags of Object.values(FLAG_DOCS)) for (const d of Object.values(flags)) {
    collect(d.summary);
    d.pitfalls?.forEach(collect);
  }
  for (const d of Object.values(MOUNT_DOCS)) {
    collect(d.summary);
    d.pitfalls?.forEach(collect);
    Object.values(d.keys).forEach(collect);
  }
  for (const d of Object.values(DIRECTIVE_DOCS)) {
    collect(d.summary);
    d.pitfalls?.forEach(collect);
  }
  Object.values(BUILD_ARG_DOCS).forEach(collect);
  Object.values(HEALTHCHECK_KEYWORDS).forEach(collect);
  for (const lang of ['en', 'ko'] as const) {
    const byText = new Map<string, number>();
    for (const t of seen) byText.set(t[lang], (byText.get(t[lang]) ?? 0) + 1);
    const dups = [...byText].filter(([, n]) => n > 1).map(([s]) => s);
    assert.deepEqual(dups, [], `${lang} duplicates`);
  }
  for (const t of seen) assert.notEqual(t.en, t.ko);
  assert.ok(seen.size > 150, `only ${seen.size} texts`);
});

test('the pitfalls the seed notes teach are covered', () => {
  const all = (name: string, lang: 'en' | 'ko') => {
    const d = INSTRUCTION_DOCS[name];
    return [d.summary[lang], ...d.pitfalls.map((p) => p[lang]), d.details?.[lang] ?? ''].join('\n');
  };
  assert.match(all('RUN', 'en'), /RUN vs CMD/);
  assert.match(all('RUN', 'ko'), /RUN과 CMD/);
  assert.match(all('RUN', 'en'), /&&/);
  assert.match(all('RUN', 'en'), /-y/);
  assert.match(all('CMD', 'en'), /Only the \*\*last\*\* CMD/);
  assert.match(all('CMD', 'ko'), /마지막/);
  assert.match(all('ENTRYPOINT', 'en'), /e1 p1 c1 p2/);
  assert.match(all('CMD', 'en'), /PID 1/);
  assert.match(all('ADD', 'en'), /ADD vs COPY/);
  assert.match(all('ADD', 'ko'), /자동으로 압축이 풀립니다/);
  assert.match(all('ARG', 'en'), /docker history/);
  assert.match(all('ARG', 'ko'), /docker history/);
  assert.match(all('ENV', 'en'), /persists into the container/);
  assert.match(all('EXPOSE', 'en'), /-p host:container/);
  assert.match(all('WORKDIR', 'en'), /created/);
  assert.match(all('HEALTHCHECK', 'en'), /unhealthy/);
  assert.match(all('SHELL', 'en'), /Windows/);
  assert.match(all('COPY', 'ko'), /빌드 컨텍스트/);
});
