// RPM-family package managers: yum (DL3030, DL3032, DL3033), dnf/microdnf (DL3038, DL3040,
// DL3041) and zypper (DL3034, DL3035, DL3036, DL3037).
import type { Instruction } from '../../model/types';
import type { Text } from '../types';
import type { Rule } from '../types';
import { hadolintMeta, insertFix, scriptEditable } from './meta';
import { commandsNamed, expandVariables, mountTargets, runScripts, variablesAt } from './runs';
import { argsNoFlags, cmdHasArgs, commandRange, hasAnyFlag, wordRange, type HCommand } from './shellView';

const DNF = ['dnf', 'microdnf'];
/** dnf subcommands that download packages into the cache. */
const DNF_CHANGES = ['install', 'in', 'upgrade', 'up', 'update', 'upgrade-minimal', 'up-min', 'reinstall', 'rei', 'groupinstall', 'localinstall'];
const DNF_CACHES = ['/var/cache/yum', '/var/cache/dnf', '/var/cache/libdnf5'];

/** `rm -rf <cache dir>…` */
function removesCache(c: HCommand, dirs: string[]): boolean {
  return c.name === 'rm' && c.args.some((a) => dirs.some((d) => a.value === d || a.value.startsWith(`${d}/`)));
}

/** A cache or tmpfs mount keeps the package cache out of the layer. */
function cachedDir(run: Instruction, dirs: string[]): boolean {
  return mountTargets(run, ['cache', 'tmpfs']).some((t) => dirs.some((d) => t.startsWith(d)));
}

/** A "needs a yes switch" rule for one tool. */
function yesRule(o: { id: string; code: string; tools: string[]; subcommands: string[]; yesFlags: string[]; insert: string; title: Text; why: Text; bad: string; good: string; message: Text }): Rule {
  return {
    meta: hadolintMeta({ id: o.id, code: o.code, severity: 'warning', title: o.title, why: o.why, bad: o.bad, good: o.good }),
    check(ctx, report) {
      for (const { script: { run }, command: c } of commandsNamed(ctx, o.tools)) {
        if (!cmdHasArgs(c, o.tools, o.subcommands) || hasAnyFlag(c, o.yesFlags)) continue;
        const sub = c.args.find((a) => o.subcommands.includes(a.value));
        report({
          range: commandRange(run, c),
          message: o.message,
          fixes: sub && scriptEditable(run) ? [insertFix(run, sub.end, ` ${o.insert}`, { en: `Add ${o.insert}`, ko: `${o.insert} 추가하기` })] : [],
        });
      }
    },
  };
}

export const yumAssumeYes = yesRule({
  id: 'yum-assume-yes',
  code: 'DL3030',
  tools: ['yum'],
  subcommands: ['install', 'groupinstall', 'localinstall'],
  yesFlags: ['y', 'assumeyes'],
  insert: '-y',
  title: { en: 'Use -y with yum install', ko: 'yum install에 -y 사용' },
  why: {
    en: 'A build cannot answer questions. Without `-y`, yum asks "Is this ok [y/N]", gets no answer and the build fails.',
    ko: '빌드 중에는 질문에 답할 수 없습니다. `-y`가 없으면 yum이 "Is this ok [y/N]"라고 묻고, 답이 없어 빌드가 실패합니다.',
  },
  bad: 'FROM rockylinux:9\nRUN yum install httpd-2.4.57 && yum clean all',
  good: 'FROM rockylinux:9\nRUN yum install -y httpd-2.4.57 && yum clean all',
  message: { en: 'Add -y to yum install: a build cannot answer its confirmation question, so it would fail.', ko: 'yum install에 -y를 추가하세요. 빌드는 확인 질문에 답할 수 없어 실패합니다.' },
});

export const dnfAssumeYes = yesRule({
  id: 'dnf-assume-yes',
  code: 'DL3038',
  tools: DNF,
  subcommands: ['install', 'groupinstall', 'localinstall'],
  yesFlags: ['y', 'assumeyes'],
  insert: '-y',
  title: { en: 'Use -y with dnf install', ko: 'dnf install에 -y 사용' },
  why: {
    en: 'A build cannot answer questions. Without `-y`, dnf asks for confirmation, gets no answer and the build fails.',
    ko: '빌드 중에는 질문에 답할 수 없습니다. `-y`가 없으면 dnf가 확인을 요청하고, 답이 없어 빌드가 실패합니다.',
  },
  bad: 'FROM fedora:40\nRUN dnf install httpd-2.4.62 && dnf clean all',
  good: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all',
  message: { en: 'Add -y to dnf install: a build cannot answer its confirmation question, so it would fail.', ko: 'dnf install에 -y를 추가하세요. 빌드는 확인 질문에 답할 수 없어 실패합니다.' },
});

