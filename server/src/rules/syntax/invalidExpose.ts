// EXPOSE values that are not ports: letters, bad ranges, unknown protocols.
import type { Rule } from '../types';
import { syntaxMeta } from './meta';

export const invalidExpose: Rule = {
  meta: syntaxMeta({
    id: 'invalid-expose',
    title: { en: 'Invalid EXPOSE port or protocol', ko: '잘못된 EXPOSE 포트나 프로토콜' },
    why: {
      en: 'EXPOSE takes port numbers or ranges (`80`, `8000-8010`), optionally with `/tcp`, `/udp` or `/sctp`. Anything else makes the build fail.',
      ko: 'EXPOSE에는 포트 번호나 범위(`80`, `8000-8010`)와 선택적으로 `/tcp`, `/udp`, `/sctp`를 씁니다. 그 밖의 값은 빌드를 실패시킵니다.',
    },
    bad: 'FROM nginx:1.27\nEXPOSE http',
    good: 'FROM nginx:1.27\nEXPOSE 80/tcp',
  }),
  check(ctx, report) {
    for (const ins of ctx.df.instructions) {
      if (ins.name !== 'EXPOSE') continue;
      for (const t of ins.args) {
        const v = t.value;
        // Variables are resolved at build time; host:container forms are ExposeInvalidFormat's.
        if (v.includes('$') || v.includes(':')) continue;
        const m = /^(\d+)(?:-(\d+))?(?:\/(\w*))?$/.exec(v);
        if (!m) {
          report({ range: t.range, message: { en: `'${v}' is not a port: EXPOSE takes numbers like 80 or ranges like 8000-8010.`, ko: `'${v}'은 포트가 아닙니다. EXPOSE에는 80 같은 숫자나 8000-8010 같은 범위를 씁니다.` } });
          continue;
        }
        const proto = m[3];
        if (proto !== undefined && !['tcp', 'udp', 'sctp'].includes(proto.toLowerCase())) {
          report({ range: t.range, message: { en: `'${proto}' is not a protocol EXPOSE knows: use tcp, udp or sctp.`, ko: `'${proto}'은 EXPOSE가 아는 프로토콜이 아닙니다. tcp, udp, sctp 중 하나를 쓰세요.` } });
        }
      }
    }
  },
};
