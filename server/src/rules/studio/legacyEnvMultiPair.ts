// Studio rule: legacy `ENV A x B y` meant as several variables, but only A is set (to "x B y").
import type { Rule } from '../types';
import { legacyMultiPairs } from './keyValueShapes';

export const legacyEnvMultiPair: Rule = {
  meta: {
    id: 'legacy-env-multi-pair',
    aliases: [],
    severity: 'warning',
    source: 'studio',
    title: { en: 'Legacy ENV/LABEL sets only the first key', ko: '옛 형식 ENV/LABEL은 첫 키만 설정합니다' },
    why: {
      en: 'In the legacy `ENV key value` form everything after the first space is ONE value. `ENV USER www-data GROUP www-data` sets USER to "www-data GROUP www-data" and never sets GROUP. Use `key=value` pairs to set several at once.',
      ko: '옛 `ENV key value` 형식에서는 첫 공백 뒤 전체가 하나의 값입니다. `ENV USER www-data GROUP www-data`는 USER를 "www-data GROUP www-data"로 설정하고 GROUP은 설정하지 않습니다. 여러 개를 설정하려면 `key=value` 쌍을 쓰세요.',
    },
    bad: 'FROM ubuntu:22.04\nENV APACHE_RUN_USER www-data \\\n    APACHE_RUN_GROUP www-data',
    good: 'FROM ubuntu:22.04\nENV APACHE_RUN_USER=www-data \\\n    APACHE_RUN_GROUP=www-data',
  },
  check(ctx, report) {
    for (const ins of ctx.df.instructions) {
      const pairs = legacyMultiPairs(ins);
      if (!pairs) continue;
      const multiLine = ins.startLine !== ins.textEndLine;
      const sep = multiLine ? ` ${ctx.df.escapeChar}${ctx.df.eol}    ` : ' ';
      const first = pairs[0].key.value;
      const others = pairs.slice(1).map((p) => p.key.value).join(', ');
      report({
        range: pairs[0].key.range,
        message: {
          en: `Only '${first}' is set here (to everything after it); ${others} ${pairs.length > 2 ? 'are' : 'is'} not. Write key=value pairs: ${ins.name} ${pairs.map((p) => `${p.key.raw}=${p.value.raw}`).join(' ')}.`,
          ko: `여기서는 '${first}'만 (그 뒤 전체 값으로) 설정되고 ${others}은(는) 설정되지 않습니다. key=value 쌍으로 쓰세요: ${ins.name} ${pairs.map((p) => `${p.key.raw}=${p.value.raw}`).join(' ')}.`,
        },
        fixes: [
          {
            title: { en: 'Rewrite as key=value pairs', ko: 'key=value 쌍으로 고치기' },
            preferred: true,
            edits: [{ range: ins.argsRange, newText: pairs.map((p) => `${p.key.raw}=${p.value.raw}`).join(sep) }],
          },
        ],
      });
    }
  },
};