export const zypperNonInteractive = yesRule({
  id: 'zypper-non-interactive',
  code: 'DL3034',
  tools: ['zypper'],
  subcommands: ['install', 'in', 'remove', 'rm', 'source-install', 'si', 'patch'],
  yesFlags: ['no-confirm', 'y', 'non-interactive', 'n'],
  insert: '-y',
  title: { en: 'Use zypper non-interactively (-y)', ko: 'zypper를 비대화식(-y)으로 사용' },
  why: {
    en: 'A build cannot answer questions. Without `-y` (or `--non-interactive`), zypper waits for a confirmation that never comes and the build fails.',
    ko: '빌드 중에는 질문에 답할 수 없습니다. `-y`(또는 `--non-interactive`)가 없으면 zypper가 오지 않는 확인을 기다리다 빌드가 실패합니다.',
  },
  bad: 'FROM opensuse/leap:15.6\nRUN zypper install httpd=2.4.58 && zypper clean',
  good: 'FROM opensuse/leap:15.6\nRUN zypper install -y httpd=2.4.58 && zypper clean',
  message: { en: 'Add -y (or --non-interactive) to zypper: a build cannot answer its confirmation question, so it would fail.', ko: 'zypper에 -y(또는 --non-interactive)를 추가하세요. 빌드는 확인 질문에 답할 수 없어 실패합니다.' },
});

export const yumCleanAll: Rule = {
  meta: hadolintMeta({
    id: 'yum-clean-all',
    code: 'DL3032',
    severity: 'warning',
    title: { en: 'Run yum clean all after yum install', ko: 'yum install 뒤에 yum clean all 실행' },
    why: {
      en: "yum keeps downloaded packages and metadata in /var/cache/yum. Unless `yum clean all` runs in the same RUN, that cache is saved in the layer and makes the image bigger.",
      ko: 'yum은 내려받은 패키지와 메타데이터를 /var/cache/yum에 보관합니다. 같은 RUN에서 `yum clean all`을 실행하지 않으면 그 캐시가 레이어에 저장되어 이미지가 커집니다.',
    },
    bad: 'FROM rockylinux:9\nRUN yum install -y httpd-2.4.57',
    good: 'FROM rockylinux:9\nRUN yum install -y httpd-2.4.57 && yum clean all',
  }),
  check(ctx, report) {
    for (const { run, commands } of runScripts(ctx)) {
      const install = commands.find((c) => cmdHasArgs(c, 'yum', ['install']));
      if (!install) continue;
      const clean = commands.find((c) => c.index > install.index && (cmdHasArgs(c, 'yum', ['clean']) && c.args.some((a) => a.value === 'all') || removesCache(c, ['/var/cache/yum'])));
      if (clean || cachedDir(run, ['/var/cache/yum'])) continue;
      report({
        range: commandRange(run, install),
        message: { en: 'Run `yum clean all` after the install in the same RUN: otherwise the package cache stays in the image layer.', ko: '같은 RUN에서 설치 뒤에 `yum clean all`을 실행하세요. 그렇지 않으면 패키지 캐시가 이미지 레이어에 남습니다.' },
      });
    }
  },
};

export const dnfCleanAll: Rule = {
  meta: hadolintMeta({
    id: 'dnf-clean-all',
    code: 'DL3040',
    severity: 'warning',
    title: { en: 'Run dnf clean all after dnf install', ko: 'dnf install 뒤에 dnf clean all 실행' },
    why: {
      en: "dnf keeps downloaded packages and metadata in its cache. Unless `dnf clean all` runs later in the same RUN, that cache is saved in the layer and makes the image bigger.",
      ko: 'dnf는 내려받은 패키지와 메타데이터를 캐시에 보관합니다. 같은 RUN에서 나중에 `dnf clean all`을 실행하지 않으면 그 캐시가 레이어에 저장되어 이미지가 커집니다.',
    },
    bad: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62',
    good: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all',
  }),
  check(ctx, report) {
    for (const { run, commands } of runScripts(ctx)) {
      if (cachedDir(run, DNF_CACHES)) continue;
      const install = commands.find((c) => DNF.includes(c.name) && argsNoFlags(c)[0] !== undefined && DNF_CHANGES.includes(argsNoFlags(c)[0].value));
      if (!install) continue;
      const clean = commands.find((c) => c.index > install.index && ((c.name === install.name && cmdHasArgs(c, c.name, ['clean']) && c.args.some((a) => a.value === 'all')) || removesCache(c, DNF_CACHES)));
      if (clean) continue;
      report({
        range: commandRange(run, install),
        message: { en: `Run \`${install.name} clean all\` after the install in the same RUN: otherwise the package cache stays in the image layer.`, ko: `같은 RUN에서 설치 뒤에 \`${install.name} clean all\`을 실행하세요. 그렇지 않으면 패키지 캐시가 이미지 레이어에 남습니다.` },
      });
    }
  },
};

