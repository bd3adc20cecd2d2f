// One-per-stage instructions: HEALTHCHECK (DL3012), CMD (DL4003), ENTRYPOINT (DL4004), and the
// opt-in "no HEALTHCHECK at all" (DL3057).
import type { Instruction } from '../../model/types';
import type { Rule, Text } from '../types';
import { hadolintMeta } from './meta';

/**
 * hadolint reports the later of two such instructions; we report the one that has no effect (the
 * line to delete, where BuildKit's MultipleInstructionsDisallowed reports too, so the two fold into
 * one diagnostic). The count is the same: one per instruction a later one replaces.
 */
function onlyOnce(o: { id: string; code: string; keyword: string; severity: 'error' | 'warning'; title: Text; why: Text; bad: string; good: string }): Rule {
  return {
    meta: hadolintMeta({ id: o.id, code: o.code, severity: o.severity, title: o.title, why: o.why, bad: o.bad, good: o.good }),
    check(ctx, report) {
      // The previous instruction of the kind in each stage, reported once a later one replaces it.
      const previous = new Map<number, Instruction>();
      for (const ins of ctx.df.instructions) {
        if (ins.name !== o.keyword) continue;
        const replaced = previous.get(ins.stageIndex);
        if (replaced) {
          report({
            range: replaced.keywordRange,
            message: {
              en: `This ${o.keyword} is ignored: the ${o.keyword} on line ${ins.startLine + 1} replaces it, because a stage keeps only its last ${o.keyword}.`,
              ko: `이 ${o.keyword}는 무시됩니다. 스테이지는 마지막 ${o.keyword}만 유지하므로 ${ins.startLine + 1}번째 줄의 ${o.keyword}가 이것을 대신합니다.`,
            },
          });
        }
        previous.set(ins.stageIndex, ins);
      }
    },
  };
}

export const singleHealthcheck = onlyOnce({
  id: 'single-healthcheck',
  code: 'DL3012',
  keyword: 'HEALTHCHECK',
  severity: 'error',
  title: { en: 'Only one HEALTHCHECK per stage', ko: '스테이지마다 HEALTHCHECK는 하나만' },
  why: {
    en: 'A container has one health check. When a stage lists several HEALTHCHECK instructions, only the last one is used and the others are dead code that misleads readers.',
    ko: '컨테이너에는 헬스 체크가 하나뿐입니다. 한 스테이지에 HEALTHCHECK가 여러 개면 마지막 것만 쓰이고, 나머지는 읽는 사람을 헷갈리게 하는 죽은 코드입니다.',
  },
  bad: 'FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/\nHEALTHCHECK CMD wget -qO- http://localhost/',
  good: 'FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/',
});

export const singleCmd = onlyOnce({
  id: 'single-cmd',
  code: 'DL4003',
  keyword: 'CMD',
  severity: 'warning',
  title: { en: 'Only one CMD per stage', ko: '스테이지마다 CMD는 하나만' },
  why: {
    en: 'A container runs one default command. With several CMD instructions in a stage only the last one counts; the others never run.',
    ko: '컨테이너의 기본 명령은 하나입니다. 한 스테이지에 CMD가 여러 개면 마지막 것만 적용되고 나머지는 절대 실행되지 않습니다.',
  },
  bad: 'FROM node:20\nCMD ["npm", "run", "migrate"]\nCMD ["node", "server.js"]',
  good: 'FROM node:20\nCMD ["node", "server.js"]',
});

export const singleEntrypoint = onlyOnce({
  id: 'single-entrypoint',
  code: 'DL4004',
  keyword: 'ENTRYPOINT',
  severity: 'error',
  title: { en: 'Only one ENTRYPOINT per stage', ko: '스테이지마다 ENTRYPOINT는 하나만' },
  why: {
    en: 'A container has one entrypoint. With several ENTRYPOINT instructions in a stage only the last one counts; the others never run.',
    ko: '컨테이너의 엔트리포인트는 하나입니다. 한 스테이지에 ENTRYPOINT가 여러 개면 마지막 것만 적용되고 나머지는 절대 실행되지 않습니다.',
  },
  bad: 'FROM node:20\nENTRYPOINT ["/setup.sh"]\nENTRYPOINT ["node"]',
  good: 'FROM node:20\nENTRYPOINT ["node"]',
});

export const healthcheckMissing: Rule = {
  meta: hadolintMeta({
    id: 'healthcheck-missing',
    code: 'DL3057',
    severity: 'info',
    defaultOff: true,
    title: { en: 'No HEALTHCHECK instruction', ko: 'HEALTHCHECK 명령 없음' },
    why: {
      en: 'Without a HEALTHCHECK, Docker only knows whether the process is alive, not whether it still answers. A health check lets orchestrators restart a container that hangs. (Off by default: enable it if your images should declare one.)',
      ko: 'HEALTHCHECK가 없으면 Docker는 프로세스가 살아 있는지만 알 뿐, 여전히 응답하는지는 모릅니다. 헬스 체크가 있으면 오케스트레이터가 멈춘 컨테이너를 다시 시작할 수 있습니다. (기본으로 꺼져 있으니 이미지에 꼭 필요하면 켜세요.)',
    },
    bad: 'FROM nginx:1.27',
    good: 'FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1',
  }),
  check(ctx, report) {
    const stages = ctx.df.stages;
    // Parent = the nearest earlier stage named like this stage's image. One pass with a map of
    // the latest stage per name, so thousands of stages stay linear.
    const latestByName = new Map<string, number>();
    const parent: number[] = stages.map((s, i) => {
      const p = latestByName.get(s.image.toLowerCase()) ?? -1;
      if (s.name) latestByName.set(s.name.toLowerCase(), i);
      return p;
    });
    const usedAsBase = new Set(parent.filter((p) => p >= 0));
    // Does the stage or one of its ancestors declare a HEALTHCHECK? Parents come first, so one pass.
    const inherited: boolean[] = [];
    stages.forEach((s, i) => {
      inherited[i] = s.instructions.some((ins) => ins.name === 'HEALTHCHECK') || (parent[i] >= 0 && inherited[parent[i]]);
    });
    const copiedFrom = new Set(ctx.df.instructions.flatMap((i) => i.flags.filter((f) => f.name === 'from' && f.value).map((f) => (f.value as string).toLowerCase())));
    stages.forEach((s, i) => {
      // Only stages that end a chain matter; a stage used only as a COPY --from source is a build step.
      if (usedAsBase.has(i) || (s.name && copiedFrom.has(s.name.toLowerCase())) || copiedFrom.has(String(i))) return;
      if (inherited[i]) return;
      report({
        range: s.from.keywordRange,
        message: {
          en: 'This image has no HEALTHCHECK: Docker can tell the process is running but not that it still works. Add HEALTHCHECK CMD … (or HEALTHCHECK NONE to say it is deliberate).',
          ko: '이 이미지에는 HEALTHCHECK가 없습니다. Docker는 프로세스가 도는지는 알아도 제대로 동작하는지는 모릅니다. HEALTHCHECK CMD …를 추가하세요 (의도한 것이면 HEALTHCHECK NONE).',
        },
      });
    });
  },
};
