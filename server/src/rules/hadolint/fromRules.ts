// FROM rules: tag the image (DL3006), not :latest (DL3007), unique stage names (DL3024), trusted
// registries (DL3026), no --platform (DL3029), reserved stage names (DL3063), a redundant
// --platform=$TARGETPLATFORM (DL3065).
import type { Instruction } from '../../model/types';
import type { Rule } from '../types';
import { parseImageRef } from './imageRef';
import { hadolintMeta } from './meta';
import { runPart } from './runs';

export const tagImageVersion: Rule = {
  meta: hadolintMeta({
    id: 'tag-image-version',
    code: 'DL3006',
    severity: 'warning',
    title: { en: 'Tag the base image version', ko: '기반 이미지 버전 태그 명시' },
    why: {
      en: 'Without a tag, FROM uses `latest`, which moves whenever the publisher releases something new. Your build can then change or break without any edit. Name a version tag (or a digest).',
      ko: '태그가 없으면 FROM은 `latest`를 쓰는데, 이는 배포자가 새 버전을 낼 때마다 바뀝니다. 그러면 아무것도 고치지 않았는데 빌드가 바뀌거나 깨질 수 있습니다. 버전 태그(또는 다이제스트)를 적으세요.',
    },
    bad: 'FROM node',
    good: 'FROM node:20-alpine',
  }),
  check(ctx, report) {
    const aliases = new Set<string>();
    for (const s of ctx.df.stages) {
      const ref = parseImageRef(s.image);
      const known = aliases.has(s.image.toLowerCase());
      if (s.name) aliases.add(s.name.toLowerCase());
      if (!s.image || s.image === 'scratch' || known || ref.tag !== undefined || ref.digest !== undefined || s.image.includes('$')) continue;
      report({
        range: s.imageRange ?? s.from.keywordRange,
        message: {
          en: `Tag the version of "${s.image}" (e.g. ${s.image}:<version>): without a tag you get "latest", which changes whenever a new release is published.`,
          ko: `"${s.image}"의 버전 태그를 적으세요 (예: ${s.image}:<버전>). 태그가 없으면 새 릴리스가 나올 때마다 바뀌는 "latest"를 쓰게 됩니다.`,
        },
      });
    }
  },
};

export const noLatestTag: Rule = {
  meta: hadolintMeta({
    id: 'no-latest-tag',
    code: 'DL3007',
    severity: 'warning',
    title: { en: 'Do not use the latest tag', ko: 'latest 태그 사용하지 않기' },
    why: {
      en: '`latest` is just the newest release at the time of pulling. The same Dockerfile can build on a different base tomorrow and break. Pin a release tag.',
      ko: '`latest`는 내려받는 그때의 최신 릴리스일 뿐입니다. 같은 Dockerfile이 내일은 다른 기반 이미지로 빌드되어 깨질 수 있습니다. 릴리스 태그로 고정하세요.',
    },
    bad: 'FROM ubuntu:latest',
    good: 'FROM ubuntu:24.04',
  }),
  check(ctx, report) {
    for (const s of ctx.df.stages) {
      const ref = parseImageRef(s.image);
      if (ref.tag !== 'latest' || ref.digest !== undefined) continue;
      report({
        range: s.imageRange ?? s.from.keywordRange,
        message: {
          en: `Pin a release tag instead of "latest" for ${ref.name}: latest changes whenever a new version is published, so builds are not repeatable.`,
          ko: `${ref.name}에 "latest" 대신 릴리스 태그를 고정하세요. latest는 새 버전이 나올 때마다 바뀌어 빌드를 재현할 수 없습니다.`,
        },
      });
    }
  },
};

export const duplicateStageName: Rule = {
  meta: hadolintMeta({
    id: 'duplicate-stage-name',
    code: 'DL3024',
    also: ['DuplicateStageName'],
    severity: 'error',
    title: { en: 'Stage names must be unique', ko: '스테이지 이름은 고유해야 함' },
    why: {
      en: 'COPY --from and FROM refer to a stage by its name. With two stages of the same name, it is unclear which one is meant, and Docker refuses to build.',
      ko: 'COPY --from과 FROM은 이름으로 스테이지를 가리킵니다. 같은 이름의 스테이지가 둘이면 어느 것을 말하는지 알 수 없고, Docker는 빌드를 거부합니다.',
    },
    bad: 'FROM node:20 AS build\nFROM golang:1.23 AS build',
    good: 'FROM node:20 AS web-build\nFROM golang:1.23 AS api-build',
  }),
  check(ctx, report) {
    const seen = new Set<string>();
    for (const s of ctx.df.stages) {
      if (!s.name) continue;
      const key = s.name.toLowerCase();
      if (seen.has(key)) {
        report({
          range: s.nameRange ?? s.from.keywordRange,
          message: {
            en: `The stage name "${s.name}" is already used by an earlier stage: give each stage its own name so FROM and COPY --from know which one you mean.`,
            ko: `스테이지 이름 "${s.name}"은(는) 앞의 스테이지가 이미 쓰고 있습니다. FROM과 COPY --from이 어느 스테이지인지 알 수 있게 이름을 다르게 지으세요.`,
          },
        });
      }
      seen.add(key);
    }
  },
};