export const zypperClean: Rule = {
  meta: hadolintMeta({
    id: 'zypper-clean',
    code: 'DL3036',
    severity: 'warning',
    title: { en: 'Run zypper clean after zypper install', ko: 'zypper install 뒤에 zypper clean 실행' },
    why: {
      en: 'zypper keeps downloaded packages and metadata in its cache. Unless `zypper clean` runs later in the same RUN, that cache is saved in the layer and makes the image bigger.',
      ko: 'zypper는 내려받은 패키지와 메타데이터를 캐시에 보관합니다. 같은 RUN에서 나중에 `zypper clean`을 실행하지 않으면 그 캐시가 레이어에 저장되어 이미지가 커집니다.',
    },
    bad: 'FROM opensuse/leap:15.6\nRUN zypper install -y httpd=2.4.58',
    good: 'FROM opensuse/leap:15.6\nRUN zypper install -y httpd=2.4.58 && zypper clean',
  }),
  check(ctx, report) {
    for (const { run, commands } of runScripts(ctx)) {
      const install = commands.find((c) => cmdHasArgs(c, 'zypper', ['install', 'in']));
      if (!install || cachedDir(run, ['/var/cache/zypp'])) continue;
      const clean = commands.find((c) => cmdHasArgs(c, 'zypper', ['clean', 'cc']));
      if (clean && clean.index > install.index) continue;
      report({
        range: commandRange(run, install),
        message: { en: 'Run `zypper clean` after the install in the same RUN: otherwise the package cache stays in the image layer.', ko: '같은 RUN에서 설치 뒤에 `zypper clean`을 실행하세요. 그렇지 않으면 패키지 캐시가 이미지 레이어에 남습니다.' },
      });
    }
  },
};

export const zypperNoDistUpgrade: Rule = {
  meta: hadolintMeta({
    id: 'zypper-no-dist-upgrade',
    code: 'DL3035',
    severity: 'warning',
    title: { en: 'Do not use zypper dist-upgrade', ko: 'zypper dist-upgrade 사용하지 않기' },
    why: {
      en: 'A distribution upgrade inside a build changes the whole base system to whatever is newest that day, which makes the image unpredictable and large. Use a newer base image tag instead.',
      ko: '빌드 중 배포판 업그레이드는 기반 시스템 전체를 그날의 최신 상태로 바꿔 이미지를 예측할 수 없고 크게 만듭니다. 대신 더 새로운 기반 이미지 태그를 쓰세요.',
    },
    bad: 'FROM opensuse/leap:15.5\nRUN zypper dist-upgrade -y',
    good: 'FROM opensuse/leap:15.6',
  }),
  check(ctx, report) {
    for (const { script: { run }, command: c } of commandsNamed(ctx, 'zypper')) {
      if (!cmdHasArgs(c, 'zypper', ['dist-upgrade', 'dup'])) continue;
      report({
        range: commandRange(run, c),
        message: { en: 'Do not run zypper dist-upgrade in a build: it upgrades the whole base system unpredictably. Pick a newer base image instead.', ko: '빌드에서 zypper dist-upgrade를 실행하지 마세요. 기반 시스템 전체가 예측할 수 없게 바뀝니다. 대신 더 새로운 기반 이미지를 고르세요.' },
      });
    }
  },
};

/** Words a `tool … install` command installs (not flags, not the subcommands). */
function installed(c: HCommand, tools: string[]): ReturnType<typeof argsNoFlags> {
  if (!cmdHasArgs(c, tools, ['install'])) return [];
  return argsNoFlags(c).filter((w) => w.value !== 'install' && w.value !== 'module');
}

/**
 * A "pin the versions" rule for one tool family. Only the commands named `tools` reach `packages`:
 * most commands of a file are something else, and the helper arrays `packages` builds for each
 * made this family the lint's largest allocator (~0.6 MB per 1000 lines).
 */
