// BuildKit ExposeProtoCasing: EXPOSE protocols should be lowercase (80/tcp, not 80/TCP).
import type { Rule } from '../types';

export const exposeProtoCasing: Rule = {
  meta: {
    id: 'expose-proto-casing',
    aliases: ['ExposeProtoCasing'],
    severity: 'warning',
    source: 'buildkit',
    title: { en: 'EXPOSE protocol should be lowercase', ko: 'EXPOSE 프로토콜은 소문자로 쓰세요' },
    why: {
      en: 'Docker stores exposed ports as `80/tcp`. Writing `80/TCP` works today but is inconsistent with what `docker inspect` shows and with other tools that compare the text.',
      ko: 'Docker는 노출 포트를 `80/tcp`로 저장합니다. `80/TCP`도 지금은 동작하지만 `docker inspect` 결과와 다르고, 문자열을 비교하는 도구와 어긋납니다.',
    },
    bad: 'FROM nginx:1.27\nEXPOSE 80/TCP',
    good: 'FROM nginx:1.27\nEXPOSE 80/tcp',
  },
  check(ctx, report) {
    for (const ins of ctx.df.instructions) {
      if (ins.name !== 'EXPOSE') continue;
      for (const t of ins.args) {
        const slash = t.raw.lastIndexOf('/');
        if (slash < 0) continue;
        const proto = t.raw.slice(slash + 1);
        if (!proto || proto.includes('$') || proto === proto.toLowerCase()) continue;
        const range = { start: ins.positionAt(t.start + slash + 1), end: t.range.end };
        report({
          range,
          message: {
            en: `Protocol '${proto}' in EXPOSE ${t.raw} should be lowercase: '${proto.toLowerCase()}'.`,
            ko: `EXPOSE ${t.raw}의 프로토콜 '${proto}'은 소문자 '${proto.toLowerCase()}'로 쓰세요.`,
          },
          fixes: [{ title: { en: `Change to '${proto.toLowerCase()}'`, ko: `'${proto.toLowerCase()}'(으)로 바꾸기` }, preferred: true, edits: [{ range, newText: proto.toLowerCase() }] }],
        });
      }
    }
  },
};
