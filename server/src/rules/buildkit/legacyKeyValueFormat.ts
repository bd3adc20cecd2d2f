// BuildKit LegacyKeyValueFormat: `ENV key value` / `LABEL key value` / `ARG key value` instead of key=value.
import type { Instruction } from '../../model/types';
import { legacyMultiPairs, spacedPairs } from '../studio/keyValueShapes';
import type { Rule, RuleFix } from '../types';

/** The key=value form of a legacy one-pair ENV/LABEL, when it can be written without changing the value. */
export function legacyToKeyValue(ins: Instruction): string | undefined {
  const [key, ...rest] = ins.args;
  if (!key || rest.length === 0) return undefined;
  if (rest.length === 1) return `${key.raw}=${rest[0].raw}`;
  const raw = ins.argsText.slice(rest[0].start);
  if (/["'`\\]/.test(raw)) return undefined;
  return `${key.raw}="${raw}"`;
}

export const legacyKeyValueFormat: Rule = {
  meta: {
    id: 'legacy-key-value-format',
    aliases: ['LegacyKeyValueFormat'],
    severity: 'warning',
    source: 'buildkit',
    title: { en: 'Use key=value instead of the legacy "key value" form', ko: '옛 "key value" 형식 대신 key=value를 쓰세요' },
    why: {
      en: 'In the old `ENV key value` form everything after the first space becomes one value, so `ENV A 1 B 2` sets only A (to "1 B 2"). The `key=value` form is unambiguous and lets you set several variables in one line.',
      ko: '옛 `ENV key value` 형식은 첫 공백 뒤의 모든 것이 하나의 값이 되어 `ENV A 1 B 2`는 A 하나만("1 B 2"로) 설정합니다. `key=value` 형식은 모호하지 않고 한 줄에 여러 변수를 설정할 수 있습니다.',
    },
    bad: 'FROM alpine:3.20\nENV TZ Asia/Seoul',
    good: 'FROM alpine:3.20\nENV TZ=Asia/Seoul',
  },
  check(ctx, report) {
    for (const ins of ctx.df.instructions) {
      const target = ins.name === 'ONBUILD' ? ins.trigger : ins;
      if (!target || (target.name !== 'ENV' && target.name !== 'LABEL' && target.name !== 'ARG')) continue;
      const a = target.args;
      if (a.length < 2) continue;
      if (target.name === 'ARG') {
        if (a.length !== 2 || a.some((t) => t.raw.includes('='))) continue;
      } else if (a[0].raw.includes('=')) continue;
      // Lines the seed-note rules explain better (and fix to the same key=value result).
      if (spacedPairs(target).length || legacyMultiPairs(target)) continue;
      const kv = target.name === 'ARG' ? `${a[0].raw}=${a[1].raw}` : legacyToKeyValue(target);
      const fixes: RuleFix[] = kv ? [{ title: { en: `Change to ${target.name} ${kv}`, ko: `${target.name} ${kv}(으)로 바꾸기` }, preferred: true, edits: [{ range: target.argsRange, newText: kv }] }] : [];
      report({
        range: target.keywordRange,
        message: {
          en: `Write "${target.name} ${a[0].value}=…" instead of the legacy "${target.name} ${a[0].value} …": in the legacy form everything after the first space becomes one value.`,
          ko: `옛 형식 "${target.name} ${a[0].value} …" 대신 "${target.name} ${a[0].value}=…"로 쓰세요. 옛 형식에서는 첫 공백 뒤의 모든 것이 하나의 값이 됩니다.`,
        },
        fixes,
      });
    }
  },
};
