// HEALTHCHECK written wrong: unknown type, NONE with arguments, CMD without a command, bad
// --retries, durations Docker cannot parse or below 1ms.
import type { Flag, Instruction } from '../../model/types';
import type { Finding, Rule } from '../types';
import { syntaxMeta } from './meta';

const DURATION_FLAGS = new Set(['interval', 'timeout', 'start-period', 'start-interval']);
const UNIT_NS: Record<string, number> = { ns: 1, us: 1e3, 'µs': 1e3, 'μs': 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

/** Go-style duration (`1m30s`, `500ms`) in nanoseconds, or a reason it is not one. */
export function parseDuration(v: string): number | 'no-unit' | 'bad-unit' | 'invalid' {
  if (v === '0') return 0;
  if (/^\d+(\.\d+)?$/.test(v)) return 'no-unit';
  const re = /(\d+(?:\.\d*)?|\.\d+)([a-z\u00b5\u03bc]+)/gy; // U+00B5 micro sign, U+03BC Greek mu; escaped to keep the bundle ASCII (test/unit/bundleAscii.test.ts)
  let total = 0;
  let pos = 0;
  for (let m = re.exec(v); m; m = re.exec(v)) {
    const unit = UNIT_NS[m[2]];
    if (unit === undefined) return 'bad-unit';
    total += parseFloat(m[1]) * unit;
    pos = re.lastIndex;
  }
  return pos === v.length && pos > 0 ? total : 'invalid';
}

function flagProblems(ins: Instruction, f: Flag): Finding[] {
  const range = f.valueRange ?? f.range;
  const v = f.value;
  if (v === undefined || v === '' || v.includes('$')) return [];
  if (f.name === 'retries') {
    if (!/^-?\d+$/.test(v)) return [{ range, message: { en: `--retries must be a whole number, not '${v}'.`, ko: `--retries는 '${v}'이 아니라 정수여야 합니다.` } }];
    if (parseInt(v, 10) < 1) return [{ range, message: { en: `--retries must be at least 1 (got ${v}).`, ko: `--retries는 1 이상이어야 합니다(현재 ${v}).` } }];
    return [];
  }
  if (!DURATION_FLAGS.has(f.name)) return [];
  const d = parseDuration(v);
  if (d === 'no-unit') return [{ range, message: { en: `--${f.name}=${v} has no time unit: write e.g. ${v}s.`, ko: `--${f.name}=${v}에 시간 단위가 없습니다. 예: ${v}s 처럼 쓰세요.` } }];
  if (d === 'bad-unit' || d === 'invalid') return [{ range, message: { en: `'${v}' is not a duration: use units ns, us, ms, s, m, h (e.g. 30s, 1m30s).`, ko: `'${v}'은 시간 길이가 아닙니다. ns, us, ms, s, m, h 단위를 쓰세요(예: 30s, 1m30s).` } }];
  if (d !== 0 && d < 1e6) return [{ range, message: { en: `--${f.name}=${v} is shorter than 1ms, which Docker rejects.`, ko: `--${f.name}=${v}은 1ms보다 짧아 Docker가 거부합니다.` } }];
  void ins;
  return [];
}

export const invalidHealthcheck: Rule = {
  meta: syntaxMeta({
    id: 'invalid-healthcheck',
    title: { en: 'Malformed HEALTHCHECK', ko: '잘못된 HEALTHCHECK' },
    why: {
      en: 'HEALTHCHECK is either `HEALTHCHECK NONE` or `HEALTHCHECK [--interval=30s --timeout=5s --retries=3 …] CMD <command>`. Durations need a unit and retries must be at least 1; otherwise the build fails.',
      ko: 'HEALTHCHECK는 `HEALTHCHECK NONE` 또는 `HEALTHCHECK [--interval=30s --timeout=5s --retries=3 …] CMD <명령>` 형식입니다. 시간에는 단위가 필요하고 retries는 1 이상이어야 하며, 아니면 빌드가 실패합니다.',
    },
    bad: 'FROM nginx:1.27\nHEALTHCHECK --interval=30 CMD curl -f http://localhost/',
    good: 'FROM nginx:1.27\nHEALTHCHECK --interval=30s CMD curl -f http://localhost/',
  }),
  check(ctx, report) {
    for (const outer of ctx.df.instructions) {
      const ins = outer.name === 'ONBUILD' ? outer.trigger : outer;
      if (!ins || ins.name !== 'HEALTHCHECK' || ins.args.length === 0) continue;
      const type = ins.args[0];
      const upper = type.value.toUpperCase();
      if (upper === 'NONE') {
        if (ins.args.length > 1) report({ range: { start: ins.args[1].range.start, end: ins.args[ins.args.length - 1].range.end }, message: { en: 'HEALTHCHECK NONE takes no further arguments.', ko: 'HEALTHCHECK NONE 뒤에는 인자를 쓰지 않습니다.' } });
        continue;
      }
      if (upper !== 'CMD') {
        report({ range: type.range, message: { en: `'${type.raw}' is not a HEALTHCHECK type: write CMD <command> or NONE.`, ko: `'${type.raw}'은 HEALTHCHECK 형식이 아닙니다. CMD <명령> 또는 NONE을 쓰세요.` } });
      } else if (ins.args.length === 1) {
        report({ range: type.range, message: { en: 'HEALTHCHECK CMD needs the command to run.', ko: 'HEALTHCHECK CMD 뒤에 실행할 명령이 필요합니다.' } });
      }
      for (const f of ins.flags) for (const p of flagProblems(ins, f)) report(p);
    }
  },
};
