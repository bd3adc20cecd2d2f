// Sensitive-looking ARG/ENV names (DL3064).
import type { Rule } from '../types';
import { hadolintMeta } from './meta';

const KNOWN = new Set(['ACCESS_TOKEN', 'APPLICATION_KEY', 'APP_SECRET', 'AUTH_TOKEN', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'BITTREX_API_KEY', 'BITTREX_API_SECRET', 'CF_PASSWORD', 'CF_USERNAME', 'CIRCLE_TOKEN', 'CI_DEPLOY_PASSWORD', 'CI_DEPLOY_USER', 'DOCKERHUB_PASSWORD', 'DOCKER_EMAIL', 'DOCKER_PASSWORD', 'DOCKER_USERNAME', 'FACEBOOK_ACCESS_TOKEN', 'FACEBOOK_APP_ID', 'FACEBOOK_APP_SECRET', 'FIREBASE_API_TOKEN', 'FIREBASE_TOKEN', 'FOSSA_API_KEY', 'GH_ENTERPRISE_TOKEN', 'GH_TOKEN', 'GITHUB_ENTERPRISE_TOKEN', 'GITHUB_TOKEN', 'HEROKU_API_KEY', 'HEROKU_API_USER', 'NPM_AUTH_TOKEN', 'NPM_TOKEN', 'OKTA_AUTHN_GROUPID', 'OKTA_CLIENT_ORGURL', 'OKTA_CLIENT_TOKEN', 'OKTA_OAUTH2_CLIENTID', 'OKTA_OAUTH2_CLIENTSECRET', 'OPENAI_API_KEY', 'OS_PASSWORD', 'OS_USERNAME', 'POSTGRES_PASSWORD', 'SLACK_TOKEN', 'STRIPE_API_KEY', 'STRIPE_DEVICE_NAME', 'TRAVIS_OS_NAME', 'TRAVIS_SECURE_ENV_VARS', 'TRAVIS_SUDO', 'VAULT_CLIENT_KEY', 'VAULT_TOKEN']);
const SUSPICIOUS = ['api_key', 'client_key', 'password', 'private', 'secret', 'token', 'username'];

export function looksSensitive(name: string): boolean {
  const lower = name.toLowerCase();
  return KNOWN.has(name.toUpperCase()) || SUSPICIOUS.some((s) => lower.includes(s));
}

export const secretsInArgEnv: Rule = {
  meta: hadolintMeta({
    id: 'secrets-in-arg-env',
    code: 'DL3064',
    severity: 'warning',
    title: { en: 'Possible secret in ARG or ENV', ko: 'ARG 또는 ENV에 비밀 값이 있을 수 있음' },
    why: {
      en: 'ARG and ENV values are stored in the image: anyone who can pull it can read them with `docker history` or `docker inspect`. Pass secrets with `RUN --mount=type=secret` instead.',
      ko: 'ARG와 ENV 값은 이미지에 저장되어, 이미지를 받을 수 있는 누구나 `docker history`나 `docker inspect`로 읽을 수 있습니다. 비밀 값은 `RUN --mount=type=secret`으로 전달하세요.',
    },
    bad: 'FROM node:20\nARG NPM_TOKEN\nRUN echo "//registry.npmjs.org/:_authToken=$NPM_TOKEN" > ~/.npmrc && npm ci',
    good: 'FROM node:20\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci',
  }),
  check(ctx, report) {
    for (const ins of ctx.df.instructions) {
      const inner = ins.name === 'ONBUILD' ? ins.trigger : ins;
      if (!inner || (inner.name !== 'ARG' && inner.name !== 'ENV')) continue;
      for (const p of inner.pairs) {
        if (!looksSensitive(p.key)) continue;
        report({
          range: p.keyRange,
          message: {
            en: `"${p.key}" looks like a secret: ${inner.name} values are saved in the image where anyone can read them. Use RUN --mount=type=secret instead.`,
            ko: `"${p.key}"은(는) 비밀 값처럼 보입니다. ${inner.name} 값은 이미지에 저장되어 누구나 읽을 수 있습니다. 대신 RUN --mount=type=secret을 쓰세요.`,
          },
        });
      }
    }
  },
};
