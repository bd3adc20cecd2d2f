// FROM written wrong: wrong number of words, a second word that is not AS, a stage name Docker
// does not accept, or an image reference that cannot be pulled.
import { findStageByName } from '../../model/query';
import { isValidImageReference } from '../buildkit/imageRef';
import type { Rule } from '../types';
import { syntaxMeta } from './meta';

const STAGE_NAME = /^[a-z][a-z0-9_.-]*$/i;

export const invalidFrom: Rule = {
  meta: syntaxMeta({
    id: 'invalid-from',
    title: { en: 'Malformed FROM', ko: '잘못된 FROM' },
    why: {
      en: 'FROM takes an image (`name[:tag][@digest]`, lowercase name), optionally followed by `AS stage-name` where the name starts with a letter. Anything else stops the build before it starts.',
      ko: 'FROM에는 이미지(`이름[:태그][@다이제스트]`, 이름은 소문자)와, 선택적으로 글자로 시작하는 `AS 스테이지이름`을 씁니다. 그 밖의 형태는 빌드가 시작되기 전에 멈춥니다.',
    },
    bad: 'FROM node:20 build',
    good: 'FROM node:20 AS build',
  }),
  check(ctx, report) {
    for (const stage of ctx.df.stages) {
      const from = stage.from;
      const a = from.args;
      if (a.length === 0) continue;
      if (a.length === 2 || a.length > 3) {
        report({
          range: a[1].range.start.line === a[a.length - 1].range.end.line ? { start: a[1].range.start, end: a[a.length - 1].range.end } : a[1].range,
          message: { en: 'FROM takes one image, optionally followed by "AS name": remove the extra words or add AS.', ko: 'FROM에는 이미지 하나와 선택적으로 "AS 이름"만 씁니다. 남는 단어를 지우거나 AS를 넣으세요.' },
        });
      } else if (a.length === 3 && a[1].value.toUpperCase() !== 'AS') {
        report({ range: a[1].range, message: { en: `'${a[1].raw}' should be AS: FROM image AS name.`, ko: `'${a[1].raw}' 자리에는 AS가 와야 합니다: FROM 이미지 AS 이름.` } });
      } else if (a.length === 3 && !STAGE_NAME.test(a[2].value) && !a[2].raw.includes('$')) {
        report({ range: a[2].range, message: { en: `'${a[2].raw}' is not a valid stage name: start with a letter and use only letters, digits, '-', '_' and '.'.`, ko: `'${a[2].raw}'은 올바른 스테이지 이름이 아닙니다. 글자로 시작하고 글자, 숫자, '-', '_', '.'만 쓰세요.` } });
      }
      const image = a[0];
      if (image.raw.includes('$')) continue;
      const v = image.value;
      if (v.toLowerCase() === 'scratch' || isValidImageReference(v) || findStageByName(ctx.df, v, stage.index)) continue;
      report({
        range: image.range,
        message: {
          en: `'${v}' is not a valid image reference: use lowercase name[:tag][@sha256:digest], where a tag has only letters, digits, '_', '.' and '-'.`,
          ko: `'${v}'은 올바른 이미지 참조가 아닙니다. 소문자 이름[:태그][@sha256:다이제스트] 형식을 쓰고, 태그에는 글자, 숫자, '_', '.', '-'만 쓰세요.`,
        },
      });
    }
  },
};
