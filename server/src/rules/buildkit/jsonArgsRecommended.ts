// BuildKit JSONArgsRecommended: CMD/ENTRYPOINT in shell form (signals go to the shell, not the app).
import type { Dockerfile } from '../../model/types';
import type { Rule } from '../types';
import { parentStage } from './scope';

/** For each stage: did it (or a stage it builds on) run SHELL by its end? Linear in the file. */
export function shellChangedByStage(df: Dockerfile): boolean[] {
  const out: boolean[] = [];
  for (const stage of df.stages) {
    const parent = parentStage(df, stage);
    out.push((parent ? out[parent.index] : false) || stage.instructions.some((i) => i.name === 'SHELL'));
  }
  return out;
}

export const jsonArgsRecommended: Rule = {
  meta: {
    id: 'json-args-recommended',
    aliases: ['JSONArgsRecommended'],
    sameProblemAs: ['DL3025'],
    severity: 'warning',
    source: 'buildkit',
    title: { en: 'Use the JSON (exec) form for CMD and ENTRYPOINT', ko: 'CMD와 ENTRYPOINT는 JSON(exec) 형식으로 쓰세요' },
    why: {
      en: 'In shell form, `/bin/sh -c` becomes the main process: `docker stop` sends SIGTERM to the shell, your program never sees it, and the container is killed after the timeout. The JSON form runs your program directly.',
      ko: 'shell 형식에서는 `/bin/sh -c`가 주 프로세스가 됩니다. `docker stop`의 SIGTERM은 셸에게만 가고 프로그램은 받지 못해, 시간 초과 뒤 컨테이너가 강제로 종료됩니다. JSON 형식은 프로그램을 직접 실행합니다.',
    },
    bad: 'FROM node:20-alpine\nCMD node server.js',
    good: 'FROM node:20-alpine\nCMD ["node", "server.js"]',
  },
  check(ctx, report) {
    const changed = shellChangedByStage(ctx.df);
    for (const stage of ctx.df.stages) {
      const parent = parentStage(ctx.df, stage);
      let shell = parent ? changed[parent.index] : false;
      for (const ins of stage.instructions) {
        if (ins.name === 'SHELL') shell = true;
        if ((ins.name !== 'CMD' && ins.name !== 'ENTRYPOINT') || ins.looksLikeJson || ins.args.length === 0 || ins.heredocs.length) continue;
        if (shell) continue;
        const words = ins.args.map((t) => t.value);
        const simple = ins.args.every((t) => /^[A-Za-z0-9_./:=@%+,-]+$/.test(t.raw));
        report({
          range: ins.range.start.line === ins.range.end.line ? ins.range : ins.keywordRange,
          message: {
            en: `${ins.name} in shell form runs under /bin/sh, so OS signals (docker stop) do not reach your program: use the JSON form, e.g. ${ins.name} ${JSON.stringify(words)}.`,
            ko: `shell 형식의 ${ins.name}은 /bin/sh 아래에서 실행되어 OS 신호(docker stop)가 프로그램에 전달되지 않습니다. ${ins.name} ${JSON.stringify(words)} 처럼 JSON 형식을 쓰세요.`,
          },
          fixes: simple
            ? [{ title: { en: 'Convert to JSON (exec) form', ko: 'JSON(exec) 형식으로 바꾸기' }, edits: [{ range: ins.argsRange, newText: JSON.stringify(words).replace(/","/g, '", "') }] }]
            : [],
        });
      }
    }
  },
};
