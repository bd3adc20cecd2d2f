// BuildKit StageNameCasing: stage names should be lowercase.
import type { Dockerfile, Range, Stage } from '../../model/types';
import type { Rule, TextEdit } from '../types';

/** Every place a stage is referred to by name: its AS, FROM <name>, COPY --from, RUN --mount from=. */
export function stageNameEdits(df: Dockerfile, stage: Stage, newName: string): TextEdit[] {
  const name = stage.name?.toLowerCase();
  if (!name || !stage.nameRange) return [];
  const edits: TextEdit[] = [{ range: stage.nameRange, newText: newName }];
  for (const s of df.stages) {
    if (s.index > stage.index && s.imageRange && s.image.toLowerCase() === name) edits.push({ range: s.imageRange, newText: newName });
  }
  for (const ins of df.instructions) {
    if (ins.stageIndex <= stage.index) continue;
    for (const f of ins.flags) {
      if (f.name === 'from' && f.value?.toLowerCase() === name && f.valueRange) edits.push({ range: f.valueRange, newText: newName });
      if (f.name === 'mount' && f.value && f.valueRange) {
        const m = /(^|,)from=([^,]*)/.exec(f.value);
        if (m && m[2].toLowerCase() === name && f.token.raw === `--mount=${f.value}`) {
          const offset = f.token.start + '--mount='.length + m.index + m[1].length + 'from='.length;
          const r: Range = { start: ins.positionAt(offset), end: ins.positionAt(offset + m[2].length) };
          edits.push({ range: r, newText: newName });
        }
      }
    }
  }
  return edits;
}

export const stageNameCasing: Rule = {
  meta: {
    id: 'stage-name-casing',
    aliases: ['StageNameCasing'],
    severity: 'warning',
    source: 'buildkit',
    title: { en: 'Stage names should be lowercase', ko: '스테이지 이름은 소문자로 쓰세요' },
    why: {
      en: 'BuildKit treats stage names case-insensitively and shows them in lowercase, so `AS Builder` and `--from=builder` are the same stage. Writing them in lowercase keeps the file consistent with what the build prints and avoids confusion.',
      ko: 'BuildKit은 스테이지 이름의 대소문자를 구분하지 않고 소문자로 표시합니다. 그래서 `AS Builder`와 `--from=builder`는 같은 스테이지입니다. 소문자로 쓰면 빌드 출력과 파일이 일치해 헷갈리지 않습니다.',
    },
    bad: 'FROM alpine:3.20 AS Builder\nRUN echo hi',
    good: 'FROM alpine:3.20 AS builder\nRUN echo hi',
  },
  check(ctx, report) {
    for (const stage of ctx.df.stages) {
      if (!stage.name || !stage.nameRange || stage.name === stage.name.toLowerCase()) continue;
      const lower = stage.name.toLowerCase();
      report({
        range: stage.nameRange,
        message: {
          en: `Stage name '${stage.name}' should be lowercase ('${lower}'): BuildKit ignores the case of stage names anyway.`,
          ko: `스테이지 이름 '${stage.name}'은 소문자('${lower}')로 쓰세요. BuildKit은 어차피 스테이지 이름의 대소문자를 구분하지 않습니다.`,
        },
        fixes: [{ title: { en: `Rename the stage to '${lower}'`, ko: `스테이지 이름을 '${lower}'(으)로 바꾸기` }, preferred: true, edits: stageNameEdits(ctx.df, stage, lower) }],
      });
    }
  },
};