function pinRule(o: { id: string; code: string; tools: readonly string[]; title: Text; why: Text; bad: string; good: string; packages: (c: HCommand) => { word: ReturnType<typeof argsNoFlags>[number]; module: boolean }[]; pinned: (p: string) => boolean; example: string }): Rule {
  return {
    meta: hadolintMeta({ id: o.id, code: o.code, severity: 'warning', title: o.title, why: o.why, bad: o.bad, good: o.good }),
    check(ctx, report) {
      // The variables visible at each RUN, computed once per RUN and only when a package word uses one.
      const varsByHost = new Map<Instruction, Map<string, string>>();
      const varsAt = (host: Instruction): Map<string, string> => {
        let vars = varsByHost.get(host);
        if (!vars) varsByHost.set(host, (vars = variablesAt(ctx, host)));
        return vars;
      };
      for (const { script: { run, host }, command: c } of commandsNamed(ctx, o.tools)) {
        for (const { word, module } of o.packages(c)) {
          const value = word.value.includes('$') ? expandVariables(word.value, varsAt(host)) : word.value;
          if (module ? value.includes(':') : o.pinned(value)) continue;
          report({
            range: wordRange(run, word),
            message: {
              en: `Pin the version of "${word.value}" (${module ? 'module:stream' : o.example}): otherwise each build may install a different version.`,
              ko: `"${word.value}"의 버전을 고정하세요 (${module ? '모듈:스트림' : o.example}). 그렇지 않으면 빌드마다 다른 버전이 설치될 수 있습니다.`,
            },
          });
        }
      }
    },
  };
}

export const yumPinVersions = pinRule({
  id: 'yum-pin-versions',
  code: 'DL3033',
  tools: ['yum'],
  title: { en: 'Pin package versions in yum install', ko: 'yum install에서 패키지 버전 고정' },
  why: {
    en: 'Without a version, yum installs the newest package on every build, so rebuilding can change the image. Write `package-version`.',
    ko: '버전이 없으면 yum은 빌드할 때마다 최신 패키지를 설치해, 다시 빌드하면 이미지가 바뀔 수 있습니다. `패키지-버전`으로 적으세요.',
  },
  bad: 'FROM rockylinux:9\nRUN yum install -y httpd && yum clean all',
  good: 'FROM rockylinux:9\nRUN yum install -y httpd-2.4.57 && yum clean all',
  packages: (c) => {
    const module = cmdHasArgs(c, 'yum', ['module']);
    return installed(c, ['yum']).map((word) => ({ word, module }));
  },
  pinned: (p) => rpmVersionLike(p),
  example: 'yum install -y <package>-<version>',
});

function rpmVersionLike(p: string): boolean {
  const parts = p.split('-');
  if (parts.length <= 1) return false;
  if (p.endsWith('.rpm')) return true;
  const rest = parts.slice(1);
  return rest.every((x) => /^[A-Za-z0-9.~^_:+]*$/.test(x)) && rest.some((x) => /^[0-9]/.test(x));
}

export const dnfPinVersions = pinRule({
  id: 'dnf-pin-versions',
  code: 'DL3041',
  tools: DNF,
  title: { en: 'Pin package versions in dnf install', ko: 'dnf install에서 패키지 버전 고정' },
  why: {
    en: 'Without a version, dnf installs the newest package on every build, so rebuilding can change the image. Write `package-version`, or `module:stream` for modules.',
    ko: '버전이 없으면 dnf는 빌드할 때마다 최신 패키지를 설치해, 다시 빌드하면 이미지가 바뀔 수 있습니다. `패키지-버전`(모듈은 `모듈:스트림`)으로 적으세요.',
  },
  bad: 'FROM fedora:40\nRUN dnf install -y httpd && dnf clean all',
  good: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all',
  packages: (c) => {
    if (cmdHasArgs(c, DNF, ['group'])) return [];
    const module = cmdHasArgs(c, DNF, ['module']);
    return installed(c, DNF).map((word) => ({ word, module }));
  },
  pinned: rpmVersionLike,
  example: 'dnf install -y <package>-<version>',
});

export const zypperPinVersions = pinRule({
  id: 'zypper-pin-versions',
  code: 'DL3037',
  tools: ['zypper'],
  title: { en: 'Pin package versions in zypper install', ko: 'zypper install에서 패키지 버전 고정' },
  why: {
    en: 'Without a version, zypper installs the newest package on every build, so rebuilding can change the image. Write `package=version` (or a range like `package>=version`).',
    ko: '버전이 없으면 zypper는 빌드할 때마다 최신 패키지를 설치해, 다시 빌드하면 이미지가 바뀔 수 있습니다. `패키지=버전`(또는 `패키지>=버전` 같은 범위)으로 적으세요.',
  },
  bad: 'FROM opensuse/leap:15.6\nRUN zypper install -y httpd && zypper clean',
  good: 'FROM opensuse/leap:15.6\nRUN zypper install -y httpd=2.4.58 && zypper clean',
  packages: (c) => (cmdHasArgs(c, 'zypper', ['install', 'in']) ? argsNoFlags(c).filter((w) => w.value !== 'install' && w.value !== 'in').map((word) => ({ word, module: false })) : []),
  pinned: (p) => /[=<>]/.test(p) || p.endsWith('.rpm'),
  example: 'zypper install -y <package>=<version>',
});
