// Studio rule: a keyword that is not a Dockerfile instruction, with the closest valid spelling.
import { INSTRUCTION_NAMES } from '../../model/syntax';
import { intendedInstruction } from '../preamble';
import type { Rule } from '../types';
import { majorityCasing } from '../buildkit/consistentInstructionCasing';

const SHELL_WORDS = /^(apt-get|apt|apk|yum|dnf|pip3?|npm|yarn|echo|mkdir|cd|rm|cp|mv|ln|chmod|chown|curl|wget|tar|make|&&|\|\||;|\||-.*)$/;

export const unknownInstruction: Rule = {
  meta: {
    id: 'unknown-instruction',
    aliases: [],
    severity: 'error',
    source: 'studio',
    title: { en: 'Unknown instruction', ko: '알 수 없는 명령어' },
    why: {
      en: 'Docker stops the build at the first line whose first word is not an instruction (FROM, RUN, COPY, …). It is usually a typo, or a command that lost the `\\` joining it to the RUN above.',
      ko: 'Docker는 첫 단어가 명령어(FROM, RUN, COPY 등)가 아닌 줄에서 빌드를 멈춥니다. 보통 오타이거나, 위 RUN과 이어 주는 `\\`가 빠진 명령입니다.',
    },
    bad: 'FROM alpine:3.20\nRUNN echo hi',
    good: 'FROM alpine:3.20\nRUN echo hi',
  },
  check(ctx, report) {
    const upper = majorityCasing(ctx.df.instructions) === 'upper';
    for (const outer of ctx.df.instructions) {
      // ONBUILD's trigger is an instruction too (`ONBUILD RUNN …` fails when a child image builds).
      const ins = outer.name === 'ONBUILD' && outer.trigger ? outer.trigger : outer;
      if (INSTRUCTION_NAMES.includes(ins.name)) continue;
      const suggestion = intendedInstruction(ins.keyword);
      const prev = ins === outer ? ctx.df.instructions[ins.index - 1] : undefined;
      const lostContinuation = prev && prev.endLine === ins.startLine - 1 && (prev.name === 'RUN' || SHELL_WORDS.test(prev.keyword)) && SHELL_WORDS.test(ins.keyword.toLowerCase());
      const spelled = suggestion ? (upper ? suggestion : suggestion.toLowerCase()) : undefined;
      const hint = lostContinuation
        ? { en: ` It looks like a shell command: did you forget a '${ctx.df.escapeChar}' at the end of line ${ins.startLine}?`, ko: ` 셸 명령처럼 보입니다. ${ins.startLine}번째 줄 끝에 '${ctx.df.escapeChar}'를 빠뜨리지 않았나요?` }
        : spelled
          ? { en: ` Did you mean ${spelled}?`, ko: ` ${spelled}을(를) 말씀하신 건가요?` }
          : { en: '', ko: '' };
      report({
        range: ins.keywordRange,
        message: {
          en: `'${ins.keyword}' is not a Dockerfile instruction, so the build stops here.${hint.en}`,
          ko: `'${ins.keyword}'은 Dockerfile 명령어가 아니어서 빌드가 여기서 멈춥니다.${hint.ko}`,
        },
        fixes: [
          ...(spelled && !lostContinuation ? [{ title: { en: `Change to ${spelled}`, ko: `${spelled}(으)로 바꾸기` }, preferred: true, edits: [{ range: ins.keywordRange, newText: spelled }] }] : []),
          ...(lostContinuation && prev
            ? [{ title: { en: `Add '${ctx.df.escapeChar}' to join it to the line above`, ko: `'${ctx.df.escapeChar}'를 붙여 윗줄과 잇기` }, preferred: true, edits: [{ range: { start: { line: prev.textEndLine, character: ctx.df.lines[prev.textEndLine].length }, end: { line: prev.textEndLine, character: ctx.df.lines[prev.textEndLine].length } }, newText: ` ${ctx.df.escapeChar}` }] }]
            : []),
        ],
      });
    }
  },
};
