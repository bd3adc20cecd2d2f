// BuildKit FromPlatformFlagConstDisallowed: `FROM --platform=linux/amd64` pins the platform for every build.
import type { Rule } from '../types';

export const fromPlatformFlagConstDisallowed: Rule = {
  meta: {
    id: 'from-platform-flag-const-disallowed',
    aliases: ['FromPlatformFlagConstDisallowed'],
    sameProblemAs: ['DL3029'],
    severity: 'warning',
    source: 'buildkit',
    title: { en: 'FROM --platform with a fixed value', ko: 'FROM --platform에 고정 값 사용' },
    why: {
      en: 'A hard-coded `--platform` forces that platform even when someone builds for another one (for example an arm64 Mac), so the image silently runs under emulation or fails. Use a variable like $BUILDPLATFORM or leave the flag out.',
      ko: '`--platform`을 고정하면 다른 플랫폼(예: arm64 Mac)용으로 빌드해도 그 플랫폼이 강제되어, 에뮬레이션으로 느리게 돌거나 실패합니다. $BUILDPLATFORM 같은 변수를 쓰거나 플래그를 빼세요.',
    },
    bad: 'FROM --platform=linux/amd64 alpine:3.20',
    good: 'FROM --platform=$BUILDPLATFORM alpine:3.20',
  },
  check(ctx, report) {
    for (const stage of ctx.df.stages) {
      const flag = stage.from.flags.find((f) => f.name === 'platform');
      if (!flag?.value || flag.value.includes('$')) continue;
      // A stage named after its platform (build_amd64, linux) is deliberately platform-specific.
      const [os = '', arch = ''] = flag.value.toLowerCase().split('/');
      const name = (stage.name ?? '').toLowerCase();
      if (name && ((os && name.includes(os)) || (arch && name.includes(arch)))) continue;
      report({
        range: flag.range,
        message: {
          en: `FROM --platform should not use the constant '${flag.value}': it forces that platform for every build. Use a variable such as $BUILDPLATFORM, or drop the flag.`,
          ko: `FROM --platform에 고정 값 '${flag.value}'을 쓰면 모든 빌드가 그 플랫폼으로 강제됩니다. $BUILDPLATFORM 같은 변수를 쓰거나 플래그를 빼세요.`,
        },
      });
    }
  },
};
