// apt-get rules: pin versions (DL3008), clean the package lists (DL3009), answer yes (DL3014),
// skip recommended packages (DL3015), and prefer apt-get over apt (DL3027).
import type { Instruction } from '../../model/types';
import type { Rule } from '../types';
import { trimEndWhere } from '../textTrim';
import { hadolintMeta, insertFix, scriptEditable } from './meta';
import { commandsNamed, mountTargets, runScripts, stageEndsInImage } from './runs';
import { argsNoFlags, cmdHasArgs, commandRange, hasAnyFlag, hasFlag, wordRange, type HCommand } from './shellView';

const isAptGetInstall = (c: HCommand): boolean => cmdHasArgs(c, 'apt-get', ['install']);
const installWord = (c: HCommand) => c.args.find((a) => a.value === 'install');

export const aptGetPinVersions: Rule = {
  meta: hadolintMeta({
    id: 'apt-get-pin-versions',
    code: 'DL3008',
    severity: 'warning',
    title: { en: 'Pin package versions in apt-get install', ko: 'apt-get install에서 패키지 버전 고정' },
    why: {
      en: 'Without a version, each build installs whatever is newest that day, so two builds of the same Dockerfile can behave differently. `package=version` makes builds repeatable.',
      ko: '버전을 적지 않으면 빌드할 때마다 그날의 최신 패키지가 설치되어, 같은 Dockerfile이라도 빌드 결과가 달라질 수 있습니다. `패키지=버전`으로 적으면 빌드가 재현됩니다.',
    },
    bad: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl',
    good: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl=7.88.1-10+deb12u8',
  }),
  check(ctx, report) {
    for (const { script: { run }, command: c } of commandsNamed(ctx, 'apt-get')) {
      if (!isAptGetInstall(c)) continue;
      for (const w of argsNoFlags(c, ['t', 'target-release'])) {
        const p = w.value;
        if (p === 'install' || p.includes('=') || p.includes('/') || p.endsWith('.deb')) continue;
        report({
          range: wordRange(run, w),
          message: {
            en: `Pin the version of "${p}" (apt-get install ${p}=<version>): otherwise every build may get a different version.`,
            ko: `"${p}"의 버전을 고정하세요 (apt-get install ${p}=<버전>). 그렇지 않으면 빌드할 때마다 다른 버전이 설치될 수 있습니다.`,
          },
        });
      }
    }
  },
};

function hasCacheMountUnder(run: Instruction, dir: string): boolean {
  return mountTargets(run, ['cache', 'tmpfs']).some((t) => t.startsWith(dir));
}

