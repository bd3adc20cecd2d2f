// Studio rule: `LABEL key = value` / `ENV key = value` — spaces around the equals sign.
import type { Rule } from '../types';
import { spacedPairs } from './keyValueShapes';

export const spacesAroundEquals: Rule = {
  meta: {
    id: 'spaces-around-equals',
    aliases: [],
    severity: 'warning',
    source: 'studio',
    title: { en: 'Spaces around = in ENV/LABEL/ARG', ko: 'ENV/LABEL/ARG의 = 앞뒤 공백' },
    why: {
      en: '`key = value` is not a key/value pair to Docker: with spaces it is read as the legacy form, so the key gets the value "= value" (or the line is rejected). Write `key=value` with no spaces; quote values that contain spaces.',
      ko: 'Docker에게 `key = value`는 key/value 쌍이 아닙니다. 공백이 있으면 옛 형식으로 읽혀 키의 값이 "= value"가 되거나 줄이 거부됩니다. 공백 없이 `key=value`로 쓰고, 공백이 든 값은 따옴표로 감싸세요.',
    },
    bad: "FROM nginx:1.27\nLABEL purpose = 'web server'",
    good: "FROM nginx:1.27\nLABEL purpose='web server'",
  },
  check(ctx, report) {
    for (const ins of ctx.df.instructions) {
      const found = spacedPairs(ins);
      for (const p of found) {
        report({
          range: p.range,
          message: {
            en: `Remove the spaces around '=': write ${p.replacement}. With spaces, Docker does not read '${p.key.value}' as a key/value pair.`,
            ko: `'=' 앞뒤 공백을 지우고 ${p.replacement}로 쓰세요. 공백이 있으면 Docker는 '${p.key.value}'를 key/value 쌍으로 읽지 않습니다.`,
          },
          fixes: [{ title: { en: `Change to ${p.replacement}`, ko: `${p.replacement}(으)로 바꾸기` }, preferred: true, edits: found.map((q) => ({ range: q.range, newText: q.replacement })) }],
        });
      }
    }
  },
};
