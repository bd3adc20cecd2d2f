// BuildKit DuplicateStageName: two stages with the same name (case-insensitive).
import type { Rule } from '../types';

export const duplicateStageName: Rule = {
  meta: {
    id: 'duplicate-stage-name',
    aliases: ['DuplicateStageName'],
    severity: 'warning',
    source: 'buildkit',
    title: { en: 'Stage names must be unique', ko: '스테이지 이름은 겹치면 안 됩니다' },
    why: {
      en: '`COPY --from=name` and `--target name` pick a stage by its name. With two stages of the same name it is unclear which one is meant, and the build rejects it.',
      ko: '`COPY --from=이름`과 `--target 이름`은 이름으로 스테이지를 고릅니다. 같은 이름의 스테이지가 둘이면 어느 것인지 알 수 없고 빌드가 거부합니다.',
    },
    bad: 'FROM alpine:3.20 AS build\nFROM alpine:3.20 AS build',
    good: 'FROM alpine:3.20 AS build\nFROM alpine:3.20 AS test',
  },
  check(ctx, report) {
    const seen = new Map<string, number>();
    for (const stage of ctx.df.stages) {
      if (!stage.name || !stage.nameRange) continue;
      const key = stage.name.toLowerCase();
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, stage.from.startLine);
        continue;
      }
      report({
        range: stage.nameRange,
        message: {
          en: `Stage name '${stage.name}' is already used on line ${first + 1}: give each stage its own name so --from and --target know which one you mean.`,
          ko: `스테이지 이름 '${stage.name}'은 ${first + 1}번째 줄에서 이미 쓰였습니다. --from과 --target이 어느 스테이지인지 알 수 있게 이름을 따로 지으세요.`,
        },
      });
    }
  },
};
