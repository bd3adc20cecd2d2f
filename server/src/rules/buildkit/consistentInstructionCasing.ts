// BuildKit ConsistentInstructionCasing: all instruction keywords in one case (the majority's).
import { instructionSpec } from '../../model/syntax';
import type { Instruction } from '../../model/types';
import type { Rule } from '../types';

function casing(keyword: string): 'upper' | 'lower' | 'mixed' {
  if (keyword === keyword.toUpperCase()) return 'upper';
  if (keyword === keyword.toLowerCase()) return 'lower';
  return 'mixed';
}

/** The case most keywords use: uppercase unless lowercase keywords outnumber uppercase ones. */
export function majorityCasing(instructions: Instruction[]): 'upper' | 'lower' {
  let upper = 0;
  let lower = 0;
  for (const ins of instructions) {
    if (!instructionSpec(ins.name)) continue;
    const c = casing(ins.keyword);
    if (c === 'upper') upper++;
    else if (c === 'lower') lower++;
  }
  return lower > upper ? 'lower' : 'upper';
}

export const consistentInstructionCasing: Rule = {
  meta: {
    id: 'consistent-instruction-casing',
    aliases: ['ConsistentInstructionCasing'],
    severity: 'warning',
    source: 'buildkit',
    title: { en: 'Instruction keywords should use one case', ko: '명령어 키워드는 한 가지 대소문자로 쓰세요' },
    why: {
      en: 'Docker accepts `RUN`, `run` or `Run`, but a file that mixes them is harder to read. BuildKit expects every keyword in the case most of the file already uses (usually uppercase).',
      ko: 'Docker는 `RUN`, `run`, `Run`을 모두 받아들이지만 섞어 쓰면 읽기 어렵습니다. BuildKit은 모든 키워드를 파일 대부분이 쓰는 대소문자(보통 대문자)로 맞추길 기대합니다.',
    },
    bad: 'FROM alpine:3.20\nrun echo hi\nCMD ["sh"]',
    good: 'FROM alpine:3.20\nRUN echo hi\nCMD ["sh"]',
  },
  check(ctx, report) {
    const majority = majorityCasing(ctx.df.instructions);
    for (const ins of ctx.df.instructions) {
      if (!instructionSpec(ins.name)) continue;
      const c = casing(ins.keyword);
      if (c === majority) continue;
      const want = majority === 'upper' ? ins.keyword.toUpperCase() : ins.keyword.toLowerCase();
      const message =
        c === 'mixed'
          ? {
              en: `'${ins.keyword}' mixes upper and lower case: write it all in one case ('${want}').`,
              ko: `'${ins.keyword}'은 대문자와 소문자가 섞여 있습니다. 한 가지로('${want}') 쓰세요.`,
            }
          : {
              en: `'${ins.keyword}' should match the casing most instructions in this file use (${majority === 'upper' ? 'uppercase' : 'lowercase'}): '${want}'.`,
              ko: `'${ins.keyword}'은 이 파일의 대부분 명령이 쓰는 대소문자(${majority === 'upper' ? '대문자' : '소문자'})에 맞춰 '${want}'로 쓰세요.`,
            };
      report({
        range: ins.keywordRange,
        message,
        fixes: [{ title: { en: `Change to '${want}'`, ko: `'${want}'(으)로 바꾸기` }, preferred: true, edits: [{ range: ins.keywordRange, newText: want }] }],
      });
    }
  },
};
