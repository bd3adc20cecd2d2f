// BuildKit UndefinedArgInFrom: FROM uses a variable that no global ARG declares.
import { AUTOMATIC_PLATFORM_ARGS, PREDEFINED_ARGS } from '../../model/syntax';
import { closest } from '../closest';
import type { Rule } from '../types';
import { globalArgs, refRange, scanVariables } from './scope';

export const undefinedArgInFrom: Rule = {
  meta: {
    id: 'undefined-arg-in-from',
    aliases: ['UndefinedArgInFrom'],
    severity: 'warning',
    source: 'buildkit',
    title: { en: 'FROM uses an undeclared ARG', ko: 'FROM이 선언되지 않은 ARG를 씁니다' },
    why: {
      en: 'FROM can only use ARGs declared before the first FROM (global ARGs). An undeclared one expands to an empty string, which usually gives a wrong or invalid image name; often it is a typo.',
      ko: 'FROM은 첫 FROM 앞에 선언한 ARG(전역 ARG)만 쓸 수 있습니다. 선언되지 않은 변수는 빈 문자열이 되어 이미지 이름이 틀리거나 잘못되며, 오타인 경우가 많습니다.',
    },
    bad: 'FROM node:22${VARIANT}',
    good: 'ARG VARIANT=-alpine\nFROM node:22${VARIANT}',
  },
  check(ctx, report) {
    const globals = globalArgs(ctx.df);
    const known = new Set<string>([...globals.keys(), ...AUTOMATIC_PLATFORM_ARGS, ...PREDEFINED_ARGS]);
    for (const stage of ctx.df.stages) {
      const from = stage.from;
      for (const ref of scanVariables(from.argsText, ctx.df.escapeChar)) {
        if (known.has(ref.name)) continue;
        const suggestion = closest(ref.name, [...globals.keys(), ...AUTOMATIC_PLATFORM_ARGS]);
        const hint = suggestion ? { en: ` (did you mean ${suggestion}?)`, ko: ` (${suggestion}을(를) 말씀하신 건가요?)` } : { en: '', ko: '' };
        report({
          range: refRange(from, ref),
          message: {
            en: `FROM uses ARG '${ref.name}', which is not declared before the first FROM, so it expands to an empty string${hint.en}. Declare it with 'ARG ${ref.name}=…' at the top.`,
            ko: `FROM이 첫 FROM 앞에서 선언되지 않은 ARG '${ref.name}'을 써서 빈 문자열이 됩니다${hint.ko}. 파일 맨 위에 'ARG ${ref.name}=…'로 선언하세요.`,
          },
          fixes: suggestion
            ? [{ title: { en: `Change to ${suggestion}`, ko: `${suggestion}(으)로 바꾸기` }, preferred: true, edits: [{ range: { start: from.positionAt(ref.nameStart), end: from.positionAt(ref.nameEnd) }, newText: suggestion }] }]
            : [],
        });
      }
    }
  },
};
