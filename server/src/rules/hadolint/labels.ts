// LABEL rules: valid keys (DL3048) and hadolint's label schema from the configuration
// (`label-schema`, `strict-labels`): required (DL3049), no extras (DL3050), not empty (DL3051),
// and typed values: url (DL3052), rfc3339 (DL3053), spdx (DL3054), hash (DL3055), semver
// (DL3056), email (DL3058).
import type { KeyValue } from '../../model/types';
import type { Rule, RuleContext, Text } from '../types';
import { hadolintMeta } from './meta';
import { isSpdxLicenseId } from './spdx';

const RESERVED_NAMESPACES = ['com.docker.', 'io.docker.', 'org.dockerproject.'];

export function invalidLabelKey(key: string): boolean {
  return (
    !/^[a-z]/.test(key) ||
    !/[a-z0-9]$/.test(key) ||
    /[^a-z0-9.-]/.test(key) ||
    RESERVED_NAMESPACES.some((n) => key.startsWith(n)) ||
    key.includes('..') ||
    key.includes('--')
  );
}

function labelPairs(ctx: RuleContext): KeyValue[] {
  return ctx.df.instructions.filter((i) => i.name === 'LABEL').flatMap((i) => i.pairs);
}

export const labelKeyValid: Rule = {
  meta: hadolintMeta({
    id: 'label-key-valid',
    code: 'DL3048',
    severity: 'hint',
    title: { en: 'Invalid label key', ko: '잘못된 레이블 키' },
    why: {
      en: 'Docker recommends label keys in lower-case reverse-DNS form (`org.example.version`): letters a-z, digits, dots and dashes, starting with a letter, without `..` or `--`, and not in the com.docker., io.docker. or org.dockerproject. namespaces Docker reserves. Tools that read labels expect that shape.',
      ko: 'Docker는 레이블 키를 소문자 역DNS 형식(`org.example.version`)으로 쓰기를 권장합니다. a-z, 숫자, 점, 대시만 쓰고, 문자로 시작하며, `..`나 `--`가 없고, Docker가 예약한 com.docker., io.docker., org.dockerproject. 이름공간이 아니어야 합니다. 레이블을 읽는 도구들이 이 형식을 기대합니다.',
    },
    bad: 'FROM alpine:3.20\nLABEL Version="1.0"',
    good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.version="1.0"',
  }),
  check(ctx, report) {
    for (const p of labelPairs(ctx)) {
      if (!invalidLabelKey(p.key)) continue;
      report({
        range: p.keyRange,
        message: {
          en: `"${p.key}" is not a valid label key: use lower-case letters, digits, dots and dashes in reverse-DNS style (e.g. org.example.${p.key.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'name'}).`,
          ko: `"${p.key}"은(는) 올바른 레이블 키가 아닙니다. 소문자, 숫자, 점, 대시로 역DNS 형식(예: org.example.${p.key.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'name'})을 쓰세요.`,
        },
      });
    }
  },
};

