import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseDockerfile } from '../../server/src/model/parser';
import type { Dockerfile } from '../../server/src/model/types';

/** The model as plain data (functions dropped, ranges computed, positionAt sampled), for deep comparison. */
function snapshot(df: Dockerfile): unknown {
  const seen = new WeakSet<object>();
  const plain = (v: unknown): unknown => {
    if (v instanceof Set) return [...v].sort((a, b) => a - b);
    if (Array.isArray(v)) return v.map(plain);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      if (seen.has(v) && 'positionAt' in v) return `instruction#${String((v as unknown as { index: number }).index)}`;
      seen.add(v);
      for (const [k, x] of Object.entries(v)) {
        if (typeof x === 'function') continue;
        out[k] = plain(x);
      }
      // Words, flags and variables compute their ranges on demand (getters on the prototype).
      for (const k of ['range', 'nameRange', 'valueRange']) if (k in v && !(k in out)) out[k] = plain((v as Record<string, unknown>)[k]);
      if ('positionAt' in v && 'argsText' in v) {
        const ins = v as { positionAt(o: number): unknown; argsText: string };
        out.positions = [0, ins.argsText.length >> 1, ins.argsText.length].map((o) => ins.positionAt(o));
      }
      return out;
    }
    return v;
  };
  return plain(df);
}

