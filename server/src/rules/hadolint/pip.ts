// pip: pin versions (DL3013) and do not keep pip's download cache in the image (DL3042).
import type { Rule } from '../types';
import { hadolintMeta, insertFix, scriptEditable } from './meta';
import { mountTargets, runPart } from './runs';
import { argsNoFlags, argValues, commandRange, commandsOf, hasFlag, hasSequence, isPipInstall, type HCommand } from './shellView';

const PIP_VALUE_FLAGS = ['abi', 'b', 'build', 'e', 'editable', 'extra-index-url', 'f', 'find-links', 'i', 'index-url', 'implementation', 'no-binary', 'only-binary', 'platform', 'prefix', 'progress-bar', 'proxy', 'python-version', 'root', 'src', 't', 'target', 'trusted-host', 'upgrade-strategy', 'root-user-action', 'python', 'c', 'constraint', 'r', 'requirement', 'log', 'cache-dir', 'timeout', 'retries', 'src', 'report'];
const VCS = ['git+file', 'git+https', 'git+ssh', 'git+http', 'git+git', 'git', 'hg+file', 'hg+http', 'hg+https', 'hg+ssh', 'hg+static-http', 'svn', 'svn+svn', 'svn+http', 'svn+https', 'svn+ssh', 'bzr+http', 'bzr+https', 'bzr+ssh', 'bzr+sftp', 'bzr+ftp', 'bzr+lp'];
const VERSION_SYMBOLS = ['==', '>=', '<=', '>', '<', '!=', '~=', '==='];

function pipPackages(c: HCommand): string[] {
  const words = argsNoFlags(c, PIP_VALUE_FLAGS).map((w) => w.value);
  const at = words.indexOf('install');
  if (at < 0) return [];
  let k = at;
  while (k < words.length && words[k] === 'install') k++;
  return words.slice(k);
}

function pinned(p: string): boolean {
  const vcs = VCS.some((s) => p.startsWith(s));
  if (VERSION_SYMBOLS.some((s) => p.includes(s))) return true;
  if (vcs && p.includes('@')) return true;
  if (p.endsWith('.whl') || p.endsWith('.tar.gz')) return true;
  return !vcs && p.includes('/');
}

export const pipPinVersions: Rule = {
  meta: hadolintMeta({
    id: 'pip-pin-versions',
    code: 'DL3013',
    severity: 'warning',
    title: { en: 'Pin versions in pip install', ko: 'pip install에서 버전 고정' },
    why: {
      en: 'Without a version, pip installs the newest release on every build; a new release can break your app without any change to the Dockerfile. Pin `package==version`, or install from a requirements file.',
      ko: '버전이 없으면 pip는 빌드할 때마다 최신 릴리스를 설치합니다. Dockerfile을 바꾸지 않았는데도 새 릴리스 때문에 앱이 깨질 수 있습니다. `패키지==버전`으로 고정하거나 requirements 파일로 설치하세요.',
    },
    bad: 'FROM python:3.12\nRUN pip install --no-cache-dir flask',
    good: 'FROM python:3.12\nRUN pip install --no-cache-dir flask==3.0.3',
  }),
  check(ctx, report) {
    for (const ins of ctx.df.instructions) {
      const run = runPart(ins);
      if (!run || !ctx.isPosixShell(ins)) continue;
      for (const c of commandsOf(ctx, run)) {
        if (!isPipInstall(c) || c.name.includes('pipenv') || hasFlag(c, 'constraint') || hasFlag(c, 'c')) continue;
        const vals = argValues(c);
        if (vals.includes('--requirement') || vals.includes('-r') || vals.includes('.')) continue;
        const loose = pipPackages(c).filter((p) => !pinned(p));
        if (!loose.length) continue;
        report({
          range: commandRange(run, c),
          message: {
            en: `Pin the version of ${loose.map((p) => `"${p}"`).join(', ')} (pip install name==version) or use a requirements file: otherwise each build may install a different release.`,
            ko: `${loose.map((p) => `"${p}"`).join(', ')}의 버전을 고정하거나(pip install 이름==버전) requirements 파일을 쓰세요. 그렇지 않으면 빌드마다 다른 릴리스가 설치될 수 있습니다.`,
          },
        });
      }
    }
  },
};

