// MAINTAINER is deprecated: the author belongs in a label (hadolint DL4000, BuildKit MaintainerDeprecated).
import type { Rule } from '../types';

export const maintainerDeprecated: Rule = {
  meta: {
    id: 'maintainer-deprecated',
    aliases: ['DL4000', 'MaintainerDeprecated'],
    severity: 'warning',
    source: 'hadolint',
    title: { en: 'MAINTAINER is deprecated', ko: 'MAINTAINER는 더 이상 쓰지 않습니다' },
    why: {
      en: 'MAINTAINER was replaced by labels: tools read the author from the `org.opencontainers.image.authors` label, and MAINTAINER may stop working in a future Docker.',
      ko: 'MAINTAINER는 레이블로 대체되었습니다. 도구들은 작성자를 `org.opencontainers.image.authors` 레이블에서 읽고, MAINTAINER는 앞으로의 Docker에서 동작하지 않을 수 있습니다.',
    },
    bad: 'FROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>',
    good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"',
  },
  check(ctx, report) {
    for (const ins of ctx.df.instructions) {
      if (ins.name !== 'MAINTAINER') continue;
      const author = ins.argsText.replace(/"/g, '\\"');
      report({
        range: ins.keywordRange,
        message: {
          en: 'MAINTAINER is deprecated: put the author in a label, e.g. LABEL org.opencontainers.image.authors="…".',
          ko: 'MAINTAINER는 더 이상 쓰지 않습니다. 작성자는 LABEL org.opencontainers.image.authors="…" 처럼 레이블에 적으세요.',
        },
        fixes: [
          {
            title: { en: 'Replace with LABEL org.opencontainers.image.authors', ko: 'LABEL org.opencontainers.image.authors로 바꾸기' },
            preferred: true,
            edits: [{ range: { start: ins.keywordRange.start, end: ins.argsRange.end }, newText: `LABEL org.opencontainers.image.authors="${author}"` }],
          },
        ],
      });
    }
  },
};
