// BuildKit CopyIgnoredFile: COPY/ADD of a path that `.dockerignore` leaves out of the context.
// Needs the .dockerignore lines in LintConfig.dockerignore (the CLI and server fill it from the
// context folder); without them the rule stays silent.
import type { Rule } from '../types';
import { DockerIgnore } from './dockerignore';

const cache = new WeakMap<string[], DockerIgnore>();

export const copyIgnoredFile: Rule = {
  meta: {
    id: 'copy-ignored-file',
    aliases: ['CopyIgnoredFile'],
    severity: 'warning',
    source: 'buildkit',
    title: { en: 'COPY/ADD of a file that .dockerignore excludes', ko: '.dockerignore가 제외한 파일을 COPY/ADD 합니다' },
    why: {
      en: '.dockerignore removes files from the build context before the build starts, so COPY cannot see them: the build fails with "not found", or a wildcard silently copies less than you expect.',
      ko: '.dockerignore는 빌드가 시작되기 전에 파일을 빌드 컨텍스트에서 빼 버리므로 COPY가 그 파일을 볼 수 없습니다. 빌드가 "not found"로 실패하거나, 와일드카드가 기대보다 적게 복사합니다.',
    },
    bad: 'FROM alpine:3.20\nCOPY .env /app/',
    good: 'FROM alpine:3.20\nCOPY config.yaml /app/',
  },
  check(ctx, report) {
    const lines = ctx.config.dockerignore;
    if (!lines?.length) return;
    let matcher = cache.get(lines);
    if (!matcher) {
      matcher = new DockerIgnore(lines);
      cache.set(lines, matcher);
    }
    for (const ins of ctx.df.instructions) {
      if ((ins.name !== 'COPY' && ins.name !== 'ADD') || ins.flags.some((f) => f.name === 'from')) continue;
      const args = ins.json ? [] : ins.args;
      const sources = args.slice(0, -1).filter((t) => !t.raw.startsWith('<<'));
      for (const src of sources) {
        const p = src.value;
        if (p.includes('$') || /^[a-z][a-z0-9+.-]*:\/\//i.test(p) || p.startsWith('git@')) continue;
        if (!matcher.excludes(p)) continue;
        report({
          range: src.range,
          message: {
            en: `'${p}' is excluded by .dockerignore, so it is not in the build context and ${ins.name} cannot copy it: remove it from .dockerignore or from this ${ins.name}.`,
            ko: `'${p}'은 .dockerignore로 제외되어 빌드 컨텍스트에 없으므로 ${ins.name}이 복사할 수 없습니다. .dockerignore나 이 ${ins.name}에서 빼세요.`,
          },
        });
      }
    }
  },
};
