// Studio rule: a RUN that runs `apt-get update` but installs nothing in the same RUN.
import { scriptInfo, scriptRange } from '../context';
import type { Rule, RuleFix } from '../types';
import { aptCalls, INSTALLS } from './aptCommands';
import { runPart } from '../hadolint/runs';

export const aptUpdateAlone: Rule = {
  meta: {
    id: 'apt-update-alone',
    aliases: [],
    severity: 'warning',
    source: 'studio',
    title: { en: 'apt-get update in a RUN of its own', ko: 'apt-get update만 따로 있는 RUN' },
    why: {
      en: 'Docker caches every RUN as a layer. A lone `RUN apt-get update` is cached once and reused forever, so a later `apt-get install` works from stale package lists and may fail or install old versions. Update and install in the same RUN.',
      ko: 'Docker는 RUN마다 레이어로 캐시합니다. `RUN apt-get update`만 따로 두면 한 번 캐시된 뒤 계속 재사용되어, 뒤의 `apt-get install`이 오래된 패키지 목록으로 동작해 실패하거나 옛 버전을 설치할 수 있습니다. update와 install을 같은 RUN에서 하세요.',
    },
    bad: 'FROM ubuntu:22.04\nRUN apt-get update\nRUN apt-get install -y python3',
    good: 'FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y python3',
  },
  check(ctx, report) {
    for (const stage of ctx.df.stages) {
      const list = stage.instructions;
      for (let k = 0; k < list.length; k++) {
        // `ONBUILD RUN` triggers too: in the child's build each trigger is a cached layer as well.
        const ins = runPart(list[k]);
        if (!ins) continue;
        const trigger = ins !== list[k];
        const calls = aptCalls(ctx, ins);
        const update = calls.find((c) => c.sub === 'update');
        if (!update || calls.some((c) => INSTALLS.has(c.sub))) continue;
        // The next instruction's RUN, when it is of the same kind (a trigger joins only a trigger).
        const nextHost = list[k + 1];
        const nextRun = nextHost ? runPart(nextHost) : undefined;
        const next = nextRun && (nextRun !== nextHost) === trigger ? nextRun : undefined;
        const fixes: RuleFix[] = [];
        // Joining with the next RUN is the natural fix when that RUN is the install.
        if (next && scriptInfo(ins).argsOffset >= 0 && scriptInfo(next).argsOffset >= 0 && !next.flags.length && aptCalls(ctx, next).some((c) => INSTALLS.has(c.sub))) {
          fixes.push({
            title: { en: 'Join with the next RUN', ko: '다음 RUN과 합치기' },
            preferred: true,
            edits: [{ range: { start: ins.argsRange.end, end: next.args[0].range.start }, newText: ` && ${ctx.df.escapeChar}${ctx.df.eol}    ` }],
          });
        }
        report({
          range: scriptRange(ins, update.programWord.start, update.cmd.words[update.cmd.words.length - 1].end),
          message: {
            en: "This RUN only updates the package lists. Its layer is cached and reused, so installs in later RUNs can use stale lists: put 'apt-get update && apt-get install …' in one RUN.",
            ko: "이 RUN은 패키지 목록만 갱신합니다. 이 레이어는 캐시되어 재사용되므로 뒤 RUN의 설치가 오래된 목록을 쓸 수 있습니다. 'apt-get update && apt-get install …'을 하나의 RUN에 넣으세요.",
          },
          fixes,
        });
      }
    }
  },
};
