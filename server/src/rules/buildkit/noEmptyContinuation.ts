// BuildKit NoEmptyContinuation: a blank line inside a `\`-continued instruction.
import type { Rule } from '../types';

export const noEmptyContinuation: Rule = {
  meta: {
    id: 'no-empty-continuation',
    aliases: ['NoEmptyContinuation'],
    severity: 'warning',
    source: 'buildkit',
    title: { en: 'Empty line inside a continued instruction', ko: '이어지는 명령 안의 빈 줄' },
    why: {
      en: 'A blank line after a `\\` does not end the instruction: the next non-blank line is still joined to it. That surprises readers, and Docker plans to make it an error.',
      ko: '`\\` 뒤의 빈 줄은 명령을 끝내지 않습니다. 다음의 빈 줄이 아닌 줄이 여전히 이어 붙습니다. 읽는 사람을 헷갈리게 하며, Docker는 이를 오류로 바꿀 예정입니다.',
    },
    bad: 'FROM alpine:3.20\nRUN apk add --no-cache \\\n\n    curl',
    good: 'FROM alpine:3.20\nRUN apk add --no-cache \\\n    curl',
  },
  check(ctx, report) {
    const blanks = ctx.df.emptyContinuationLines;
    if (!blanks.length) return;
    let k = 0;
    for (const ins of ctx.df.instructions) {
      while (k < blanks.length && blanks[k] < ins.startLine) k++;
      const mine: number[] = [];
      while (k < blanks.length && blanks[k] <= ins.textEndLine) mine.push(blanks[k++]);
      if (!mine.length) continue;
      // BuildKit reports on the instruction's last line; the fix removes every blank line.
      const last = ins.textEndLine;
      const lines = mine.map((l) => l + 1).join(', ');
      report({
        range: { start: { line: last, character: 0 }, end: { line: last, character: ctx.df.lines[last]?.length ?? 0 } },
        message: {
          en: `Empty continuation line (line ${lines}) inside this ${ins.name}: the line after it is still part of the instruction. Remove the blank line.`,
          ko: `이 ${ins.name} 안에 빈 이어짐 줄(${lines}번째 줄)이 있습니다. 그 다음 줄도 여전히 이 명령의 일부입니다. 빈 줄을 지우세요.`,
        },
        fixes: [
          {
            title: { en: 'Remove the empty continuation lines', ko: '빈 이어짐 줄 지우기' },
            preferred: true,
            edits: mine.map((l) => ({ range: { start: { line: l, character: 0 }, end: { line: l + 1, character: 0 } }, newText: '' })),
          },
        ],
      });
    }
  },
};
