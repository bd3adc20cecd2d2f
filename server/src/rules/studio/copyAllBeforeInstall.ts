// Studio rule: `COPY . .` before the dependency install, so any source change re-runs the install.
import { effectiveCommand, type ShellCommand } from '../../model/shell';
import type { Rule } from '../types';

/** The dependency-install command a shell command runs, if any (`npm ci`, `pip install -r …`, …). */
export function dependencyInstall(cmd: ShellCommand): string | undefined {
  const { program, args } = effectiveCommand(cmd);
  const v = args.map((a) => a.value);
  const words = v.filter((a) => !a.startsWith('-'));
  const sub = words[0];
  switch (program) {
    case 'npm':
      if (sub === 'ci' || ((sub === 'install' || sub === 'i') && words.length === 1 && !v.some((a) => a === '-g' || a === '--global'))) return `npm ${sub}`;
      return undefined;
    case 'yarn':
      if (sub === undefined || sub === 'install') return 'yarn install';
      return undefined;
    case 'pnpm':
      if ((sub === 'install' || sub === 'i') && words.length === 1) return 'pnpm install';
      return undefined;
    case 'pip':
    case 'pip3':
      if (sub === 'install' && v.some((a) => a === '-r' || a.startsWith('--requirement') || /^-r\S/.test(a))) return `${program} install -r`;
      return undefined;
    case 'python':
    case 'python3':
      if (v[0] === '-m' && v[1]?.startsWith('pip') && v.includes('install') && v.some((a) => a === '-r' || a.startsWith('--requirement'))) return 'pip install -r';
      return undefined;
    case 'bundle':
      return sub === 'install' ? 'bundle install' : undefined;
    case 'composer':
      return sub === 'install' ? 'composer install' : undefined;
    case 'go':
      return sub === 'mod' && words[1] === 'download' ? 'go mod download' : undefined;
    case 'mvn':
    case 'mvnw':
      return v.some((a) => a.startsWith('dependency:')) ? 'mvn dependency:…' : undefined;
    case 'gradle':
    case 'gradlew':
      return v.includes('dependencies') ? 'gradle dependencies' : undefined;
    default:
      return undefined;
  }
}

const WHOLE_CONTEXT = new Set(['.', './', './.', '*', './*']);

export const copyAllBeforeInstall: Rule = {
  meta: {
    id: 'copy-all-before-install',
    aliases: [],
    severity: 'warning',
    source: 'studio',
    title: { en: 'Whole context copied before installing dependencies', ko: '의존성 설치 전에 컨텍스트 전체를 복사합니다' },
    why: {
      en: 'Docker reuses a cached layer only while everything before it is unchanged. After `COPY . .`, editing any source file invalidates the cache, so the slow dependency install runs again on every build. Copy just the manifest (package.json, requirements.txt, go.mod, …), install, then copy the rest.',
      ko: 'Docker는 앞의 모든 것이 그대로일 때만 캐시된 레이어를 재사용합니다. `COPY . .` 뒤에서는 소스 파일 하나만 고쳐도 캐시가 깨져 느린 의존성 설치가 매 빌드마다 다시 실행됩니다. 매니페스트(package.json, requirements.txt, go.mod 등)만 먼저 복사해 설치하고 나머지를 복사하세요.',
    },
    bad: 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci',
    good: 'FROM node:20-alpine\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .',
  },
  check(ctx, report) {
    for (const stage of ctx.df.stages) {
      let copyAll: { line: number; range: import('../../model/types').Range } | undefined;
      for (const ins of stage.instructions) {
        if ((ins.name === 'COPY' || ins.name === 'ADD') && !ins.flags.some((f) => f.name === 'from') && ins.args.length >= 2) {
          if (!copyAll && ins.args.slice(0, -1).some((t) => WHOLE_CONTEXT.has(t.value))) copyAll = { line: ins.startLine, range: ins.range.start.line === ins.range.end.line ? ins.range : ins.keywordRange };
          continue;
        }
        if (!copyAll || ins.name !== 'RUN' || !ctx.isPosixShell(ins)) continue;
        const install = ctx.shellOf(ins).map(dependencyInstall).find((x) => x !== undefined);
        if (!install) continue;
        report({
          range: copyAll.range,
          message: {
            en: `The whole build context is copied here, before '${install}' on line ${ins.startLine + 1}: any source change re-runs the install. Copy only the dependency manifest first, install, then copy the rest.`,
            ko: `여기서 빌드 컨텍스트 전체가 ${ins.startLine + 1}번째 줄의 '${install}'보다 먼저 복사됩니다. 소스를 조금만 바꿔도 설치가 다시 실행됩니다. 의존성 매니페스트만 먼저 복사해 설치한 뒤 나머지를 복사하세요.`,
          },
        });
        copyAll = undefined;
      }
    }
  },
};
