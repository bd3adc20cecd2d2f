// BuildKit ReservedStageName: `scratch` and `context` cannot name a stage.
import type { Rule } from '../types';

const RESERVED = new Set(['scratch', 'context']);

export const reservedStageName: Rule = {
  meta: {
    id: 'buildkit-reserved-stage-name',
    aliases: ['ReservedStageName'],
    sameProblemAs: ['DL3063'],
    severity: 'warning',
    source: 'buildkit',
    title: { en: 'Reserved word used as a stage name', ko: '예약어를 스테이지 이름으로 썼습니다' },
    why: {
      en: '`scratch` already means "the empty image" and `context` means the build context, so a stage with one of these names cannot be referred to reliably.',
      ko: '`scratch`는 이미 "빈 이미지"를, `context`는 빌드 컨텍스트를 뜻합니다. 이런 이름의 스테이지는 제대로 가리킬 수 없습니다.',
    },
    bad: 'FROM alpine:3.20 AS scratch',
    good: 'FROM alpine:3.20 AS base',
  },
  check(ctx, report) {
    for (const stage of ctx.df.stages) {
      if (!stage.name || !stage.nameRange || !RESERVED.has(stage.name.toLowerCase())) continue;
      report({
        range: stage.nameRange,
        message: {
          en: `'${stage.name}' is a reserved word and should not name a stage: pick another name.`,
          ko: `'${stage.name}'은 예약어라 스테이지 이름으로 쓰면 안 됩니다. 다른 이름을 고르세요.`,
        },
      });
    }
  },
};
