// Studio rule: a `\`-continued RUN whose next line starts a new command with no &&, ||, ; or |
// joining them: the shell reads the "command" as more arguments of the previous one.
import type { Instruction } from '../../model/types';
import type { Rule } from '../types';

/** Commands that are never package names or arguments, so a line starting with one is a new command. */
const STARTERS = new Set(['apt-get', 'apt', 'apk', 'yum', 'dnf', 'microdnf', 'zypper', 'mkdir', 'cd', 'rm', 'cp', 'mv', 'ln', 'chmod', 'chown', 'echo', 'useradd', 'groupadd', 'adduser', 'addgroup', 'touch', 'export', 'update-ca-certificates', 'ldconfig', 'locale-gen', 'dpkg-reconfigure', 'systemctl', 'rmdir']);
/** Tools whose package shares their name: only a new command when followed by one of their subcommands. */
const WITH_SUBCOMMAND: Record<string, string[]> = {
  pip: ['install', 'uninstall'],
  pip3: ['install', 'uninstall'],
  npm: ['install', 'ci', 'run', 'i'],
  yarn: ['install', 'build', 'add'],
  pnpm: ['install', 'i', 'add'],
  composer: ['install', 'require'],
  go: ['build', 'install', 'mod', 'get'],
  cargo: ['build', 'install'],
  gem: ['install'],
  bundle: ['install'],
};
const JOINERS = /(&&|\|\||;|\||&|\(|\)|\{|!|\b(?:then|do|else|elif|if|while|until|in|sudo|exec|xargs|env|time|nohup))\s*$/;

export interface MissingJoin {
  /** Line that ends with `\` but no operator. */
  line: number;
  /** Character of the continuation `\` on that line. */
  escapeAt: number;
  nextLine: number;
  word: string;
}

function isBlank(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v';
}

function skipSpaces(text: string, from: number): number {
  let i = from;
  while (i < text.length && isBlank(text[i])) i++;
  return i;
}

function skipWord(text: string, from: number): number {
  let i = from;
  while (i < text.length && !isBlank(text[i])) i++;
  return i;
}

/** Line breaks in a shell-form RUN where a new command starts without an operator. */
export function missingJoins(ins: Instruction, lines: string[], escapeChar: string, skip: Set<number>): MissingJoin[] {
  const out: MissingJoin[] = [];
  let quote: string | undefined;
  let prev: { line: number; text: string } | undefined;
  // The script starts at the first argument after the flags (--mount lines are not commands).
  const first = ins.args[0];
  if (!first) return out;
  const startLine = first.range.start.line;
  for (let l = startLine; l <= ins.textEndLine; l++) {
    if (skip.has(l)) continue;
    const raw = lines[l] ?? '';
    const text = l === startLine ? raw.slice(first.range.start.character) : raw;
    const trimmed = text.trimEnd();
    const continues = trimmed.endsWith(escapeChar);
    const body = continues ? trimmed.slice(0, -1) : trimmed;
    if (prev && quote === undefined) {
      // Runs for every continued line of every RUN: read the words by hand, no regex match arrays.
      const wordStart = skipSpaces(body, 0);
      const wordEnd = skipWord(body, wordStart);
      const word = body.slice(wordStart, wordEnd);
      const subcommands = Object.hasOwn(WITH_SUBCOMMAND, word) ? WITH_SUBCOMMAND[word] : undefined;
      let isStarter = STARTERS.has(word);
      if (!isStarter && subcommands) {
        const nextStart = skipSpaces(body, wordEnd);
        isStarter = nextStart > wordEnd && subcommands.includes(body.slice(nextStart, skipWord(body, nextStart)));
      }
      if (isStarter && !JOINERS.test(prev.text.trimEnd()) && prev.text.trim() !== '') {
        out.push({ line: prev.line, escapeAt: (lines[prev.line] ?? '').trimEnd().length - 1, nextLine: l, word });
      }
    }
    for (let i = 0; i < body.length; i++) {
      const c = body[i];
      if (quote) {
        if (c === quote) quote = undefined;
        else if (c === '\\' && quote === '"') i++;
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '\\') i++;
      else if (c === '#' && (i === 0 || isBlank(body[i - 1]))) break;
    }
    if (!continues) break;
    prev = { line: l, text: body };
  }
  return out;
}

export const continuationMissingOperator: Rule = {
  meta: {
    id: 'continuation-missing-operator',
    aliases: [],
    severity: 'warning',
    source: 'studio',
    title: { en: 'Continued line starts a new command without &&', ko: '이어진 줄이 && 없이 새 명령을 시작합니다' },
    why: {
      en: 'A `\\` at the end of a line only glues the next line on; it does not separate commands. Without `&&` (or `;`) the next "command" becomes extra arguments of the previous one: `mkdir /app \\ apt-get update` creates folders named apt-get and update and never updates anything.',
      ko: '줄 끝의 `\\`는 다음 줄을 이어 붙일 뿐 명령을 나누지 않습니다. `&&`(나 `;`)가 없으면 다음 "명령"은 앞 명령의 인자가 됩니다. `mkdir /app \\ apt-get update`는 apt-get과 update라는 폴더를 만들 뿐 아무것도 갱신하지 않습니다.',
    },
    bad: 'FROM ubuntu:22.04\nRUN mkdir /app \\\n    apt-get update',
    good: 'FROM ubuntu:22.04\nRUN mkdir /app && \\\n    apt-get update',
  },
  check(ctx, report) {
    const skip = new Set<number>([...ctx.df.emptyContinuationLines, ...ctx.df.comments.filter((c) => c.insideInstruction).map((c) => c.line)]);
    for (const ins of ctx.df.instructions) {
      if (ins.name !== 'RUN' || ins.json || ins.heredocs.length || ins.startLine === ins.textEndLine || !ctx.isPosixShell(ins)) continue;
      for (const j of missingJoins(ins, ctx.df.lines, ctx.df.escapeChar, skip)) {
        const lineText = ctx.df.lines[j.line];
        const before = lineText[j.escapeAt - 1];
        report({
          range: { start: { line: j.nextLine, character: (ctx.df.lines[j.nextLine] ?? '').search(/\S/) }, end: { line: j.nextLine, character: (ctx.df.lines[j.nextLine] ?? '').search(/\S/) + j.word.length } },
          message: {
            en: `'${j.word}' on line ${j.nextLine + 1} is meant as a new command, but nothing joins it to line ${j.line + 1}: without '&&' it becomes arguments of the previous command. End line ${j.line + 1} with '&& ${ctx.df.escapeChar}'.`,
            ko: `${j.nextLine + 1}번째 줄의 '${j.word}'는 새 명령으로 보이지만 ${j.line + 1}번째 줄과 이어 주는 연산자가 없습니다. '&&'가 없으면 앞 명령의 인자가 됩니다. ${j.line + 1}번째 줄을 '&& ${ctx.df.escapeChar}'로 끝내세요.`,
          },
          fixes: [
            {
              title: { en: "Insert '&&'", ko: "'&&' 넣기" },
              preferred: true,
              edits: [{ range: { start: { line: j.line, character: j.escapeAt }, end: { line: j.line, character: j.escapeAt } }, newText: before === ' ' || before === '\t' ? '&& ' : ' && ' }],
            },
          ],
        });
      }
    }
  },
};
