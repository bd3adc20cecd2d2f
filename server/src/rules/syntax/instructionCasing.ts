// Instruction keywords in uppercase (dockerfile-utils' convention). Off by default: BuildKit accepts
// an all-lowercase file and ConsistentInstructionCasing already reports mixed files.
import { instructionSpec } from '../../model/syntax';
import type { Rule } from '../types';
import { syntaxMeta } from './meta';

export const instructionCasing: Rule = {
  meta: syntaxMeta({
    id: 'instruction-casing',
    severity: 'info',
    defaultOff: true,
    sameProblemAs: ['ConsistentInstructionCasing'],
    title: { en: 'Instruction keywords in uppercase', ko: '명령어 키워드는 대문자로' },
    why: { en: 'Uppercase keywords (`RUN`, `COPY`) make instructions stand out from their arguments; it is the convention of Docker\'s documentation.', ko: '대문자 키워드(`RUN`, `COPY`)는 명령어를 인자와 구별해 줍니다. Docker 문서의 관례입니다.' },
    bad: 'from alpine:3.20',
    good: 'FROM alpine:3.20',
  }),
  check(ctx, report) {
    for (const ins of ctx.df.instructions) {
      if (!instructionSpec(ins.name) || ins.keyword === ins.name) continue;
      report({ range: ins.keywordRange, message: { en: `Write '${ins.keyword}' in uppercase: '${ins.name}'.`, ko: `'${ins.keyword}'을 대문자 '${ins.name}'로 쓰세요.` }, fixes: [{ title: { en: `Change to '${ins.name}'`, ko: `'${ins.name}'(으)로 바꾸기` }, preferred: true, edits: [{ range: ins.keywordRange, newText: ins.name }] }] });
    }
  },
};
