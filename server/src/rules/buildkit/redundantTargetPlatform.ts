// BuildKit RedundantTargetPlatform: `--platform=$TARGETPLATFORM` is what FROM does anyway.
import type { Rule } from '../types';

export const redundantTargetPlatform: Rule = {
  meta: {
    id: 'buildkit-redundant-target-platform',
    aliases: ['RedundantTargetPlatform'],
    sameProblemAs: ['DL3065'],
    severity: 'warning',
    source: 'buildkit',
    title: { en: 'Redundant --platform=$TARGETPLATFORM', ko: '불필요한 --platform=$TARGETPLATFORM' },
    why: {
      en: 'FROM already pulls the image for the target platform, so `--platform=$TARGETPLATFORM` changes nothing and only adds noise.',
      ko: 'FROM은 이미 대상 플랫폼용 이미지를 받으므로 `--platform=$TARGETPLATFORM`은 아무것도 바꾸지 않고 읽기만 어렵게 합니다.',
    },
    bad: 'FROM --platform=$TARGETPLATFORM alpine:3.20',
    good: 'FROM alpine:3.20',
  },
  check(ctx, report) {
    for (const stage of ctx.df.stages) {
      const from = stage.from;
      const flag = from.flags.find((f) => f.name === 'platform');
      if (!flag || (flag.value !== '$TARGETPLATFORM' && flag.value !== '${TARGETPLATFORM}')) continue;
      const next = from.tokens[from.tokens.indexOf(flag.token) + 1];
      report({
        range: flag.range,
        message: {
          en: "'--platform=$TARGETPLATFORM' is redundant: FROM uses the target platform by default. Remove the flag.",
          ko: "'--platform=$TARGETPLATFORM'은 불필요합니다. FROM은 기본으로 대상 플랫폼을 씁니다. 플래그를 지우세요.",
        },
        fixes: [
          {
            title: { en: 'Remove --platform=$TARGETPLATFORM', ko: '--platform=$TARGETPLATFORM 지우기' },
            preferred: true,
            edits: [{ range: { start: flag.range.start, end: next ? next.range.start : flag.range.end }, newText: '' }],
          },
        ],
      });
    }
  },
};