function registryAllowed(registry: string, allowed: string[]): boolean {
  return allowed.some((a) => a === '*' || a === registry || (a.startsWith('*.') && registry.endsWith(a.slice(1))));
}

function imageAllowed(image: string, allowed: string[]): boolean {
  if (image === 'scratch') return true;
  const ref = parseImageRef(image);
  if (ref.registry) return registryAllowed(ref.registry, allowed);
  return allowed.some((a) => a === '*' || a === 'docker.io' || a === 'hub.docker.com');
}

function mountFrom(run: Instruction): { value: string; ins: Instruction }[] {
  const out: { value: string; ins: Instruction }[] = [];
  for (const f of run.flags) {
    if (f.name !== 'mount' || !f.value) continue;
    for (const part of f.value.split(',')) if (part.startsWith('from=')) out.push({ value: part.slice(5), ins: run });
  }
  return out;
}

export const trustedRegistry: Rule = {
  meta: hadolintMeta({
    id: 'trusted-registry',
    code: 'DL3026',
    severity: 'error',
    title: { en: 'Use only allowed registries', ko: '허용된 레지스트리만 사용' },
    why: {
      en: 'Your configuration lists the registries images may come from (trustedRegistries). An image from anywhere else has not been vetted and may not even be reachable from your build servers.',
      ko: '설정(trustedRegistries)에 이미지를 가져와도 되는 레지스트리가 정해져 있습니다. 그 밖의 이미지는 검증되지 않았고 빌드 서버에서 접근하지 못할 수도 있습니다.',
    },
    bad: '# .hadolint.yaml: trustedRegistries: [docker.io]\nFROM quay.io/example/node:20',
    good: '# .hadolint.yaml: trustedRegistries: [docker.io]\nFROM docker.io/library/node:20',
  }),
  check(ctx, report) {
    const allowed = ctx.config.trustedRegistries;
    if (!allowed.length) return;
    const names = new Set<string>();
    const flag = (image: string, range: Instruction['range']): void => {
      report({
        range,
        message: {
          en: `"${image}" is not from an allowed registry (${allowed.join(', ')}): use an image from a trusted registry.`,
          ko: `"${image}"은(는) 허용된 레지스트리(${allowed.join(', ')})의 이미지가 아닙니다. 신뢰할 수 있는 레지스트리의 이미지를 쓰세요.`,
        },
      });
    };
    const isStageRef = (v: string): boolean => names.has(v.toLowerCase()) || /^\d+$/.test(v);
    for (const ins of ctx.df.instructions) {
      if (ins.name === 'FROM') {
        const s = ctx.df.stages[ins.stageIndex];
        if (s.image && !s.image.includes('$') && !isStageRef(s.image) && !imageAllowed(s.image, allowed)) flag(s.image, s.imageRange ?? ins.keywordRange);
        if (s.name) names.add(s.name.toLowerCase());
        continue;
      }
      if (ins.name === 'COPY' || ins.name === 'ADD') {
        const from = ins.flags.find((f) => f.name === 'from');
        if (from?.value && !isStageRef(from.value) && !from.value.includes('$') && !imageAllowed(from.value, allowed)) flag(from.value, from.range);
        continue;
      }
      const run = runPart(ins);
      if (!run) continue;
      for (const m of mountFrom(run)) if (!isStageRef(m.value) && !m.value.includes('$') && !imageAllowed(m.value, allowed)) flag(m.value, run.flags.find((f) => f.name === 'mount')?.range ?? ins.keywordRange);
    }
  },
};