export const requiredLabels: Rule = {
  meta: hadolintMeta({
    id: 'required-labels',
    code: 'DL3049',
    severity: 'info',
    title: { en: 'Required label missing', ko: '필수 레이블 누락' },
    why: {
      en: 'Your configuration (label-schema) lists labels every image must carry, such as its source or owner. Images without them are hard to trace back.',
      ko: '설정(label-schema)에 모든 이미지가 가져야 할 레이블(출처, 담당자 등)이 정해져 있습니다. 그 레이블이 없는 이미지는 어디서 왔는지 추적하기 어렵습니다.',
    },
    bad: '# .hadolint.yaml label-schema: {author: text, version: semver, url: url, created: rfc3339, hash: hash, email: email, spdx: spdx}\nFROM alpine:3.20\nLABEL author="Jane Doe"',
    good: '# .hadolint.yaml label-schema: {author: text, version: semver, url: url, created: rfc3339, hash: hash, email: email, spdx: spdx}\nFROM alpine:3.20\nLABEL author="Jane Doe" version="1.4.2" url="https://example.com/app" \\\n      created="2024-05-01T12:00:00Z" hash="2dbfae9" email="jane@example.com" spdx="MIT"',
  }),
  check(ctx, report) {
    const stages = ctx.df.stages;
    // Missing labels per stage index, reported as one finding per stage.
    const missing = new Map<number, string[]>();
    for (const label of Object.keys(ctx.config.labelSchema)) {
      const good = new Set<number>();
      const silent = new Set<number>();
      const bad = new Set<number>();
      const silenceByAlias = (name: string): void => {
        for (const b of [...bad]) if (stages[b].name === name) {
          bad.delete(b);
          silent.add(b);
        }
      };
      let current = -1;
      for (const ins of ctx.df.instructions) {
        if (ins.name === 'FROM') {
          current = ins.stageIndex;
          const img = stages[current].image;
          if ([...good].some((g) => stages[g].name !== undefined && stages[g].name === img)) good.add(current);
          else bad.add(current);
          continue;
        }
        if (current < 0) continue;
        const from = ins.name === 'COPY' ? ins.flags.find((f) => f.name === 'from')?.value : undefined;
        if (from) silenceByAlias(from);
        if (ins.name === 'LABEL' && ins.pairs.some((p) => p.key === label)) {
          silenceByAlias(stages[current].name ?? stages[current].image);
          good.add(current);
          bad.delete(current);
          silent.delete(current);
        }
      }
      for (const b of bad) missing.set(b, [...(missing.get(b) ?? []), label]);
    }
    for (const [b, labels] of [...missing.entries()].sort((x, y) => x[0] - y[0])) {
      const list = labels.map((l) => `"${l}"`).join(', ');
      report({
        range: stages[b].from.keywordRange,
        message: {
          en: `This image is missing ${labels.length > 1 ? 'labels' : 'label'} ${list}: your label schema requires ${labels.length > 1 ? 'them' : 'it'} (LABEL ${labels[0]}="…").`,
          ko: `이 이미지에 ${list} 레이블이 없습니다. 레이블 스키마가 이를 요구합니다 (LABEL ${labels[0]}="…").`,
        },
      });
    }
  },
};

export const noExtraLabels: Rule = {
  meta: hadolintMeta({
    id: 'no-extra-labels',
    code: 'DL3050',
    severity: 'info',
    title: { en: 'Label not in the schema', ko: '스키마에 없는 레이블' },
    why: {
      en: 'With strict-labels on, only the labels of your label-schema are allowed, so every image carries the same, documented set.',
      ko: 'strict-labels가 켜져 있으면 label-schema에 있는 레이블만 허용되어, 모든 이미지가 문서화된 같은 레이블 묶음을 갖습니다.',
    },
    bad: '# .hadolint.yaml label-schema: {author: text, version: semver, url: url, created: rfc3339, hash: hash, email: email, spdx: spdx}, strict-labels: true\nFROM alpine:3.20\nLABEL team="web"',
    good: '# .hadolint.yaml label-schema: {author: text, version: semver, url: url, created: rfc3339, hash: hash, email: email, spdx: spdx}, strict-labels: true\nFROM alpine:3.20\nLABEL author="Jane Doe"',
  }),
  check(ctx, report) {
    if (!ctx.config.strictLabels) return;
    const allowed = new Set(Object.keys(ctx.config.labelSchema));
    for (const p of labelPairs(ctx)) {
      if (allowed.has(p.key)) continue;
      report({
        range: p.keyRange,
        message: {
          en: `Label "${p.key}" is not in your label schema, and strict-labels allows only those labels.`,
          ko: `"${p.key}" 레이블은 레이블 스키마에 없고, strict-labels는 스키마의 레이블만 허용합니다.`,
        },
      });
    }
  },
};

/** A rule for one kind of label value check, applied to the schema labels of that type. */
function valueRule(o: { id: string; code: string; types: string[] | 'any'; title: Text; why: Text; bad: string; good: string; valid: (v: string) => boolean; expected: Text }): Rule {
  return {
    meta: hadolintMeta({ id: o.id, code: o.code, severity: 'warning', title: o.title, why: o.why, bad: o.bad, good: o.good }),
    check(ctx, report) {
      const schema = ctx.config.labelSchema;
      for (const p of labelPairs(ctx)) {
        const type = schema[p.key];
        if (type === undefined || (o.types !== 'any' && !o.types.includes(type.toLowerCase()))) continue;
        if (o.valid(p.value ?? '')) continue;
        report({
          range: p.valueRange ?? p.range,
          message: {
            en: `Label "${p.key}" should be ${o.expected.en}, but it is "${p.value ?? ''}".`,
            ko: `"${p.key}" 레이블은 ${o.expected.ko}이어야 하는데 값이 "${p.value ?? ''}"입니다.`,
          },
        });
      }
    },
  };
}