const TRUTHY = ['1', 'true', 'True', 'TRUE', 'on', 'On', 'ON', 'yes', 'Yes', 'YES'];

function isPipWrapper(c: HCommand): boolean {
  const vals = argValues(c);
  return ['pipx', 'pipenv'].some((w) => c.name.includes(w) || (c.name.startsWith('python') && hasSequence(vals, ['-m', w])));
}

function scriptSetsNoCacheDir(script: string): boolean {
  const at = script.indexOf('PIP_NO_CACHE_DIR=');
  if (at < 0) return false;
  const rest = script.slice(at + 'PIP_NO_CACHE_DIR='.length);
  return TRUTHY.some((t) => rest.startsWith(t));
}

export const pipNoCacheDir: Rule = {
  meta: hadolintMeta({
    id: 'pip-no-cache-dir',
    code: 'DL3042',
    severity: 'warning',
    title: { en: 'Use pip install --no-cache-dir', ko: 'pip install --no-cache-dir 사용' },
    why: {
      en: "pip keeps every downloaded package in its cache folder. In an image nobody reuses that cache, but it stays in the layer and can add hundreds of megabytes. `--no-cache-dir` (or ENV PIP_NO_CACHE_DIR=1) turns it off.",
      ko: 'pip는 내려받은 패키지를 캐시 폴더에 보관합니다. 이미지 안에서는 그 캐시를 다시 쓰지 않지만 레이어에 남아 수백 MB를 차지할 수 있습니다. `--no-cache-dir`(또는 ENV PIP_NO_CACHE_DIR=1)로 끄세요.',
    },
    bad: 'FROM python:3.12\nRUN pip install flask==3.0.3',
    good: 'FROM python:3.12\nRUN pip install --no-cache-dir flask==3.0.3',
  }),
  check(ctx, report) {
    // ENV PIP_NO_CACHE_DIR=<truthy> turns pip's cache off for its stage and the stages built on it.
    const setIn = new Map<string, boolean>();
    let current = '';
    for (const ins of ctx.df.instructions) {
      if (ins.name === 'FROM') {
        const stage = ctx.df.stages[ins.stageIndex];
        const key = stage.name ?? stage.image;
        setIn.set(key, setIn.get(stage.image) ?? false);
        current = key;
        continue;
      }
      const env = ins.name === 'ENV' ? ins : ins.trigger?.name === 'ENV' ? ins.trigger : undefined;
      if (env) {
        const pair = env.pairs.find((p) => p.key === 'PIP_NO_CACHE_DIR');
        if (pair && (pair.value === undefined || TRUTHY.includes(pair.value))) setIn.set(current, true);
        continue;
      }
      const run = runPart(ins);
      if (!run || !ctx.isPosixShell(ins)) continue;
      if (setIn.get(current)) continue;
      if (scriptSetsNoCacheDir(ctx.scriptOf(run))) continue;
      if (mountTargets(run, ['cache', 'tmpfs']).some((t) => t.includes('/.cache/pip') || t.endsWith('/pip'))) continue;
      for (const c of commandsOf(ctx, run)) {
        if (!isPipInstall(c) || argValues(c).includes('--no-cache-dir') || isPipWrapper(c)) continue;
        const install = c.args.find((a) => a.value === 'install');
        report({
          range: commandRange(run, c),
          message: {
            en: "Add --no-cache-dir to pip install: pip's download cache is never reused in an image but stays in the layer and adds size.",
            ko: 'pip install에 --no-cache-dir를 추가하세요. pip 다운로드 캐시는 이미지 안에서 다시 쓰이지 않지만 레이어에 남아 크기만 늘립니다.',
          },
          fixes: install && scriptEditable(run) ? [insertFix(run, install.end, ' --no-cache-dir', { en: 'Add --no-cache-dir', ko: '--no-cache-dir 추가하기' })] : [],
        });
      }
    }
  },
};
