// Language package managers: pin npm (DL3016), gem (DL3028) and go (DL3062) versions, and clean
// yarn's cache (DL3060).
import type { ShellWord } from '../../model/shell';
import type { Rule } from '../types';
import { hadolintMeta } from './meta';
import { commandsNamed, mountTargets, runScripts, stageEndsInImage } from './runs';
import { argsNoFlags, cmdHasArgs, commandRange, wordRange, type HCommand } from './shellView';

/** Non-flag words, treating the word after a `--long` flag (written without `=`) in `valued` as its value. */
function operands(c: HCommand, valued: (flag: string) => boolean): ShellWord[] {
  const out: ShellWord[] = [];
  for (let i = 0; i < c.args.length; i++) {
    const v = c.args[i].value;
    if (v === '--') break;
    if (v.startsWith('-') && v !== '-') {
      if (!v.includes('=') && valued(v.replace(/^-+/, ''))) i++;
      continue;
    }
    out.push(c.args[i]);
  }
  return out;
}

const NPM_VALUE_FLAGS = new Set(['loglevel', 'registry', 'prefix', 'cache', 'userconfig', 'globalconfig', 'tag', 'otp', 'scope', 'workspace', 'w', 'omit', 'include', 'install-strategy', 'before', 'location', 'only', 'also']);

function npmPinned(p: string): boolean {
  if (['git://', 'git+ssh://', 'git+http://', 'git+https://'].some((s) => p.startsWith(s))) return p.includes('#');
  if (['.tar', '.tar.gz', '.tgz'].some((s) => p.endsWith(s))) return true;
  if (['/', './', '../', '~/'].some((s) => p.startsWith(s))) return true;
  const unscoped = p.startsWith('@') ? p.slice(p.indexOf('/') + 1) : p;
  return unscoped.includes('@');
}

export const npmPinVersions: Rule = {
  meta: hadolintMeta({
    id: 'npm-pin-versions',
    code: 'DL3016',
    severity: 'warning',
    title: { en: 'Pin versions in npm install', ko: 'npm install에서 버전 고정' },
    why: {
      en: 'Without a version, npm installs the newest release on every build, so the same Dockerfile can produce an image with different code. Write `package@version`, or install from package.json with a lock file.',
      ko: '버전이 없으면 npm은 빌드할 때마다 최신 릴리스를 설치해, 같은 Dockerfile로도 다른 코드가 담긴 이미지가 나올 수 있습니다. `패키지@버전`으로 적거나, lock 파일과 함께 package.json으로 설치하세요.',
    },
    bad: 'FROM node:20\nRUN npm install -g typescript',
    good: 'FROM node:20\nRUN npm install -g typescript@5.5.4',
  }),
  check(ctx, report) {
    for (const { script: { run }, command: c } of commandsNamed(ctx, 'npm')) {
      if (!cmdHasArgs(c, 'npm', ['install'])) continue;
      const words = operands(c, (f) => NPM_VALUE_FLAGS.has(f));
      if (words[0]?.value !== 'install') continue;
      for (const w of words.slice(1)) {
        if (w.value === 'install' || npmPinned(w.value)) continue;
        report({
          range: wordRange(run, w),
          message: {
            en: `Pin the version of "${w.value}" (npm install ${w.value}@<version>): otherwise each build may install a different release.`,
            ko: `"${w.value}"의 버전을 고정하세요 (npm install ${w.value}@<버전>). 그렇지 않으면 빌드마다 다른 릴리스가 설치될 수 있습니다.`,
          },
        });
      }
    }
  },
};

export const gemPinVersions: Rule = {
  meta: hadolintMeta({
    id: 'gem-pin-versions',
    code: 'DL3028',
    severity: 'warning',
    title: { en: 'Pin versions in gem install', ko: 'gem install에서 버전 고정' },
    why: {
      en: 'Without a version, gem installs the newest release on every build, so rebuilding can silently change your tools. Write `gem install name:version` or use `-v`.',
      ko: '버전이 없으면 gem은 빌드할 때마다 최신 릴리스를 설치해, 다시 빌드하면 도구가 몰래 바뀔 수 있습니다. `gem install 이름:버전` 또는 `-v`를 쓰세요.',
    },
    bad: 'FROM ruby:3.3\nRUN gem install bundler',
    good: 'FROM ruby:3.3\nRUN gem install bundler:2.5.16',
  }),
  check(ctx, report) {
    for (const { script: { run }, command: c } of commandsNamed(ctx, 'gem')) {
      if (!cmdHasArgs(c, 'gem', ['install', 'i'])) continue;
      if (c.args.some((a) => a.value === '-v' || a.value === '--version' || a.value.startsWith('--version='))) continue;
      for (const w of operands(c, (f) => f.length > 1)) {
        if (w.value === 'install' || w.value === 'i' || w.value.includes(':')) continue;
        report({
          range: wordRange(run, w),
          message: {
            en: `Pin the version of "${w.value}" (gem install ${w.value}:<version>): otherwise each build may install a different release.`,
            ko: `"${w.value}"의 버전을 고정하세요 (gem install ${w.value}:<버전>). 그렇지 않으면 빌드마다 다른 릴리스가 설치될 수 있습니다.`,
          },
        });
      }
    }
  },
};

