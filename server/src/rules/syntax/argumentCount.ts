// Instructions that take exactly one word: USER and STOPSIGNAL; STOPSIGNAL must be a signal.
import type { Rule } from '../types';
import { syntaxMeta } from './meta';

const SIGNALS = new Set('HUP INT QUIT ILL TRAP ABRT IOT BUS FPE KILL USR1 SEGV USR2 PIPE ALRM TERM STKFLT CHLD CLD CONT STOP TSTP TTIN TTOU URG XCPU XFSZ VTALRM PROF WINCH IO POLL PWR SYS UNUSED RTMIN RTMAX'.split(' '));

export function isSignal(v: string): boolean {
  if (/^\d+$/.test(v) || v.includes('$')) return true;
  const name = v.toUpperCase().replace(/^SIG/, '');
  return SIGNALS.has(name) || /^RTM(IN|AX)[+-]\d+$/.test(name);
}

export const extraArguments: Rule = {
  meta: syntaxMeta({
    id: 'extra-arguments',
    title: { en: 'Too many arguments', ko: '인자가 너무 많습니다' },
    why: { en: 'USER takes one user (optionally user:group) and STOPSIGNAL one signal. Extra words make Docker reject the instruction.', ko: 'USER에는 사용자 하나(선택적으로 user:group), STOPSIGNAL에는 신호 하나만 씁니다. 남는 단어가 있으면 Docker가 명령어를 거부합니다.' },
    bad: 'FROM alpine:3.20\nUSER app admin',
    good: 'FROM alpine:3.20\nUSER app:admin',
  }),
  check(ctx, report) {
    for (const ins of ctx.df.instructions) {
      if ((ins.name !== 'USER' && ins.name !== 'STOPSIGNAL') || ins.args.length <= 1) continue;
      report({ range: { start: ins.args[1].range.start, end: ins.args[ins.args.length - 1].range.end }, message: { en: `${ins.name} takes exactly one argument; remove the extra words.`, ko: `${ins.name}에는 인자를 하나만 씁니다. 남는 단어를 지우세요.` } });
    }
  },
};

export const invalidStopsignal: Rule = {
  meta: syntaxMeta({
    id: 'invalid-stopsignal',
    title: { en: 'STOPSIGNAL is not a signal', ko: 'STOPSIGNAL 값이 신호가 아닙니다' },
    why: { en: 'STOPSIGNAL names the signal `docker stop` sends first (SIGTERM by default), as a name like SIGQUIT or a number like 3. An unknown name fails the build.', ko: 'STOPSIGNAL은 `docker stop`이 먼저 보내는 신호(기본 SIGTERM)를 SIGQUIT 같은 이름이나 3 같은 번호로 적습니다. 모르는 이름이면 빌드가 실패합니다.' },
    bad: 'FROM nginx:1.27\nSTOPSIGNAL SIGSTOPP',
    good: 'FROM nginx:1.27\nSTOPSIGNAL SIGQUIT',
  }),
  check(ctx, report) {
    for (const ins of ctx.df.instructions) {
      if (ins.name !== 'STOPSIGNAL' || ins.args.length !== 1 || isSignal(ins.args[0].value)) continue;
      report({ range: ins.args[0].range, message: { en: `'${ins.args[0].value}' is not a signal: use a name like SIGTERM or SIGQUIT, or a number.`, ko: `'${ins.args[0].value}'은 신호가 아닙니다. SIGTERM, SIGQUIT 같은 이름이나 번호를 쓰세요.` } });
    }
  },
};