export const labelNotEmpty = valueRule({
  id: 'label-not-empty',
  code: 'DL3051',
  types: 'any',
  title: { en: 'Schema label is empty', ko: '스키마 레이블이 비어 있음' },
  why: { en: 'A required label with an empty value carries no information; tools that read it find nothing.', ko: '값이 빈 필수 레이블은 아무 정보도 없어, 읽는 도구가 아무것도 찾지 못합니다.' },
  bad: '# .hadolint.yaml label-schema: {author: text, version: semver, url: url, created: rfc3339, hash: hash, email: email, spdx: spdx}\nFROM alpine:3.20\nLABEL author=""',
  good: '# .hadolint.yaml label-schema: {author: text, version: semver, url: url, created: rfc3339, hash: hash, email: email, spdx: spdx}\nFROM alpine:3.20\nLABEL author="Jane Doe"',
  valid: (v) => v !== '',
  expected: { en: 'a non-empty value', ko: '빈 값이 아닌 값' },
});

export const labelUrl = valueRule({
  id: 'label-url',
  code: 'DL3052',
  types: ['url'],
  title: { en: 'Label is not a valid URL', ko: '레이블이 올바른 URL이 아님' },
  why: { en: 'The label schema says this label holds a URL; tools will try to open it.', ko: '레이블 스키마상 이 레이블은 URL이며, 도구들이 이를 열어 보려 합니다.' },
  bad: '# .hadolint.yaml label-schema: {author: text, version: semver, url: url, created: rfc3339, hash: hash, email: email, spdx: spdx}\nFROM alpine:3.20\nLABEL url="example.com/app"',
  good: '# .hadolint.yaml label-schema: {author: text, version: semver, url: url, created: rfc3339, hash: hash, email: email, spdx: spdx}\nFROM alpine:3.20\nLABEL url="https://example.com/app"',
  valid: (v) => /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$/.test(v),
  expected: { en: 'a URL with a scheme (https://…)', ko: '스킴이 있는 URL(https://…)' },
});

export const labelRfc3339 = valueRule({
  id: 'label-rfc3339',
  code: 'DL3053',
  types: ['rfc3339'],
  title: { en: 'Label is not an RFC 3339 time', ko: '레이블이 RFC 3339 시간이 아님' },
  why: { en: 'The label schema says this label holds a time in RFC 3339 form (2024-05-01T12:00:00Z), the form tools can parse.', ko: '레이블 스키마상 이 레이블은 도구가 읽을 수 있는 RFC 3339 형식의 시간(2024-05-01T12:00:00Z)입니다.' },
  bad: '# .hadolint.yaml label-schema: {author: text, version: semver, url: url, created: rfc3339, hash: hash, email: email, spdx: spdx}\nFROM alpine:3.20\nLABEL created="May 1st"',
  good: '# .hadolint.yaml label-schema: {author: text, version: semver, url: url, created: rfc3339, hash: hash, email: email, spdx: spdx}\nFROM alpine:3.20\nLABEL created="2024-05-01T12:00:00Z"',
  valid: (v) => /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.test(v),
  expected: { en: 'an RFC 3339 time (2024-05-01T12:00:00Z)', ko: 'RFC 3339 시간(2024-05-01T12:00:00Z)' },
});

