// Flag values Docker rejects: the same flag twice, a flag without its value, a value of the wrong
// kind (booleans, --network, --from, --chmod), and RUN --mount options that do not exist.
import { instructionSpec, MOUNT_TYPES, type FlagSpec } from '../../model/syntax';
import type { Flag, Instruction, Range } from '../../model/types';
import { closest } from '../closest';
import type { Finding, Rule } from '../types';
import { syntaxMeta } from './meta';

function withTriggers(list: Instruction[]): Instruction[] {
  const out: Instruction[] = [];
  for (const ins of list) {
    out.push(ins);
    if (ins.trigger) out.push(ins.trigger);
  }
  return out;
}

function specOf(ins: Instruction, f: Flag): FlagSpec | undefined {
  return instructionSpec(ins.name)?.flags.find((s) => s.name === f.name);
}

export const duplicateFlag: Rule = {
  meta: syntaxMeta({
    id: 'duplicate-flag',
    title: { en: 'Flag given twice', ko: '플래그가 두 번 있습니다' },
    why: { en: 'Apart from --mount and --exclude, each flag may appear once per instruction; Docker rejects a repeated one instead of guessing which value you meant.', ko: '--mount와 --exclude를 빼면 플래그는 명령어마다 한 번만 쓸 수 있습니다. Docker는 어느 값을 뜻했는지 추측하지 않고 거부합니다.' },
    bad: 'FROM alpine:3.20\nCOPY --chown=1:1 --chown=2:2 a /a',
    good: 'FROM alpine:3.20\nCOPY --chown=1:1 a /a',
  }),
  check(ctx, report) {
    for (const ins of withTriggers(ctx.df.instructions)) {
      const seen = new Set<string>();
      for (const f of ins.flags) {
        const spec = specOf(ins, f);
        if (seen.has(f.name) && spec && !spec.repeatable) {
          report({ range: f.range, message: { en: `--${f.name} is given more than once; keep one.`, ko: `--${f.name}이 여러 번 있습니다. 하나만 남기세요.` }, fixes: [{ title: { en: 'Remove this flag', ko: '이 플래그 지우기' }, edits: [{ range: f.range, newText: '' }] }] });
        }
        seen.add(f.name);
      }
    }
  },
};

export const flagMissingValue: Rule = {
  meta: syntaxMeta({
    id: 'flag-missing-value',
    title: { en: 'Flag without a value', ko: '값이 없는 플래그' },
    why: { en: 'Flags like --from, --chown, --platform or --interval need a value after `=` (--from=build). Without it Docker stops with "missing a value".', ko: '--from, --chown, --platform, --interval 같은 플래그는 `=` 뒤에 값이 필요합니다(--from=build). 없으면 Docker가 "missing a value"로 멈춥니다.' },
    bad: 'FROM alpine:3.20 AS build\nFROM alpine:3.20\nCOPY --from /out /out',
    good: 'FROM alpine:3.20 AS build\nFROM alpine:3.20\nCOPY --from=build /out /out',
  }),
  check(ctx, report) {
    for (const ins of withTriggers(ctx.df.instructions)) {
      for (const f of ins.flags) {
        const spec = specOf(ins, f);
        if (!spec || spec.kind === 'boolean' || spec.kind === 'none' || (f.value !== undefined && f.value !== '')) continue;
        report({ range: f.range, message: { en: `--${f.name} needs a value: write --${f.name}=${spec.example ?? '…'}.`, ko: `--${f.name}에는 값이 필요합니다. --${f.name}=${spec.example ?? '…'} 처럼 쓰세요.` } });
      }
    }
  },
};

function valueProblem(ins: Instruction, f: Flag, spec: FlagSpec): string | undefined {
  const v = f.value;
  if (v === undefined || v === '' || v.includes('$')) return undefined;
  switch (spec.kind) {
    case 'boolean':
      return /^(true|false)$/i.test(v) ? undefined : `--${f.name} takes true or false, not '${v}'`;
    case 'enum':
      return spec.values?.includes(v) ? undefined : `--${f.name} takes ${spec.values?.join(', ')}, not '${v}'`;
    case 'stage':
      return /^[a-zA-Z0-9]/.test(v) ? undefined : `--${f.name}=${v} is not a stage name or image`;
    case 'chmod':
      return /^[0-7]{3,4}$/.test(v) || /^([ugoa]*[-+=][rwxXst]*,?)+$/.test(v) ? undefined : `--chmod takes an octal mode like 755, not '${v}'`;
    default:
      void ins;
      return undefined;
  }
}

