// BuildKit SecretsUsedInArgOrEnv: an ARG or ENV whose name says it holds a secret.
import type { Rule } from '../types';

const SECRET_WORDS = /(?:^|_)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
const ALLOWED_WORDS = /(?:^|_)(?:public|file|version)(?:_|$)/i;

export function looksSecret(name: string): boolean {
  return SECRET_WORDS.test(name) && !ALLOWED_WORDS.test(name);
}

export const secretsUsedInArgOrEnv: Rule = {
  meta: {
    id: 'secrets-used-in-arg-or-env',
    aliases: ['SecretsUsedInArgOrEnv'],
    sameProblemAs: ['DL3064'],
    severity: 'warning',
    source: 'buildkit',
    title: { en: 'Possible secret in ARG or ENV', ko: 'ARG나 ENV에 비밀 값이 들어갈 수 있습니다' },
    why: {
      en: 'ARG and ENV values are saved in the image: anyone with the image can read them with `docker history` or `docker inspect`. Pass secrets with `RUN --mount=type=secret` instead.',
      ko: 'ARG와 ENV 값은 이미지에 저장되어 이미지를 가진 누구나 `docker history`나 `docker inspect`로 읽을 수 있습니다. 비밀 값은 `RUN --mount=type=secret`으로 넘기세요.',
    },
    bad: 'FROM alpine:3.20\nARG GITHUB_TOKEN',
    good: 'FROM alpine:3.20\nRUN --mount=type=secret,id=github_token,env=GITHUB_TOKEN ./fetch.sh',
  },
  check(ctx, report) {
    for (const ins of ctx.df.instructions) {
      if (ins.name !== 'ARG' && ins.name !== 'ENV') continue;
      for (const p of ins.pairs) {
        if (!looksSecret(p.key)) continue;
        report({
          range: p.keyRange,
          message: {
            en: `'${p.key}' looks like a secret: ${ins.name} values stay readable in the image (docker history / inspect). Use RUN --mount=type=secret instead.`,
            ko: `'${p.key}'은 비밀 값처럼 보입니다. ${ins.name} 값은 이미지에 남아 (docker history / inspect로) 읽힐 수 있습니다. 대신 RUN --mount=type=secret을 쓰세요.`,
          },
        });
      }
    }
  },
};
