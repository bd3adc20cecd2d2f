// An instruction without the arguments it needs (a bare `COPY app.js`, `ENV NAME`, `HEALTHCHECK CMD`).
import { instructionSpec } from '../../model/syntax';
import type { Instruction } from '../../model/types';
import type { Rule, Text } from '../types';
import { syntaxMeta } from './meta';

function problem(ins: Instruction): Text | undefined {
  if (!instructionSpec(ins.name)) return undefined;
  if (ins.args.length === 0 && ins.heredocs.length === 0) {
    return { en: `${ins.name} needs arguments: Docker rejects an empty ${ins.name}.`, ko: `${ins.name}에는 인자가 필요합니다. Docker는 빈 ${ins.name}을 거부합니다.` };
  }
  if ((ins.name === 'COPY' || ins.name === 'ADD') && !ins.json && ins.args.length < 2 && !ins.args.some((t) => t.raw.startsWith('<<'))) {
    return { en: `${ins.name} needs a source and a destination, e.g. ${ins.name} app.js /app/.`, ko: `${ins.name}에는 원본과 대상이 필요합니다. 예: ${ins.name} app.js /app/.` };
  }
  if (ins.name === 'ENV' && ins.args.length === 1 && !ins.args[0].raw.includes('=')) {
    return { en: `ENV ${ins.args[0].value} has no value: write ENV ${ins.args[0].value}=value.`, ko: `ENV ${ins.args[0].value}에 값이 없습니다. ENV ${ins.args[0].value}=값 으로 쓰세요.` };
  }
  return undefined;
}

export const missingArguments: Rule = {
  meta: syntaxMeta({
    id: 'missing-arguments',
    title: { en: 'Instruction is missing arguments', ko: '명령어에 인자가 빠졌습니다' },
    why: {
      en: 'Every instruction except a few needs arguments: COPY needs a source and a destination, ENV a name and a value. Docker stops the build on an incomplete instruction.',
      ko: '대부분의 명령어에는 인자가 필요합니다. COPY는 원본과 대상, ENV는 이름과 값이 필요합니다. Docker는 불완전한 명령어에서 빌드를 멈춥니다.',
    },
    bad: 'FROM alpine:3.20\nCOPY app.js',
    good: 'FROM alpine:3.20\nCOPY app.js /app/',
  }),
  check(ctx, report) {
    for (const ins of ctx.df.instructions) {
      for (const target of ins.trigger ? [ins, ins.trigger] : [ins]) {
        const message = problem(target);
        if (message) report({ range: target.range.start.line === target.range.end.line ? target.range : target.keywordRange, message });
      }
    }
  },
};