/** A small deterministic PRNG, so a failure names an edit that can be replayed. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const INSERTS = ['x', ' ', '\n', '\\\n', '\\', '"', "'", '$', '${A}', '<<EOF\n', 'EOF\n', '\nFROM alpine AS s2\n', '\n# escape=`\n', 'ONBUILD RUN a\n', '#', '--mount=type=cache,target=/x ', '\r\n'];

function randomEdit(text: string, rnd: () => number): string {
  const at = Math.floor(rnd() * (text.length + 1));
  if (rnd() < 0.3 && text.length > 0) {
    const len = 1 + Math.floor(rnd() * 12);
    return text.slice(0, at) + text.slice(at + len);
  }
  return text.slice(0, at) + INSERTS[Math.floor(rnd() * INSERTS.length)] + text.slice(at);
}

const SAMPLES = [
  '# syntax=docker/dockerfile:1\nARG BASE=alpine\nFROM ${BASE} AS build\nRUN apk add \\\n  # inside\n  curl\n\nRUN <<EOF\nset -e\necho hi\nEOF\nCOPY --from=build /a /b\nFROM scratch\nONBUILD RUN make\nENV A=1 B="two words"\nCMD ["x"]\n',
  '# escape=`\nFROM mcr.microsoft.com/windows\nRUN dir `\n  c:\\\nCOPY a b\n',
  'FROM a\nRUN <<-EOT bash\n\techo one\n\tEOT\nRUN cat <<A <<B\na\nA\nb\nB\nLABEL x=y\n',
  'FROM a\nRUN <<EOF\nnever closed',
  'FROM a AS one\nFROM one AS two\nFROM two\nUSER 1\nHEALTHCHECK --interval=5s CMD true\n',
];

function sampleTexts(): string[] {
  const texts = [...SAMPLES];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/Dockerfile|Containerfile/.test(name)) texts.push(readFileSync(p, 'utf8'));
    }
  };
  walk(join(__dirname, '../../examples'));
  return texts;
}

test('parsing with the previous version gives exactly the model a fresh parse gives, over random edits', () => {
  const rnd = prng(42);
  let checked = 0;
  for (const original of sampleTexts()) {
    let text = original;
    let model = parseDockerfile(text);
    for (let step = 0; step < 150; step++) {
      const next = randomEdit(text, rnd);
      const incremental = parseDockerfile(next, model);
      assert.deepEqual(snapshot(incremental), snapshot(parseDockerfile(next)), `edit ${step} of ${JSON.stringify(original.slice(0, 40))}:\n${JSON.stringify(next)}`);
      text = next;
      model = incremental;
      checked++;
    }
  }
  assert.ok(checked >= 150 * SAMPLES.length);
});

test('an edit inside one line keeps every other instruction object and rebuilds only that one', () => {
  const text = 'FROM alpine\nRUN echo one\nRUN echo two\nCOPY a b\n';
  const before = parseDockerfile(text);
  const after = parseDockerfile(text.replace('echo two', 'echo twoo'), before);
  assert.equal(after.instructions[0], before.instructions[0]);
  assert.equal(after.instructions[1], before.instructions[1]);
  assert.notEqual(after.instructions[2], before.instructions[2]);
  assert.equal(after.instructions[2].argsText, 'echo twoo');
  assert.equal(after.instructions[3], before.instructions[3]);
  assert.equal(after.stages[0].instructions[2], after.instructions[3]);
});

test('instructions after an inserted line are parsed again (their lines moved)', () => {
  const text = 'FROM alpine\nRUN echo one\nRUN echo two\n';
  const before = parseDockerfile(text);
  const after = parseDockerfile(text.replace('RUN echo one\n', 'RUN echo one\n\n'), before);
  assert.equal(after.instructions[1], before.instructions[1]);
  assert.notEqual(after.instructions[2], before.instructions[2]);
  assert.equal(after.instructions[2].startLine, 3);
});

test('a new FROM, a changed escape directive or a heredoc reaching further are never served from the old model', () => {
  const text = 'FROM a\nRUN echo one\nRUN <<EOF\nx\nEOF\nRUN echo two\n';
  const before = parseDockerfile(text);
  const staged = parseDockerfile(text.replace('RUN echo one', 'FROM b'), before);
  assert.equal(staged.instructions[3].stageIndex, 1);
  assert.notEqual(staged.instructions[3], before.instructions[3]);
  const escaped = parseDockerfile('# escape=`\n' + text.slice(text.indexOf('\n') + 1), before);
  assert.equal(escaped.escapeChar, '`');
  const unclosed = parseDockerfile(text.replace('EOF\nRUN', 'EOX\nRUN'), before);
  assert.equal(unclosed.instructions.length, 3);
  assert.equal(unclosed.instructions[2].heredocs[0].endLine, undefined);
  // An unterminated heredoc swallows lines typed after it, though its own lines did not change.
  const open = parseDockerfile('FROM a\nRUN <<EOF\nbody');
  const grown = parseDockerfile('FROM a\nRUN <<EOF\nbody\nmore', open);
  assert.equal(grown.instructions[1].heredocs[0].body, 'body\nmore');
});

test('instructions kept across versions do not keep old versions of the document alive', () => {
  // V8 keeps a slice's whole parent string alive: a reused instruction holding slices of the text
  // it was parsed from would pin one copy of the document per edited instruction.
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const heap = (): number => {
    gc();
    gc();
    return process.memoryUsage().heapUsed;
  };
  const lines = ['FROM debian:12'];
  for (let i = 0; i < 3000; i++) lines.push(`RUN echo step-${i} && apt-get install -y --no-install-recommends package-number-${i}`);
  let text = lines.join('\n');
  const before = heap();
  let model = parseDockerfile(text);
  const fresh = heap() - before;
  for (let k = 0; k < 150; k++) {
    const line = 1 + ((k * 997) % 3000);
    lines[line] = lines[line].replace('RUN echo', 'RUN  echo');
    text = lines.join('\n');
    model = parseDockerfile(text, model);
  }
  const retained = heap() - before;
  assert.equal(model.instructions.length, 3001);
  // 150 pinned versions of this ~240 KB text would be ~36 MB; the model itself is a few MB.
  assert.ok(retained < fresh * 2 + 4 * 1024 * 1024, `model ${(fresh / 1048576).toFixed(1)} MB fresh, ${(retained / 1048576).toFixed(1)} MB after 150 edits`);
});