export const labelSpdx = valueRule({
  id: 'label-spdx',
  code: 'DL3054',
  types: ['spdx'],
  title: { en: 'Label is not an SPDX license id', ko: '레이블이 SPDX 라이선스 id가 아님' },
  why: { en: 'The label schema says this label names a license by its SPDX id (MIT, Apache-2.0…), so scanners can recognise it.', ko: '레이블 스키마상 이 레이블은 SPDX id(MIT, Apache-2.0 등)로 라이선스를 적어야 스캐너가 알아봅니다.' },
  bad: '# .hadolint.yaml label-schema: {author: text, version: semver, url: url, created: rfc3339, hash: hash, email: email, spdx: spdx}\nFROM alpine:3.20\nLABEL spdx="Apache 2"',
  good: '# .hadolint.yaml label-schema: {author: text, version: semver, url: url, created: rfc3339, hash: hash, email: email, spdx: spdx}\nFROM alpine:3.20\nLABEL spdx="Apache-2.0"',
  valid: isSpdxLicenseId,
  expected: { en: 'an SPDX license id (MIT, Apache-2.0…)', ko: 'SPDX 라이선스 id(MIT, Apache-2.0 등)' },
});

export const labelGitHash = valueRule({
  id: 'label-git-hash',
  code: 'DL3055',
  types: ['hash'],
  title: { en: 'Label is not a git hash', ko: '레이블이 git 해시가 아님' },
  why: { en: 'The label schema says this label holds a git commit hash (7 or 40 lower-case hex digits), so the image can be traced to its source.', ko: '레이블 스키마상 이 레이블은 git 커밋 해시(소문자 16진수 7자리 또는 40자리)여서 이미지를 소스까지 추적할 수 있습니다.' },
  bad: '# .hadolint.yaml label-schema: {author: text, version: semver, url: url, created: rfc3339, hash: hash, email: email, spdx: spdx}\nFROM alpine:3.20\nLABEL hash="main"',
  good: '# .hadolint.yaml label-schema: {author: text, version: semver, url: url, created: rfc3339, hash: hash, email: email, spdx: spdx}\nFROM alpine:3.20\nLABEL hash="2dbfae9"',
  valid: (v) => /^[0-9a-f]+$/.test(v) && (v.length === 7 || v.length === 40),
  expected: { en: 'a git hash (7 or 40 hex digits)', ko: 'git 해시(16진수 7자리 또는 40자리)' },
});

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-(0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)(\.(0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*))*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/;

export const labelSemver = valueRule({
  id: 'label-semver',
  code: 'DL3056',
  types: ['semver'],
  title: { en: 'Label is not a semantic version', ko: '레이블이 시맨틱 버전이 아님' },
  why: { en: 'The label schema says this label holds a semantic version (1.4.2), so tools can compare versions.', ko: '레이블 스키마상 이 레이블은 시맨틱 버전(1.4.2)이어서 도구가 버전을 비교할 수 있습니다.' },
  bad: '# .hadolint.yaml label-schema: {author: text, version: semver, url: url, created: rfc3339, hash: hash, email: email, spdx: spdx}\nFROM alpine:3.20\nLABEL version="v1"',
  good: '# .hadolint.yaml label-schema: {author: text, version: semver, url: url, created: rfc3339, hash: hash, email: email, spdx: spdx}\nFROM alpine:3.20\nLABEL version="1.4.2"',
  valid: (v) => SEMVER.test(v),
  expected: { en: 'a semantic version (1.4.2)', ko: '시맨틱 버전(1.4.2)' },
});

const EMAIL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/;

export const labelEmail = valueRule({
  id: 'label-email',
  code: 'DL3058',
  types: ['email'],
  title: { en: 'Label is not an email address', ko: '레이블이 이메일 주소가 아님' },
  why: { en: 'The label schema says this label holds an email address (RFC 5322), so people know whom to contact.', ko: '레이블 스키마상 이 레이블은 이메일 주소(RFC 5322)여서 누구에게 연락할지 알 수 있습니다.' },
  bad: '# .hadolint.yaml label-schema: {author: text, version: semver, url: url, created: rfc3339, hash: hash, email: email, spdx: spdx}\nFROM alpine:3.20\nLABEL email="Jane"',
  good: '# .hadolint.yaml label-schema: {author: text, version: semver, url: url, created: rfc3339, hash: hash, email: email, spdx: spdx}\nFROM alpine:3.20\nLABEL email="jane@example.com"',
  valid: (v) => EMAIL.test(v),
  expected: { en: 'an email address (name@example.com)', ko: '이메일 주소(name@example.com)' },
});
