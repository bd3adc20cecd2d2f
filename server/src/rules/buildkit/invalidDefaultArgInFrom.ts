// BuildKit InvalidDefaultArgInFrom: with the global ARGs' default values, the FROM image is empty or invalid.
import { findStageByName } from '../../model/query';
import type { Rule } from '../types';
import { isValidImageReference } from './imageRef';
import { expand, globalArgs } from './scope';

const PLATFORM_DEFAULTS: [string, string][] = [
  ['TARGETPLATFORM', 'linux/amd64'], ['TARGETOS', 'linux'], ['TARGETARCH', 'amd64'], ['TARGETVARIANT', ''],
  ['BUILDPLATFORM', 'linux/amd64'], ['BUILDOS', 'linux'], ['BUILDARCH', 'amd64'], ['BUILDVARIANT', ''],
];

export const invalidDefaultArgInFrom: Rule = {
  meta: {
    id: 'invalid-default-arg-in-from',
    aliases: ['InvalidDefaultArgInFrom'],
    severity: 'warning',
    source: 'buildkit',
    title: { en: 'ARG defaults give an invalid FROM image', ko: 'ARG 기본값으로는 FROM 이미지가 잘못됩니다' },
    why: {
      en: 'When nobody passes --build-arg, the ARG default is used. If that makes the image name empty or invalid (like `busybox:`), the build fails for anyone who builds without the extra argument.',
      ko: '--build-arg를 주지 않으면 ARG 기본값이 쓰입니다. 그 값으로 이미지 이름이 비거나 잘못되면(`busybox:` 처럼) 추가 인자 없이 빌드하는 사람은 모두 실패합니다.',
    },
    bad: 'ARG TAG\nFROM busybox:${TAG}',
    good: 'ARG TAG=1.36\nFROM busybox:${TAG}',
  },
  check(ctx, report) {
    // Platform args always have a value (the builder's platform), so give them a typical one.
    const globals = globalArgs(ctx.df, PLATFORM_DEFAULTS);
    for (const stage of ctx.df.stages) {
      const image = stage.from.args[0];
      if (!image || !image.raw.includes('$')) continue;
      const value = expand(image.value, globals);
      if (value !== '' && (value.toLowerCase() === 'scratch' || isValidImageReference(value) || findStageByName(ctx.df, value, stage.index))) continue;
      report({
        range: image.range,
        message: {
          en: `With the ARG default values, '${image.raw}' becomes ${value === '' ? 'an empty image name' : `'${value}', which is not a valid image name`}: give the ARG a default that works without --build-arg.`,
          ko: `ARG 기본값으로는 '${image.raw}'이(가) ${value === '' ? '빈 이미지 이름' : `올바르지 않은 이미지 이름 '${value}'`}이 됩니다. --build-arg 없이도 동작하는 기본값을 ARG에 주세요.`,
        },
      });
    }
  },
};
