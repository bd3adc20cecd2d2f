// Studio rule: `apt-get install` with no `apt-get update` before it (in this RUN or an earlier one).
import { scriptInfo, scriptRange } from '../context';
import type { Rule } from '../types';
import { parentStage } from '../buildkit/scope';
import { aptCalls } from './aptCommands';
import { runPart } from '../hadolint/runs';

export const aptInstallWithoutUpdate: Rule = {
  meta: {
    id: 'apt-install-without-update',
    aliases: [],
    severity: 'warning',
    source: 'studio',
    title: { en: 'apt-get install without apt-get update', ko: 'apt-get update 없이 apt-get install' },
    why: {
      en: 'Debian and Ubuntu images ship without package lists to stay small. Without `apt-get update` first, `apt-get install` fails with "Unable to locate package". Run both in the same RUN so the lists are always fresh.',
      ko: 'Debian과 Ubuntu 이미지는 작게 유지하려고 패키지 목록 없이 배포됩니다. 먼저 `apt-get update`를 하지 않으면 `apt-get install`이 "Unable to locate package"로 실패합니다. 목록이 항상 최신이도록 같은 RUN에서 함께 실행하세요.',
    },
    bad: 'FROM ubuntu:22.04\nRUN apt-get install -y python3',
    good: 'FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y python3',
  },
  check(ctx, report) {
    // Did a RUN of the stage (or of a stage it builds on) update the lists before this point?
    const updatedAtEnd: boolean[] = [];
    for (const stage of ctx.df.stages) {
      const parent = parentStage(ctx.df, stage);
      let stageUpdated = parent ? (updatedAtEnd[parent.index] ?? false) : false;
      for (const host of stage.instructions) {
        // An `ONBUILD RUN` runs in a child image's build, maybe months later: lists this stage
        // fetched are stale by then (or were deleted), so a trigger must update for itself, and
        // its update does nothing for this image's own later RUNs.
        const ins = runPart(host);
        if (!ins) continue;
        const trigger = ins !== host;
        let updated = trigger ? false : stageUpdated;
        for (const call of aptCalls(ctx, ins)) {
          if (call.sub === 'update') {
            updated = true;
            if (!trigger) stageUpdated = true;
            continue;
          }
          if (call.sub !== 'install' || updated) continue;
          const editable = scriptInfo(ins).argsOffset !== -2;
          const at = scriptRange(ins, call.cmd.start, call.cmd.start);
          const prefix = call.programWord.value === 'apt' ? 'apt' : 'apt-get';
          report({
            range: scriptRange(ins, call.programWord.start, call.cmd.words[call.cmd.words.length - 1].end),
            message: {
              en: `'${prefix} install' runs without '${prefix} update' first: the image has no package lists, so the build fails with "Unable to locate package". Add '${prefix} update &&' in front, in the same RUN.`,
              ko: `'${prefix} install'이 '${prefix} update' 없이 실행됩니다. 이미지에 패키지 목록이 없어 "Unable to locate package"로 빌드가 실패합니다. 같은 RUN 안에서 앞에 '${prefix} update &&'를 붙이세요.`,
            },
            fixes: editable
              ? [{ title: { en: `Add '${prefix} update &&'`, ko: `'${prefix} update &&' 추가` }, preferred: true, edits: [{ range: { start: at.start, end: at.start }, newText: `${prefix} update && ` }] }]
              : [],
          });
          updated = true;
        }
      }
      updatedAtEnd.push(stageUpdated);
    }
  },
};