export const noFromPlatform: Rule = {
  meta: hadolintMeta({
    id: 'no-from-platform',
    code: 'DL3029',
    severity: 'warning',
    title: { en: 'Do not hard-code FROM --platform', ko: 'FROM --platform을 고정값으로 쓰지 않기' },
    why: {
      en: 'A fixed platform such as `--platform=linux/amd64` forces that architecture on everyone: on an ARM machine the image runs slowly under emulation or not at all. Leave it out, or use a build variable like $BUILDPLATFORM.',
      ko: '`--platform=linux/amd64` 같은 고정 플랫폼은 모든 사람에게 그 아키텍처를 강요합니다. ARM 기기에서는 에뮬레이션으로 느리게 돌거나 아예 실행되지 않습니다. 빼거나 $BUILDPLATFORM 같은 빌드 변수를 쓰세요.',
    },
    bad: 'FROM --platform=linux/amd64 node:20',
    good: 'FROM --platform=$BUILDPLATFORM node:20',
  }),
  check(ctx, report) {
    for (const s of ctx.df.stages) {
      const flag = s.from.flags.find((f) => f.name === 'platform');
      if (!flag?.value || flag.value.includes('$')) continue;
      report({
        range: flag.range,
        message: {
          en: `Do not hard-code --platform=${flag.value}: it forces one architecture on every machine. Leave it out or use $BUILDPLATFORM / $TARGETPLATFORM.`,
          ko: `--platform=${flag.value}처럼 고정하지 마세요. 모든 기기에 한 아키텍처를 강요합니다. 빼거나 $BUILDPLATFORM / $TARGETPLATFORM을 쓰세요.`,
        },
      });
    }
  },
};

const RESERVED = new Set(['scratch', 'context']);

export const reservedStageName: Rule = {
  meta: hadolintMeta({
    id: 'reserved-stage-name',
    code: 'DL3063',
    severity: 'warning',
    title: { en: 'Stage name is a reserved word', ko: '스테이지 이름이 예약어임' },
    why: {
      en: '`scratch` (the empty image) and `context` (the build context) already mean something to Docker. A stage named like that cannot be referred to reliably.',
      ko: '`scratch`(빈 이미지)와 `context`(빌드 컨텍스트)는 Docker에서 이미 정해진 뜻이 있습니다. 그런 이름의 스테이지는 제대로 가리킬 수 없습니다.',
    },
    bad: 'FROM golang:1.23 AS scratch',
    good: 'FROM golang:1.23 AS build',
  }),
  check(ctx, report) {
    for (const s of ctx.df.stages) {
      if (!s.name || !RESERVED.has(s.name.toLowerCase())) continue;
      report({
        range: s.nameRange ?? s.from.keywordRange,
        message: {
          en: `"${s.name}" is a reserved name in Docker: pick another stage name so FROM and COPY --from refer to your stage.`,
          ko: `"${s.name}"은(는) Docker의 예약어입니다. FROM과 COPY --from이 이 스테이지를 가리키도록 다른 이름을 고르세요.`,
        },
      });
    }
  },
};

export const redundantTargetPlatform: Rule = {
  meta: hadolintMeta({
    id: 'redundant-target-platform',
    code: 'DL3065',
    severity: 'warning',
    title: { en: 'FROM --platform=$TARGETPLATFORM is redundant', ko: 'FROM --platform=$TARGETPLATFORM은 불필요' },
    why: {
      en: 'FROM already builds for the target platform by default, so `--platform=$TARGETPLATFORM` changes nothing and only adds noise.',
      ko: 'FROM은 기본적으로 대상 플랫폼용으로 빌드하므로 `--platform=$TARGETPLATFORM`은 아무것도 바꾸지 않고 읽기만 어렵게 합니다.',
    },
    bad: 'FROM --platform=$TARGETPLATFORM alpine:3.20',
    good: 'FROM alpine:3.20',
  }),
  check(ctx, report) {
    for (const s of ctx.df.stages) {
      const flag = s.from.flags.find((f) => f.name === 'platform');
      if (flag?.value !== '$TARGETPLATFORM' && flag?.value !== '${TARGETPLATFORM}') continue;
      const next = s.from.tokens[s.from.tokens.indexOf(flag.token) + 1];
      report({
        range: flag.range,
        message: {
          en: '--platform=$TARGETPLATFORM is the default for FROM: remove it.',
          ko: '--platform=$TARGETPLATFORM은 FROM의 기본값입니다. 지우세요.',
        },
        fixes: next
          ? [{ title: { en: 'Remove --platform=$TARGETPLATFORM', ko: '--platform=$TARGETPLATFORM 지우기' }, preferred: true, edits: [{ range: { start: flag.range.start, end: next.range.start }, newText: '' }] }]
          : [],
      });
    }
  },
};
