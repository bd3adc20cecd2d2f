// BuildKit WorkdirRelativePath: a relative WORKDIR before any absolute one in the stage (chain).
import type { Instruction } from '../../model/types';
import type { Rule } from '../types';
import { parentStage } from './scope';

/** Absolute on Linux (`/x`) or Windows (`C:\x`, `C:/x`), or starting with a variable we cannot judge. */
export function isAbsoluteOrUnknown(path: string): boolean {
  return path.startsWith('/') || path.startsWith('$') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\');
}

function workdirPath(ins: Instruction): string {
  return ins.args.map((t) => t.value).join(' ');
}

export const workdirRelativePath: Rule = {
  meta: {
    id: 'workdir-relative-path',
    aliases: ['WorkdirRelativePath'],
    sameProblemAs: ['DL3000'],
    severity: 'warning',
    source: 'buildkit',
    title: { en: 'Relative WORKDIR without an absolute one first', ko: '절대 경로 WORKDIR 없이 상대 경로 WORKDIR 사용' },
    why: {
      en: 'A relative WORKDIR is resolved against whatever directory the base image left you in. If the base image changes its WORKDIR, your files silently land somewhere else. Set an absolute path first.',
      ko: '상대 경로 WORKDIR은 베이스 이미지가 정해 둔 디렉터리를 기준으로 해석됩니다. 베이스 이미지의 WORKDIR이 바뀌면 파일이 조용히 다른 곳에 놓입니다. 먼저 절대 경로를 지정하세요.',
    },
    bad: 'FROM nginx:1.27\nWORKDIR usr/share/nginx/html',
    good: 'FROM nginx:1.27\nWORKDIR /usr/share/nginx/html',
  },
  check(ctx, report) {
    const absoluteSet = new Map<number, boolean>();
    for (const stage of ctx.df.stages) {
      const parent = parentStage(ctx.df, stage);
      let absolute = parent ? (absoluteSet.get(parent.index) ?? false) : false;
      for (const ins of stage.instructions) {
        if (ins.name !== 'WORKDIR' || ins.args.length === 0) continue;
        const path = workdirPath(ins);
        if (isAbsoluteOrUnknown(path) || isAbsoluteOrUnknown(ins.args[0].raw.replace(/^["']/, ''))) {
          absolute = true;
          continue;
        }
        if (absolute) continue;
        report({
          range: ins.argsRange,
          message: {
            en: `WORKDIR '${path}' is relative and no absolute WORKDIR was set before it, so where it ends up depends on the base image: use '/${path}' or set an absolute WORKDIR first.`,
            ko: `WORKDIR '${path}'은 상대 경로이고 앞에서 절대 경로 WORKDIR을 정하지 않았으므로 결과 위치가 베이스 이미지에 따라 달라집니다. '/${path}'를 쓰거나 먼저 절대 경로 WORKDIR을 지정하세요.`,
          },
          fixes: [{ title: { en: `Use '/${path}'`, ko: `'/${path}' 사용` }, preferred: true, edits: [{ range: ins.args[0].range, newText: '/' + ins.args[0].raw }] }],
        });
      }
      absoluteSet.set(stage.index, absolute);
    }
  },
};
