// Alpine's apk: pin versions (DL3018) and skip the local package index cache (DL3019).
import type { Rule } from '../types';
import { hadolintMeta, insertFix, scriptEditable } from './meta';
import { commandsNamed, mountTargets } from './runs';
import { argsNoFlags, cmdHasArgs, commandRange, hasFlag, wordRange } from './shellView';

export const apkPinVersions: Rule = {
  meta: hadolintMeta({
    id: 'apk-pin-versions',
    code: 'DL3018',
    severity: 'warning',
    title: { en: 'Pin package versions in apk add', ko: 'apk add에서 패키지 버전 고정' },
    why: {
      en: 'Without a version, each build installs the newest package of that day, so rebuilding the same Dockerfile can give a different image. `package=version` (or `~version`) keeps builds repeatable.',
      ko: '버전을 적지 않으면 빌드할 때마다 그날의 최신 패키지가 설치되어, 같은 Dockerfile로도 다른 이미지가 나올 수 있습니다. `패키지=버전`(또는 `~버전`)으로 빌드를 재현 가능하게 하세요.',
    },
    bad: 'FROM alpine:3.20\nRUN apk add --no-cache curl',
    good: 'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r0',
  }),
  check(ctx, report) {
    for (const { script: { run }, command: c } of commandsNamed(ctx, 'apk')) {
      if (!cmdHasArgs(c, 'apk', ['add'])) continue;
      for (const w of argsNoFlags(c, ['t', 'virtual', 'repository', 'X'])) {
        const p = w.value;
        if (p === 'add' || /[=~<>]/.test(p) || p.endsWith('.apk')) continue;
        report({
          range: wordRange(run, w),
          message: {
            en: `Pin the version of "${p}" (apk add ${p}=<version>): otherwise every build may get a different version.`,
            ko: `"${p}"의 버전을 고정하세요 (apk add ${p}=<버전>). 그렇지 않으면 빌드할 때마다 다른 버전이 설치될 수 있습니다.`,
          },
        });
      }
    }
  },
};

export const apkNoCache: Rule = {
  meta: hadolintMeta({
    id: 'apk-no-cache',
    code: 'DL3019',
    severity: 'info',
    title: { en: 'Use apk add --no-cache', ko: 'apk add --no-cache 사용' },
    why: {
      en: 'Without `--no-cache`, apk keeps the downloaded package index in /var/cache/apk, which stays in the image layer. `--no-cache` fetches a fresh index and leaves nothing behind, so no `apk update` or cleanup is needed.',
      ko: '`--no-cache`가 없으면 apk가 내려받은 패키지 색인을 /var/cache/apk에 남겨 이미지 레이어에 포함됩니다. `--no-cache`는 새 색인을 받아 쓰고 아무것도 남기지 않으므로 `apk update`나 정리가 필요 없습니다.',
    },
    bad: 'FROM alpine:3.20\nRUN apk update && apk add curl=8.9.1-r0',
    good: 'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r0',
  }),
  check(ctx, report) {
    for (const { script: { run }, command: c } of commandsNamed(ctx, 'apk')) {
      if (!cmdHasArgs(c, 'apk', ['add']) || hasFlag(c, 'no-cache')) continue;
      // A cache or tmpfs mount on /var/cache/apk keeps the index out of the layer as well.
      if (mountTargets(run, ['cache', 'tmpfs']).some((t) => t.startsWith('/var/cache/apk'))) continue;
      const add = c.args.find((a) => a.value === 'add');
      report({
        range: commandRange(run, c),
        message: {
          en: 'Use apk add --no-cache: otherwise the package index stays in /var/cache/apk inside the image.',
          ko: 'apk add --no-cache를 쓰세요. 그렇지 않으면 패키지 색인이 이미지 안의 /var/cache/apk에 남습니다.',
        },
        fixes: add && scriptEditable(run) ? [insertFix(run, add.end, ' --no-cache', { en: 'Add --no-cache', ko: '--no-cache 추가하기' })] : [],
      });
    }
  },
};
