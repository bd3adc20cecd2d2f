// How RUNs are put together: pipes need pipefail (DL4006) and consecutive RUNs could be one
// layer (DL3059).
import { parseShell } from '../../model/shell';
import type { Instruction } from '../../model/types';
import type { Rule, RuleFix } from '../types';
import { hadolintMeta } from './meta';
import { runPart } from './runs';
import { commandsOf, hasFlag, type HCommand } from './shellView';

const NON_POSIX_PREFIXES = ['pwsh', 'powershell', 'cmd'];

function shellSetsPipefail(shellWords: string[]): boolean {
  const script = shellWords.map((w) => (/[\s"'$`\\]/.test(w) ? `'${w.replace(/'/g, "'\\''")}'` : w)).join(' ');
  const words = parseShell(script)[0]?.words ?? [];
  if (!words.length) return false;
  const name = words[0].value.replace(/^.*[\\/]/, '').replace(/\.exe$/i, '');
  if (!['bash', 'zsh', 'ash'].includes(name)) return false;
  const cmd = { args: words.slice(1), flags: [] as { name: string; argIndex: number }[] };
  cmd.args.forEach((a, i) => {
    if (a.value.startsWith('-') && !a.value.startsWith('--')) for (const ch of a.value.slice(1)) cmd.flags.push({ name: ch, argIndex: i });
  });
  return hasFlag(cmd as unknown as HCommand, 'o') && cmd.args.some((a) => a.value === 'pipefail');
}

export const pipefailBeforePipe: Rule = {
  meta: hadolintMeta({
    id: 'pipefail-before-pipe',
    code: 'DL4006',
    severity: 'warning',
    title: { en: 'Set pipefail before RUN with a pipe', ko: '파이프가 있는 RUN 전에 pipefail 설정' },
    why: {
      en: 'A pipeline reports only the exit code of its last command: in `curl … | tar x` a failed download goes unnoticed and the build continues with a broken result. `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` makes any failing part fail the RUN. (On Alpine/busybox use /bin/ash.)',
      ko: '파이프라인은 마지막 명령의 종료 코드만 알려 줍니다. `curl … | tar x`에서 다운로드가 실패해도 알아채지 못하고 망가진 결과로 빌드가 계속됩니다. `SHELL ["/bin/bash", "-o", "pipefail", "-c"]`를 쓰면 어느 부분이든 실패하면 RUN이 실패합니다. (Alpine/busybox에서는 /bin/ash를 쓰세요.)',
    },
    bad: 'FROM debian:12\nRUN curl -fsSL https://example.com/tool.tgz | tar -xz',
    good: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/tool.tgz | tar -xz',
  }),
  check(ctx, report) {
    let safe = false;
    for (const ins of ctx.df.instructions) {
      if (ins.name === 'FROM') {
        safe = false;
        continue;
      }
      if (ins.name === 'SHELL') {
        const words = ins.json ?? ins.args.map((a) => a.value);
        safe = NON_POSIX_PREFIXES.some((p) => (words.join(' ')).startsWith(p)) || shellSetsPipefail(words);
        continue;
      }
      const run = runPart(ins);
      if (!run || safe || !ctx.isPosixShell(ins)) continue;
      const pipe = commandsOf(ctx, run).find((c) => c.source.joinedBy === '|');
      if (!pipe) continue;
      report({
        range: ins.keywordRange,
        message: {
          en: 'This RUN uses a pipe: set SHELL ["/bin/bash", "-o", "pipefail", "-c"] first, or a failure before the last command of the pipe goes unnoticed.',
          ko: '이 RUN은 파이프를 씁니다. 먼저 SHELL ["/bin/bash", "-o", "pipefail", "-c"]를 설정하세요. 그렇지 않으면 파이프의 마지막 명령 앞에서 난 실패를 알아채지 못합니다.',
        },
      });
    }
  },
};

function flagsKey(ins: Instruction): string {
  return ins.flags.map((f) => f.token.raw).sort().join(' ');
}

function countCommands(ctx: Parameters<Rule['check']>[0], ins: Instruction): number {
  return commandsOf(ctx, ins).length;
}

function mergeFix(ctx: Parameters<Rule['check']>[0], prev: Instruction, cur: Instruction): RuleFix | undefined {
  const plain = (i: Instruction): boolean => !i.json && !i.heredocs.length && i.args.length > 0 && !i.looksLikeJson;
  if (!plain(prev) || !plain(cur)) return undefined;
  if (ctx.df.comments.some((c) => c.line > prev.startLine && c.line < cur.startLine)) return undefined;
  if (/[;&|\\]\s*$/.test(prev.argsText)) return undefined;
  const esc = ctx.df.escapeChar;
  return {
    title: { en: 'Merge into the previous RUN', ko: '앞의 RUN과 합치기' },
    preferred: true,
    edits: [{ range: { start: prev.argsRange.end, end: cur.args[0].range.start }, newText: ` && ${esc}${ctx.df.eol}    ` }],
  };
}

export const mergeConsecutiveRuns: Rule = {
  meta: hadolintMeta({
    id: 'merge-consecutive-runs',
    code: 'DL3059',
    severity: 'info',
    title: { en: 'Consecutive RUNs could be merged', ko: '연속된 RUN은 합칠 수 있음' },
    why: {
      en: 'Every RUN creates a layer. Single-command RUNs in a row make more layers than needed, and files deleted in a later RUN still take space in the earlier layer. Joining them with `&&` makes one layer.',
      ko: 'RUN마다 레이어가 하나 생깁니다. 명령 하나짜리 RUN을 연달아 쓰면 레이어가 필요 이상으로 많아지고, 나중 RUN에서 지운 파일도 앞 레이어에서는 공간을 차지합니다. `&&`로 이어 하나의 레이어로 만드세요.',
    },
    bad: 'FROM debian:12\nRUN mkdir -p /app\nRUN chown nobody /app',
    good: 'FROM debian:12\nRUN mkdir -p /app \\\n    && chown nobody /app',
  }),
  check(ctx, report) {
    let prev: Instruction | undefined;
    let prevCount = 0;
    for (const ins of ctx.df.instructions) {
      // Counting commands needs a POSIX shell reading; PowerShell/cmd RUNs are left alone.
      if (ins.name !== 'RUN' || !ctx.isPosixShell(ins)) {
        prev = undefined;
        continue;
      }
      const count = countCommands(ctx, ins);
      if (prev && flagsKey(prev) === flagsKey(ins) && count <= 1 && prevCount <= 1) {
        const fix = mergeFix(ctx, prev, ins);
        report({
          range: ins.keywordRange,
          message: {
            en: 'This RUN follows another single-command RUN: consider joining them with && so they make one layer instead of two.',
            ko: '이 RUN은 명령 하나짜리 다른 RUN 바로 뒤에 있습니다. &&로 이어 레이어 두 개 대신 하나로 만드는 것을 고려하세요.',
          },
          fixes: fix ? [fix] : [],
        });
      }
      prev = ins;
      prevCount = count;
    }
  },
};
