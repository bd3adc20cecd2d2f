// BuildKit MultipleInstructionsDisallowed: more than one CMD, ENTRYPOINT or HEALTHCHECK in a stage.
import type { Instruction } from '../../model/types';
import type { Rule } from '../types';

const ONCE = ['CMD', 'ENTRYPOINT', 'HEALTHCHECK'];

export const multipleInstructionsDisallowed: Rule = {
  meta: {
    id: 'multiple-instructions-disallowed',
    aliases: ['MultipleInstructionsDisallowed'],
    sameProblemAs: ['DL4003', 'DL4004', 'DL3012'],
    severity: 'warning',
    source: 'buildkit',
    title: { en: 'Only the last CMD, ENTRYPOINT or HEALTHCHECK of a stage counts', ko: '스테이지의 마지막 CMD, ENTRYPOINT, HEALTHCHECK만 유효합니다' },
    why: {
      en: 'An image has one default command, one entrypoint and one health check. When a stage sets one twice, the earlier one is silently replaced, which is almost always a mistake.',
      ko: '이미지에는 기본 명령, 엔트리포인트, 헬스체크가 하나씩만 있습니다. 한 스테이지에서 두 번 설정하면 앞의 것은 조용히 덮어써지며, 거의 항상 실수입니다.',
    },
    bad: 'FROM alpine:3.20\nCMD ["echo", "one"]\nCMD ["echo", "two"]',
    good: 'FROM alpine:3.20\nCMD ["echo", "two"]',
  },
  check(ctx, report) {
    for (const stage of ctx.df.stages) {
      const last = new Map<string, Instruction>();
      for (const ins of stage.instructions) if (ONCE.includes(ins.name)) last.set(ins.name, ins);
      for (const ins of stage.instructions) {
        const winner = last.get(ins.name);
        if (!winner || winner === ins) continue;
        report({
          range: ins.keywordRange,
          message: {
            en: `This ${ins.name} has no effect: the ${ins.name} on line ${winner.startLine + 1} replaces it, because a stage keeps only its last ${ins.name}.`,
            ko: `이 ${ins.name}은 효과가 없습니다. 스테이지는 마지막 ${ins.name}만 유지하므로 ${winner.startLine + 1}번째 줄의 ${ins.name}이 이것을 대신합니다.`,
          },
          fixes: [
            {
              title: { en: `Remove this ${ins.name}`, ko: `이 ${ins.name} 지우기` },
              edits: [{ range: { start: { line: ins.startLine, character: 0 }, end: { line: ins.endLine + 1, character: 0 } }, newText: '' }],
            },
          ],
        });
      }
    }
  },
};
