// Studio rule: a package manager that the base image's distribution does not have (apt on Alpine, …).
import { effectiveCommand } from '../../model/shell';
import { scriptRange } from '../context';
import { rootImage } from '../buildkit/scope';
import type { Rule } from '../types';
import { FAMILY_MANAGER, imageFamily, MANAGER_FAMILY } from './imageFamily';

const FAMILY_NAME = { debian: 'Debian/Ubuntu', alpine: 'Alpine', rhel: 'Red Hat/Fedora', suse: 'openSUSE' } as const;

export const packageManagerMismatch: Rule = {
  meta: {
    id: 'package-manager-mismatch',
    aliases: [],
    severity: 'warning',
    source: 'studio',
    title: { en: "Package manager not available in the base image", ko: '베이스 이미지에 없는 패키지 관리자' },
    why: {
      en: 'Each Linux distribution has its own package manager: Alpine uses apk, Debian and Ubuntu use apt-get, Fedora/RHEL use dnf or yum. Calling one that the base image does not have fails with "not found".',
      ko: '리눅스 배포판마다 패키지 관리자가 다릅니다. Alpine은 apk, Debian과 Ubuntu는 apt-get, Fedora/RHEL은 dnf나 yum을 씁니다. 베이스 이미지에 없는 것을 부르면 "not found"로 실패합니다.',
    },
    bad: 'FROM python:3.12-alpine\nRUN apt-get update && apt-get install -y gcc',
    good: 'FROM python:3.12-alpine\nRUN apk add --no-cache gcc',
  },
  check(ctx, report) {
    for (const stage of ctx.df.stages) {
      const image = rootImage(ctx.df, stage);
      const family = imageFamily(image);
      if (!family) continue;
      for (const ins of stage.instructions) {
        if (ins.name !== 'RUN' || !ctx.isPosixShell(ins)) continue;
        const script = ctx.scriptOf(ins);
        // Scripts written for several distributions check which manager exists first.
        if (/command -v|\bwhich\b|\btype\b|os-release|\bif\b/.test(script)) continue;
        for (const cmd of ctx.shellOf(ins)) {
          const { program, programWord } = effectiveCommand(cmd);
          const needs = MANAGER_FAMILY[program];
          if (!needs || needs === family || !programWord) continue;
          // RHEL-family images may be Amazon Linux 2 (yum only) etc.; apt on suse and the like are clear.
          report({
            range: scriptRange(ins, programWord.start, programWord.end),
            message: {
              en: `'${program}' is the ${FAMILY_NAME[needs]} package manager, but this stage is based on '${image}' (${FAMILY_NAME[family]}), which uses ${FAMILY_MANAGER[family]}: the command will not be found.`,
              ko: `'${program}'은 ${FAMILY_NAME[needs]}의 패키지 관리자인데, 이 스테이지는 ${FAMILY_MANAGER[family]}를 쓰는 '${image}'(${FAMILY_NAME[family]}) 기반이라 명령을 찾을 수 없습니다.`,
            },
          });
        }
      }
    }
  },
};