export const yarnCacheClean: Rule = {
  meta: hadolintMeta({
    id: 'yarn-cache-clean',
    code: 'DL3060',
    severity: 'info',
    title: { en: 'Run yarn cache clean after yarn install', ko: 'yarn install 뒤에 yarn cache clean 실행' },
    why: {
      en: 'yarn keeps a copy of every downloaded package in its cache. In an image that cache is never used again but stays in the layer. Run `yarn cache clean` in the same RUN, or use a cache mount.',
      ko: 'yarn은 내려받은 모든 패키지의 사본을 캐시에 보관합니다. 이미지 안에서는 다시 쓰이지 않지만 레이어에 남습니다. 같은 RUN에서 `yarn cache clean`을 실행하거나 캐시 마운트를 쓰세요.',
    },
    bad: 'FROM node:20\nRUN yarn install --frozen-lockfile',
    good: 'FROM node:20\nRUN yarn install --frozen-lockfile && yarn cache clean',
  }),
  check(ctx, report) {
    for (const { run, host, commands } of runScripts(ctx)) {
      const install = commands.find((c) => cmdHasArgs(c, 'yarn', ['install']));
      if (!install) continue;
      if (commands.some((c) => c.index > install.index && cmdHasArgs(c, 'yarn', ['cache']) && c.args.some((a) => a.value === 'clean'))) continue;
      if (mountTargets(run, ['cache', 'tmpfs']).some((t) => t.includes('yarn'))) continue;
      // An ONBUILD trigger runs in every child image, so its leftovers always end up in an image.
      if (run === host && !stageEndsInImage(ctx, host)) continue;
      report({
        range: commandRange(run, install),
        message: {
          en: "Run `yarn cache clean` in the same RUN after yarn install: yarn's package cache is never reused in the image but adds to its size.",
          ko: 'yarn install 뒤 같은 RUN에서 `yarn cache clean`을 실행하세요. yarn 패키지 캐시는 이미지 안에서 다시 쓰이지 않고 크기만 늘립니다.',
        },
      });
    }
  },
};

function goLocal(p: string): boolean {
  return p === '.' || p === '..' || p.startsWith('/') || p.startsWith('./') || p.startsWith('../') || p.endsWith('.go');
}

function goPinned(p: string): boolean {
  const at = p.lastIndexOf('@');
  return at > 0 && p.slice(at + 1) !== '' && p.slice(at + 1) !== 'latest';
}

export const goPinVersions: Rule = {
  meta: hadolintMeta({
    id: 'go-pin-versions',
    code: 'DL3062',
    severity: 'warning',
    title: { en: 'Pin versions in go install, go get and go run', ko: 'go install, go get, go run에서 버전 고정' },
    why: {
      en: 'Without `@version` (or with `@latest`), go fetches whatever is newest when the image is built, so rebuilding can change the program. Write `module@v1.2.3`.',
      ko: '`@버전`이 없거나 `@latest`이면 go는 빌드할 때의 최신 코드를 가져오므로, 다시 빌드하면 프로그램이 바뀔 수 있습니다. `모듈@v1.2.3`처럼 적으세요.',
    },
    bad: 'FROM golang:1.23\nRUN go install golang.org/x/tools/gopls@latest',
    good: 'FROM golang:1.23\nRUN go install golang.org/x/tools/gopls@v0.16.2',
  }),
  check(ctx, report) {
    for (const { script: { run }, command: c } of commandsNamed(ctx, 'go')) {
      const words = argsNoFlags(c);
      const sub = words[0]?.value;
      if (sub !== 'install' && sub !== 'get' && sub !== 'run') continue;
      const packages = sub === 'run' ? words.slice(1, 2) : words.slice(1);
      for (const w of packages) {
        if (goLocal(w.value) || goPinned(w.value)) continue;
        report({
          range: wordRange(run, w),
          message: {
            en: `Pin the version of "${w.value}" (go ${sub} ${w.value.replace(/@.*$/, '')}@v1.2.3): without it, or with @latest, each build may fetch different code.`,
            ko: `"${w.value}"의 버전을 고정하세요 (go ${sub} ${w.value.replace(/@.*$/, '')}@v1.2.3). 버전이 없거나 @latest이면 빌드마다 다른 코드를 받아올 수 있습니다.`,
          },
        });
      }
    }
  },
};
