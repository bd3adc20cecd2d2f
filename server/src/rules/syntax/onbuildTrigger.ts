// ONBUILD cannot trigger ONBUILD, FROM or MAINTAINER.
import type { Rule } from '../types';
import { syntaxMeta } from './meta';

export const onbuildTriggerDisallowed: Rule = {
  meta: syntaxMeta({
    id: 'onbuild-trigger-disallowed',
    sameProblemAs: ['DL3043'],
    title: { en: 'ONBUILD cannot trigger this instruction', ko: 'ONBUILD로 실행할 수 없는 명령어' },
    why: { en: 'ONBUILD stores an instruction to run when another image builds FROM this one. Chaining ONBUILD ONBUILD, or triggering FROM or MAINTAINER, is not allowed and fails the build.', ko: 'ONBUILD는 다른 이미지가 이 이미지를 FROM으로 쓸 때 실행할 명령을 저장합니다. ONBUILD ONBUILD 연쇄나 FROM, MAINTAINER 실행은 허용되지 않아 빌드가 실패합니다.' },
    bad: 'FROM node:20\nONBUILD ONBUILD RUN npm ci',
    good: 'FROM node:20\nONBUILD RUN npm ci',
  }),
  check(ctx, report) {
    for (const ins of ctx.df.instructions) {
      const t = ins.trigger;
      if (ins.name !== 'ONBUILD' || !t || !['ONBUILD', 'FROM', 'MAINTAINER'].includes(t.name)) continue;
      report({ range: t.keywordRange, message: { en: `ONBUILD cannot trigger ${t.name}.`, ko: `ONBUILD로 ${t.name}을 실행할 수 없습니다.` } });
    }
  },
};