export const invalidFlagValue: Rule = {
  meta: syntaxMeta({
    id: 'invalid-flag-value',
    title: { en: 'Invalid flag value', ko: '잘못된 플래그 값' },
    why: { en: 'Some flags only accept certain values: --link and --parents take true/false, RUN --network takes default, none or host, --chmod an octal mode. Docker rejects anything else.', ko: '어떤 플래그는 정해진 값만 받습니다. --link와 --parents는 true/false, RUN --network는 default, none, host, --chmod는 8진수 모드를 받습니다. 그 밖의 값은 Docker가 거부합니다.' },
    bad: 'FROM alpine:3.20\nCOPY --link=yes a /a',
    good: 'FROM alpine:3.20\nCOPY --link a /a',
  }),
  check(ctx, report) {
    for (const ins of withTriggers(ctx.df.instructions)) {
      for (const f of ins.flags) {
        const spec = specOf(ins, f);
        const problem = spec && valueProblem(ins, f, spec);
        if (problem) report({ range: f.valueRange ?? f.range, message: { en: `${problem}.`, ko: `--${f.name}의 값 '${f.value ?? ''}'이(가) 올바르지 않습니다${spec?.values ? ` (${spec.values.join(', ')} 중 하나)` : spec?.kind === 'boolean' ? ' (true 또는 false)' : ''}.` } });
      }
    }
  },
};

/** Problems in one `--mount=type=…,key=value` value, with ranges inside the flag. */
export function mountProblems(ins: Instruction, f: Flag): Finding[] {
  if (f.value === undefined || f.value === '' || f.value.includes('$') || f.token.raw !== `--mount=${f.value}`) return [];
  const base = f.token.start + '--mount='.length;
  const parts: { key: string; value: string | undefined; start: number; end: number }[] = [];
  let offset = 0;
  for (const part of f.value.split(',')) {
    const eq = part.indexOf('=');
    parts.push({ key: (eq < 0 ? part : part.slice(0, eq)).toLowerCase(), value: eq < 0 ? undefined : part.slice(eq + 1), start: base + offset, end: base + offset + part.length });
    offset += part.length + 1;
  }
  const range = (p: { start: number; end: number }): Range => ({ start: ins.positionAt(p.start), end: ins.positionAt(p.end) });
  const typeName = parts.find((p) => p.key === 'type')?.value ?? 'bind';
  const type = MOUNT_TYPES.find((t) => t.type === typeName);
  const out: Finding[] = [];
  if (!type) {
    const p = parts.find((x) => x.key === 'type');
    const s = closest(typeName, MOUNT_TYPES.map((t) => t.type));
    out.push({ range: p ? range(p) : f.range, message: { en: `Unknown mount type '${typeName}'${s ? `: did you mean ${s}?` : ''} Types are ${MOUNT_TYPES.map((t) => t.type).join(', ')}.`, ko: `알 수 없는 마운트 종류 '${typeName}'입니다${s ? ` (${s}?)` : ''}. 종류: ${MOUNT_TYPES.map((t) => t.type).join(', ')}.` } });
    return out;
  }
  const keys = ['type', 'target', 'dst', 'destination', 'source', 'src', ...type.keys.map((k) => k.name)];
  for (const p of parts) {
    if (p.key === '' || keys.includes(p.key)) continue;
    if (p.value === undefined && ['ro', 'readonly', 'rw', 'readwrite', 'required'].includes(p.key)) continue;
    const s = closest(p.key, keys);
    out.push({ range: range(p), message: { en: `A ${type.type} mount has no option '${p.key}'${s ? `: did you mean ${s}?` : '.'}`, ko: `${type.type} 마운트에는 '${p.key}' 옵션이 없습니다${s ? ` (${s}?)` : ''}.` } });
  }
  const needsTarget = type.type === 'cache' || type.type === 'tmpfs';
  if (needsTarget && !out.length && !parts.some((p) => ['target', 'dst', 'destination'].includes(p.key))) {
    out.push({ range: f.range, message: { en: `A ${type.type} mount needs target=<path> inside the container.`, ko: `${type.type} 마운트에는 컨테이너 안 경로 target=<경로>가 필요합니다.` } });
  }
  return out;
}

export const invalidMount: Rule = {
  meta: syntaxMeta({
    id: 'invalid-mount',
    title: { en: 'Invalid RUN --mount option', ko: '잘못된 RUN --mount 옵션' },
    why: { en: 'RUN --mount takes a type (bind, cache, tmpfs, secret, ssh) and that type\'s options; cache and tmpfs mounts need target=. A misspelt option fails the build.', ko: 'RUN --mount에는 종류(bind, cache, tmpfs, secret, ssh)와 그 종류의 옵션을 씁니다. cache와 tmpfs는 target=이 필요합니다. 옵션 철자가 틀리면 빌드가 실패합니다.' },
    bad: 'FROM golang:1.23\nRUN --mount=type=cache,traget=/root/.cache go build ./...',
    good: 'FROM golang:1.23\nRUN --mount=type=cache,target=/root/.cache go build ./...',
  }),
  check(ctx, report) {
    for (const ins of withTriggers(ctx.df.instructions)) {
      if (ins.name !== 'RUN') continue;
      for (const f of ins.flags) if (f.name === 'mount') for (const p of mountProblems(ins, f)) report(p);
    }
  },
};
