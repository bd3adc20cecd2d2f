// BuildKit FromAsCasing: the AS keyword should use the same case as FROM.
import type { Rule } from '../types';

export const fromAsCasing: Rule = {
  meta: {
    id: 'from-as-casing',
    aliases: ['FromAsCasing'],
    severity: 'warning',
    source: 'buildkit',
    title: { en: "'AS' should match the casing of 'FROM'", ko: "'AS'는 'FROM'과 같은 대소문자로 쓰세요" },
    why: {
      en: 'Keywords in one line written in different cases (`FROM … as …`) are harder to read; BuildKit asks for `FROM … AS …` or `from … as …`.',
      ko: '한 줄 안에서 키워드의 대소문자가 섞이면(`FROM … as …`) 읽기 어렵습니다. BuildKit은 `FROM … AS …` 또는 `from … as …`를 권합니다.',
    },
    bad: 'FROM alpine:3.20 as build',
    good: 'FROM alpine:3.20 AS build',
  },
  check(ctx, report) {
    for (const stage of ctx.df.stages) {
      const from = stage.from;
      const as = from.args[1];
      if (!as || from.args.length < 3 || as.value.toUpperCase() !== 'AS') continue;
      const kw = from.keyword;
      const want = kw === kw.toUpperCase() ? 'AS' : kw === kw.toLowerCase() ? 'as' : undefined;
      if (!want || as.raw === want) continue;
      report({
        range: as.range,
        message: {
          en: `'${as.raw}' should match the casing of '${kw}': write '${want}'.`,
          ko: `'${as.raw}'는 '${kw}'와 같은 대소문자로 '${want}'라고 쓰세요.`,
        },
        fixes: [{ title: { en: `Change to '${want}'`, ko: `'${want}'(으)로 바꾸기` }, preferred: true, edits: [{ range: as.range, newText: want }] }],
      });
    }
  },
};
