// Studio rule: a `--flag` the instruction does not have, with the closest valid flag.
import { instructionSpec } from '../../model/syntax';
import type { Instruction } from '../../model/types';
import { closest } from '../closest';
import type { Finding, Rule } from '../types';

export function unknownFlags(ins: Instruction): Finding[] {
  const spec = instructionSpec(ins.name);
  if (!spec) return [];
  const out: Finding[] = [];
  for (const f of ins.flags) {
    if (spec.flags.some((s) => s.name === f.name)) continue;
    const names = spec.flags.map((s) => s.name);
    const suggestion = f.name ? closest(f.name, names, { ignoreCase: true, maxDistance: Math.max(1, Math.min(3, Math.floor(f.name.length / 2))) }) : undefined;
    const valid = names.length ? names.map((n) => `--${n}`).join(', ') : undefined;
    out.push({
      range: f.nameRange,
      message: {
        en: `${ins.name} has no flag '--${f.name}'${suggestion ? `: did you mean --${suggestion}?` : '.'}${valid ? ` Its flags are ${valid}.` : ` ${ins.name} takes no flags.`}`,
        ko: `${ins.name}에는 '--${f.name}' 플래그가 없습니다${suggestion ? `. --${suggestion}을(를) 말씀하신 건가요?` : '.'}${valid ? ` 쓸 수 있는 플래그: ${valid}.` : ` ${ins.name}은 플래그를 받지 않습니다.`}`,
      },
      fixes: suggestion ? [{ title: { en: `Change to --${suggestion}`, ko: `--${suggestion}(으)로 바꾸기` }, preferred: true, edits: [{ range: f.nameRange, newText: `--${suggestion}` }] }] : [],
    });
  }
  return out;
}

export const unknownFlag: Rule = {
  meta: {
    id: 'unknown-flag',
    aliases: [],
    severity: 'error',
    source: 'studio',
    title: { en: 'Unknown flag', ko: '알 수 없는 플래그' },
    why: {
      en: 'Docker rejects a flag the instruction does not know (`COPY --form=build` instead of `--from=build`), and the build stops with "unknown flag".',
      ko: 'Docker는 명령어가 모르는 플래그(`--from=build` 대신 `COPY --form=build`)를 거부하고 "unknown flag"로 빌드를 멈춥니다.',
    },
    bad: 'FROM alpine:3.20 AS build\nFROM alpine:3.20\nCOPY --form=build /out /out',
    good: 'FROM alpine:3.20 AS build\nFROM alpine:3.20\nCOPY --from=build /out /out',
  },
  check(ctx, report) {
    for (const ins of ctx.df.instructions) {
      if (ins.name === 'CMD' || ins.name === 'ENTRYPOINT' || ins.name === 'SHELL') continue;
      for (const f of unknownFlags(ins)) report(f);
      if (ins.trigger && ins.trigger.name !== 'CMD' && ins.trigger.name !== 'ENTRYPOINT') for (const f of unknownFlags(ins.trigger)) report(f);
    }
  },
};