export const aptGetCleanLists: Rule = {
  meta: hadolintMeta({
    id: 'apt-get-clean-lists',
    code: 'DL3009',
    severity: 'info',
    title: { en: 'Delete the apt-get lists after installing', ko: '설치 후 apt-get 목록 삭제' },
    why: {
      en: '`apt-get update` downloads package lists into /var/lib/apt/lists. Left there, they make the image tens of megabytes bigger and are stale anyway. Remove them in the same RUN, or use a cache mount.',
      ko: '`apt-get update`는 패키지 목록을 /var/lib/apt/lists에 내려받습니다. 그대로 두면 이미지가 수십 MB 커지고, 어차피 곧 오래된 정보가 됩니다. 같은 RUN에서 지우거나 캐시 마운트를 쓰세요.',
    },
    bad: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8',
    good: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 \\\n    && rm -rf /var/lib/apt/lists/*',
  }),
  check(ctx, report) {
    for (const { run, host, commands, script } of runScripts(ctx)) {
      const update = commands.find((c) => cmdHasArgs(c, ['apt-get', 'apt', 'aptitude'], ['update']));
      if (!update) continue;
      if (commands.some((c) => cmdHasArgs(c, 'rm', ['-rf', '/var/lib/apt/lists/*']))) continue;
      if (hasCacheMountUnder(run, '/var/lib/apt/lists')) continue;
      if (hasCacheMountUnder(run, '/var/lib/apt') && hasCacheMountUnder(run, '/var/cache/apt')) continue;
      // An ONBUILD trigger runs in every child image, so its leftovers always end up in an image.
      if (run === host && !stageEndsInImage(ctx, host)) continue;
      const fixes = [];
      // An inline `# comment` would swallow an appended command, so no fix then.
      if (scriptEditable(run) && !/(^|\s)#/.test(script)) {
        const trimmed = trimEndWhere(script, (c) => c === '\\' || /\s/.test(c));
        const heredoc = run.heredocs.length > 0 && !run.json && run.args[0]?.raw.startsWith('<<');
        const text = heredoc ? '\nrm -rf /var/lib/apt/lists/*' : /[;&]$/.test(trimmed) ? ' rm -rf /var/lib/apt/lists/*' : ' && rm -rf /var/lib/apt/lists/*';
        fixes.push(insertFix(run, trimmed.length, text, { en: 'Delete the apt lists at the end of this RUN', ko: '이 RUN 끝에서 apt 목록 삭제하기' }));
      }
      report({
        range: commandRange(run, update),
        message: {
          en: 'Delete the apt-get lists in the same RUN (rm -rf /var/lib/apt/lists/*): otherwise they stay in the image layer and only add size.',
          ko: '같은 RUN에서 apt-get 목록을 지우세요 (rm -rf /var/lib/apt/lists/*). 그렇지 않으면 이미지 레이어에 남아 크기만 늘립니다.',
        },
        fixes,
      });
    }
  },
};

/** -y / --yes / --assume-yes, or quiet level 2 (-qq, -q -q, --quiet --quiet, -q=2), which implies yes. */
function assumesYes(c: HCommand): boolean {
  if (hasAnyFlag(c, ['y', 'yes', 'assume-yes'])) return true;
  const quiet = c.flags.filter((f) => f.name === 'q' || f.name === 'quiet').length;
  return quiet >= 2 || c.args.some((a) => /^(-q|--quiet)=([2-9]|\d{2,})$/.test(a.value));
}

export const aptGetYes: Rule = {
  meta: hadolintMeta({
    id: 'apt-get-assume-yes',
    code: 'DL3014',
    severity: 'warning',
    title: { en: 'Use -y with apt-get install', ko: 'apt-get install에 -y 사용' },
    why: {
      en: 'A build cannot answer questions. Without `-y`, apt-get asks "Do you want to continue?", gets no answer and aborts, so the build fails.',
      ko: '빌드 중에는 질문에 답할 수 없습니다. `-y`가 없으면 apt-get이 "계속하시겠습니까?"라고 묻고, 답이 없어서 중단되어 빌드가 실패합니다.',
    },
    bad: 'FROM debian:12\nRUN apt-get update && apt-get install curl',
    good: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl',
  }),
  check(ctx, report) {
    for (const { script: { run }, command: c } of commandsNamed(ctx, 'apt-get')) {
      if (!isAptGetInstall(c) || assumesYes(c)) continue;
      const w = installWord(c);
      report({
        range: commandRange(run, c),
        message: {
          en: 'Add -y to apt-get install: a build cannot answer its "Do you want to continue?" question, so it would abort.',
          ko: 'apt-get install에 -y를 추가하세요. 빌드는 "계속하시겠습니까?" 질문에 답할 수 없어 중단됩니다.',
        },
        fixes: w && scriptEditable(run) ? [insertFix(run, w.end, ' -y', { en: 'Add -y', ko: '-y 추가하기' })] : [],
      });
    }
  },
};

export const aptGetNoInstallRecommends: Rule = {
  meta: hadolintMeta({
    id: 'apt-get-no-install-recommends',
    code: 'DL3015',
    severity: 'info',
    title: { en: 'Use --no-install-recommends', ko: '--no-install-recommends 사용' },
    why: {
      en: 'By default apt-get also installs "recommended" packages you did not ask for, often doubling the image size. `--no-install-recommends` installs only what you list and what it needs.',
      ko: 'apt-get은 기본적으로 요청하지 않은 "권장" 패키지까지 설치해 이미지가 두 배로 커지기도 합니다. `--no-install-recommends`를 쓰면 적은 패키지와 꼭 필요한 의존성만 설치됩니다.',
    },
    bad: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl',
    good: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl',
  }),
  check(ctx, report) {
    for (const { script: { run }, command: c } of commandsNamed(ctx, 'apt-get')) {
      if (!isAptGetInstall(c)) continue;
      if (hasFlag(c, 'no-install-recommends') || c.args.some((a) => a.value === 'APT::Install-Recommends=false')) continue;
      const w = installWord(c);
      report({
        range: commandRange(run, c),
        message: {
          en: 'Add --no-install-recommends: otherwise apt-get also installs recommended packages you did not ask for, and the image grows.',
          ko: '--no-install-recommends를 추가하세요. 그렇지 않으면 요청하지 않은 권장 패키지까지 설치되어 이미지가 커집니다.',
        },
        fixes: w && scriptEditable(run) ? [insertFix(run, w.end, ' --no-install-recommends', { en: 'Add --no-install-recommends', ko: '--no-install-recommends 추가하기' })] : [],
      });
    }
  },
};

export const useAptGetNotApt: Rule = {
  meta: hadolintMeta({
    id: 'use-apt-get-not-apt',
    code: 'DL3027',
    severity: 'warning',
    title: { en: 'Use apt-get or apt-cache instead of apt', ko: 'apt 대신 apt-get 또는 apt-cache 사용' },
    why: {
      en: '`apt` is made for people at a terminal: its output and options may change between releases and it warns that it has no stable interface for scripts. `apt-get` and `apt-cache` are the stable tools for scripts like a Dockerfile.',
      ko: '`apt`는 터미널에서 사람이 쓰도록 만든 도구라 출력과 옵션이 버전마다 바뀔 수 있고, 스크립트용 인터페이스가 안정적이지 않다고 경고합니다. Dockerfile 같은 스크립트에는 `apt-get`과 `apt-cache`를 쓰세요.',
    },
    bad: 'FROM debian:12\nRUN apt update && apt install -y curl',
    good: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl',
  }),
  check(ctx, report) {
    for (const { script: { run }, command: c } of commandsNamed(ctx, 'apt')) {
      report({
        range: wordRange(run, c.nameWord),
        message: {
          en: 'Use apt-get (or apt-cache) instead of apt: apt is meant for people at a terminal and has no stable interface for scripts.',
          ko: 'apt 대신 apt-get(또는 apt-cache)을 쓰세요. apt는 사람이 터미널에서 쓰는 도구라 스크립트용 인터페이스가 안정적이지 않습니다.',
        },
      });
    }
  },
};
