// SHELL must be a JSON array with at least the shell program.
import type { Rule } from '../types';
import { syntaxMeta } from './meta';

export const shellJsonForm: Rule = {
  meta: syntaxMeta({
    id: 'shell-json-form',
    title: { en: 'SHELL must be a JSON array', ko: 'SHELL은 JSON 배열이어야 합니다' },
    why: { en: 'SHELL replaces the program that runs shell-form commands, so it must be written as a JSON array like ["/bin/bash", "-c"], with double quotes.', ko: 'SHELL은 shell 형식 명령을 실행하는 프로그램을 바꾸므로 ["/bin/bash", "-c"] 처럼 큰따옴표를 쓴 JSON 배열로 적어야 합니다.' },
    bad: 'FROM alpine:3.20\nSHELL /bin/bash -c',
    good: 'FROM alpine:3.20\nSHELL ["/bin/bash", "-c"]',
  }),
  check(ctx, report) {
    for (const outer of ctx.df.instructions) {
      const ins = outer.name === 'ONBUILD' ? outer.trigger : outer;
      if (!ins || ins.name !== 'SHELL' || ins.args.length === 0) continue;
      if (!ins.json) {
        const words = ins.args.map((t) => t.value);
        const simple = !ins.looksLikeJson && ins.args.every((t) => /^[A-Za-z0-9_./:=-]+$/.test(t.raw));
        report({
          range: ins.argsRange,
          message: { en: `SHELL must be written as a JSON array, e.g. SHELL ${JSON.stringify(words)}.`, ko: `SHELL은 JSON 배열로 써야 합니다. 예: SHELL ${JSON.stringify(words)}.` },
          fixes: simple ? [{ title: { en: 'Write as a JSON array', ko: 'JSON 배열로 쓰기' }, preferred: true, edits: [{ range: ins.argsRange, newText: JSON.stringify(words).replace(/","/g, '", "') }] }] : [],
        });
      } else if (ins.json.length === 0) {
        report({ range: ins.argsRange, message: { en: 'SHELL needs at least the shell program, e.g. ["/bin/sh", "-c"].', ko: 'SHELL에는 최소한 셸 프로그램이 필요합니다. 예: ["/bin/sh", "-c"].' } });
      }
    }
  },
};
