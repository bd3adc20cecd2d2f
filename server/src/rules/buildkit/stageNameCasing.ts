// BuildKit StageNameCasing: stage names should be lowercase.
import type { Dockerfile, Range, Stage } from '../../model/types';
import type { Rule, TextEdit } from '../types';

interface StageRef {
  /** Index of the instruction (or stage FROM) that refers to the name. */
  stageIndex: number;
  range: Range;
}

const refsCache = new WeakMap<Dockerfile, Map<string, StageRef[]>>();

/** Every place a stage name is used (FROM <name>, COPY --from, RUN --mount from=), by lowercase name. */
function stageRefs(df: Dockerfile): Map<string, StageRef[]> {
  let refs = refsCache.get(df);
  if (refs) return refs;
  refs = new Map();
  const add = (name: string, stageIndex: number, range: Range): void => {
    const key = name.toLowerCase();
    const list = refs?.get(key) ?? [];
    list.push({ stageIndex, range });
    refs?.set(key, list);
  };
  for (const s of df.stages) if (s.imageRange && s.image) add(s.image, s.index, s.imageRange);
  for (const ins of df.instructions) {
    for (const f of ins.flags) {
      if (f.name === 'from' && f.value && f.valueRange) add(f.value, ins.stageIndex, f.valueRange);
      if (f.name === 'mount' && f.value && f.token.raw === `--mount=${f.value}`) {
        const m = /(^|,)from=([^,]*)/.exec(f.value);
        if (m) {
          const offset = f.token.start + '--mount='.length + m.index + m[1].length + 'from='.length;
          add(m[2], ins.stageIndex, { start: ins.positionAt(offset), end: ins.positionAt(offset + m[2].length) });
        }
      }
    }
  }
  refsCache.set(df, refs);
  return refs;
}

/** Every place a stage is referred to by name: its AS, FROM <name>, COPY --from, RUN --mount from=. */
export function stageNameEdits(df: Dockerfile, stage: Stage, newName: string): TextEdit[] {
  const name = stage.name?.toLowerCase();
  if (!name || !stage.nameRange) return [];
  const edits: TextEdit[] = [{ range: stage.nameRange, newText: newName }];
  for (const r of stageRefs(df).get(name) ?? []) if (r.stageIndex > stage.index) edits.push({ range: r.range, newText: newName });
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
