// Rules about single instructions: absolute WORKDIR (DL3000), last USER not root (DL3002), EXPOSE
// port range (DL3011), exec form for CMD/ENTRYPOINT (DL3025), ONBUILD triggers (DL3043), ENV
// self references (DL3044), what a file starts with (DL3061), numeric USER (DL3066).
import type { Instruction } from '../../model/types';
import { stagelessInstructions } from '../preamble';
import type { Rule, RuleFix, Text } from '../types';
import { hadolintMeta } from './meta';
import { dropOuterQuotes as dropQuotes } from '../textTrim';

export const workdirAbsolute: Rule = {
  meta: hadolintMeta({
    id: 'workdir-absolute',
    code: 'DL3000',
    severity: 'error',
    title: { en: 'Use an absolute WORKDIR', ko: 'WORKDIR은 절대 경로로' },
    why: {
      en: 'A relative WORKDIR is joined to the previous working directory, which may come from the base image and change with it. An absolute path always means the same place.',
      ko: '상대 경로 WORKDIR은 이전 작업 디렉터리에 이어 붙는데, 그 디렉터리는 기반 이미지가 정하고 함께 바뀔 수 있습니다. 절대 경로는 언제나 같은 곳을 가리킵니다.',
    },
    bad: 'FROM node:20\nWORKDIR app',
    good: 'FROM node:20\nWORKDIR /app',
  }),
  check(ctx, report) {
    for (const ins of ctx.df.instructions) {
      if (ins.name !== 'WORKDIR' || !ins.argsText) continue;
      const dir = dropQuotes(ins.argsText);
      if (dir.startsWith('/') || dir.startsWith('$') || /^[A-Za-z]:/.test(dir)) continue;
      report({
        range: ins.argsRange,
        message: {
          en: `WORKDIR "${dir}" is relative: it depends on the previous working directory (often set by the base image). Use an absolute path such as /${dir}.`,
          ko: `WORKDIR "${dir}"은(는) 상대 경로라 이전 작업 디렉터리(대개 기반 이미지가 정함)에 따라 달라집니다. /${dir}처럼 절대 경로를 쓰세요.`,
        },
        fixes: ins.args.length === 1 && ins.args[0].raw === dir ? [{ title: { en: `Use /${dir}`, ko: `/${dir} 사용하기` }, preferred: true, edits: [{ range: ins.args[0].range, newText: `/${dir}` }] }] : [],
      });
    }
  },
};

const isRoot = (u: string): boolean => u === 'root' || u === '0' || u.startsWith('root:') || u.startsWith('0:');

export const lastUserNotRoot: Rule = {
  meta: hadolintMeta({
    id: 'last-user-not-root',
    code: 'DL3002',
    severity: 'warning',
    title: { en: 'Last USER should not be root', ko: '마지막 USER가 root이면 안 됨' },
    why: {
      en: 'The last USER of a stage is the user its container runs as. Running as root means any hole in your app gives an attacker root inside the container, and a short step from the host. Switch to an unprivileged user at the end.',
      ko: '스테이지의 마지막 USER가 컨테이너를 실행하는 사용자입니다. root로 실행하면 앱의 취약점 하나로 공격자가 컨테이너 안의 root 권한을 얻고, 호스트까지도 가까워집니다. 마지막에 권한 없는 사용자로 바꾸세요.',
    },
    bad: 'FROM node:20\nUSER root\nRUN npm ci',
    good: 'FROM node:20\nUSER root\nRUN npm ci\nUSER node',
  }),
  check(ctx, report) {
    for (const s of ctx.df.stages) {
      const users = s.instructions.filter((i) => i.name === 'USER');
      const last = users[users.length - 1];
      if (!last || !isRoot(last.argsText.trim())) continue;
      report({
        range: last.argsRange,
        message: {
          en: 'The last USER of this stage is root, so its container runs as root: switch to an unprivileged user (USER app) after the steps that need root.',
          ko: '이 스테이지의 마지막 USER가 root라서 컨테이너가 root로 실행됩니다. root가 필요한 단계 뒤에 권한 없는 사용자(USER app)로 바꾸세요.',
        },
      });
    }
  },
};

export const exposePortRange: Rule = {
  meta: hadolintMeta({
    id: 'expose-port-range',
    code: 'DL3011',
    severity: 'error',
    title: { en: 'EXPOSE a port between 0 and 65535', ko: 'EXPOSE 포트는 0에서 65535 사이' },
    why: {
      en: 'TCP and UDP ports are 16-bit numbers: anything above 65535 does not exist, and Docker rejects it when the container starts.',
      ko: 'TCP와 UDP 포트는 16비트 숫자라 65535보다 큰 포트는 존재하지 않고, 컨테이너를 시작할 때 Docker가 거부합니다.',
    },
    bad: 'FROM nginx:1.27\nEXPOSE 80800',
    good: 'FROM nginx:1.27\nEXPOSE 8080',
  }),
  check(ctx, report) {
    for (const ins of ctx.df.instructions) {
      if (ins.name !== 'EXPOSE') continue;
      for (const t of ins.args) {
        const ports = t.value.replace(/\/\w+$/, '').split('-');
        if (!ports.some((p) => /^\d+$/.test(p) && Number(p) > 65535)) continue;
        report({
          range: t.range,
          message: {
            en: `Port ${t.value} is out of range: ports go from 0 to 65535.`,
            ko: `포트 ${t.value}은(는) 범위를 벗어났습니다. 포트는 0에서 65535까지입니다.`,
          },
        });
      }
    }
  },
};

/** Shell-form arguments → exec form: plain words become a JSON array, shell syntax keeps a shell. */
function execFormFix(ins: Instruction): RuleFix | undefined {
  const text = ins.argsText;
  if (!text || ins.heredocs.length) return undefined;
  if (ins.looksLikeJson) {
    // Meant as exec form but not valid JSON: repair the usual slips, and only when that gives JSON.
    const repaired = repairedJson(text);
    if (!repaired) return undefined;
    return { title: { en: 'Repair the JSON', ko: 'JSON 고치기' }, preferred: true, edits: [{ range: ins.argsRange, newText: repaired }] };
  }
  const shellSyntax = /[$&|;<>*?`(){}\\~'"]/.test(text);
  const words = shellSyntax ? ['/bin/sh', '-c', text] : ins.args.map((a) => a.value);
  const json = `[${words.map((w) => JSON.stringify(w)).join(', ')}]`;
  return {
    title: { en: 'Convert to JSON exec form', ko: 'JSON exec 형식으로 바꾸기' },
    preferred: true,
    edits: [{ range: ins.argsRange, newText: json }],
  };
}

/** The slips that turn `["a", "b"]` into text Docker runs in shell form, in the order they are checked. */
const JSON_SLIPS: { test: (t: string) => boolean; repair: (t: string) => string; en: string; ko: string }[] = [
  { test: (t) => /'/.test(t) && !t.includes('"'), repair: (t) => t.replace(/'([^'"]*)'/g, '"$1"'), en: 'it uses single quotes', ko: '작은따옴표를 썼습니다' },
  { test: (t) => !t.trimEnd().endsWith(']'), repair: (t) => `${t.trimEnd()}]`, en: 'the closing ] is missing', ko: '닫는 ]가 없습니다' },
  { test: (t) => /,\s*\]\s*$/.test(t), repair: (t) => t.replace(/,(\s*\]\s*)$/, '$1'), en: 'a comma before the closing ]', ko: '닫는 ] 앞에 쉼표가 있습니다' },
];

/** `text` with every slip it shows repaired, when that makes it a JSON array of strings. */
function repairedJson(text: string): string | undefined {
  let t = text;
  for (const slip of JSON_SLIPS) if (slip.test(t)) t = slip.repair(t);
  return t !== text && isJsonArray(t) ? t : undefined;
}

function isJsonArray(text: string): boolean {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) && v.every((x) => typeof x === 'string');
  } catch {
    return false;
  }
}

function shellFormMessage(ins: Instruction): Text {
  return {
    en: `Write ${ins.name} in JSON form (["program", "arg"]): in shell form /bin/sh is process 1, so stop signals never reach your program.`,
    ko: `${ins.name}은(는) JSON 형식(["program", "arg"])으로 쓰세요. shell 형식에서는 /bin/sh가 1번 프로세스가 되어 종료 신호가 프로그램에 전달되지 않습니다.`,
  };
}

/** The user meant exec form and slipped: say so, and which slip, instead of "write it as JSON". */
function brokenJsonMessage(ins: Instruction): Text {
  const slip = JSON_SLIPS.find((s) => s.test(ins.argsText));
  return {
    en: `${ins.name} starts like JSON (exec) form but is not valid JSON${slip ? ` (${slip.en})` : ''}, so Docker runs the text as a shell command and the container fails when it starts. Write ["program", "arg"]: double quotes, commas between the items, a closing ].`,
    ko: `${ins.name}이(가) JSON(exec) 형식처럼 시작하지만 올바른 JSON이 아닙니다${slip ? `(${slip.ko})` : ''}. 그래서 Docker가 글자 그대로 셸 명령으로 실행하고, 컨테이너가 시작할 때 실패합니다. ["program", "arg"]처럼 큰따옴표, 항목 사이의 쉼표, 닫는 ]를 갖춰 쓰세요.`,
  };
}

export const jsonCmdEntrypoint: Rule = {
  meta: hadolintMeta({
    id: 'json-cmd-entrypoint',
    code: 'DL3025',
    severity: 'warning',
    title: { en: 'Use JSON (exec) form for CMD and ENTRYPOINT', ko: 'CMD와 ENTRYPOINT는 JSON(exec) 형식으로' },
    why: {
      en: 'In shell form the command runs as a child of /bin/sh -c. The shell, not your program, is process 1, so `docker stop` signals never reach your program and it is killed after a timeout. The JSON form `["program", "arg"]` runs it directly.',
      ko: 'shell 형식에서는 명령이 /bin/sh -c의 자식으로 실행됩니다. 프로그램이 아닌 셸이 1번 프로세스가 되어 `docker stop` 신호가 프로그램에 전달되지 않고, 시간이 지나 강제 종료됩니다. JSON 형식 `["program", "arg"]`은 프로그램을 직접 실행합니다.',
    },
    bad: 'FROM node:20\nCMD node server.js',
    good: 'FROM node:20\nCMD ["node", "server.js"]',
  }),
  check(ctx, report) {
    for (const ins of ctx.df.instructions) {
      if (ins.name === 'HEALTHCHECK') {
        // HEALTHCHECK CMD … takes the same two forms.
        const [cmd, first] = ins.args;
        if (cmd?.value.toUpperCase() !== 'CMD' || !first || isJsonArray(ins.argsText.slice(first.start))) continue;
        report({
          range: { start: first.range.start, end: ins.argsRange.end },
          message: {
            en: 'Write HEALTHCHECK CMD in JSON form (["program", "arg"]): in shell form every check also starts a /bin/sh, which must exist in the image.',
            ko: 'HEALTHCHECK CMD는 JSON 형식(["program", "arg"])으로 쓰세요. shell 형식에서는 검사할 때마다 /bin/sh도 실행되며, 이미지에 셸이 있어야 합니다.',
          },
        });
        continue;
      }
      if ((ins.name !== 'CMD' && ins.name !== 'ENTRYPOINT') || ins.json || !ins.argsText) continue;
      const fix = execFormFix(ins);
      report({ range: ins.argsRange, message: ins.looksLikeJson ? brokenJsonMessage(ins) : shellFormMessage(ins), fixes: fix ? [fix] : [] });
    }
  },
};

export const onbuildTriggerDisallowed: Rule = {
  meta: hadolintMeta({
    id: 'onbuild-forbidden-trigger',
    code: 'DL3043',
    severity: 'error',
    title: { en: 'ONBUILD cannot trigger ONBUILD, FROM or MAINTAINER', ko: 'ONBUILD로 ONBUILD, FROM, MAINTAINER를 실행할 수 없음' },
    why: {
      en: 'ONBUILD records an instruction to run in images built FROM this one. Docker does not allow ONBUILD ONBUILD, ONBUILD FROM or ONBUILD MAINTAINER, and the child build fails.',
      ko: 'ONBUILD는 이 이미지를 FROM으로 쓰는 이미지에서 실행할 명령을 기록합니다. Docker는 ONBUILD ONBUILD, ONBUILD FROM, ONBUILD MAINTAINER를 허용하지 않아 자식 빌드가 실패합니다.',
    },
    bad: 'FROM node:20\nONBUILD FROM alpine:3.20',
    good: 'FROM node:20\nONBUILD COPY . /app',
  }),
  check(ctx, report) {
    for (const ins of ctx.df.instructions) {
      const t = ins.trigger;
      if (ins.name !== 'ONBUILD' || !t || !['ONBUILD', 'FROM', 'MAINTAINER'].includes(t.name)) continue;
      report({
        range: t.keywordRange,
        message: {
          en: `ONBUILD cannot trigger ${t.name}: Docker rejects it when a child image is built.`,
          ko: `ONBUILD로 ${t.name}을(를) 실행할 수 없습니다. 자식 이미지를 빌드할 때 Docker가 거부합니다.`,
        },
      });
    }
  },
};

/** Names a value refers to as `$NAME` or `${NAME}` (the forms hadolint checks). */
function referencedNames(value: string): Set<string> {
  const out = new Set<string>();
  for (const m of value.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g)) out.add(m[1] ?? m[2]);
  return out;
}

export const envSelfReference: Rule = {
  meta: hadolintMeta({
    id: 'env-self-reference',
    code: 'DL3044',
    severity: 'error',
    title: { en: 'ENV refers to a variable defined in the same ENV', ko: 'ENV가 같은 ENV에서 정의한 변수를 참조함' },
    why: {
      en: 'All values of one ENV instruction are expanded before any of its variables is set. `ENV A=1 B=$A` therefore gives B the old value of A (usually empty), not 1. Split it into two ENV instructions.',
      ko: '한 ENV 명령의 값은 그 변수들이 설정되기 전에 모두 먼저 확장됩니다. 그래서 `ENV A=1 B=$A`에서 B는 1이 아니라 A의 이전 값(대개 빈 값)을 받습니다. ENV 명령 두 개로 나누세요.',
    },
    bad: 'FROM debian:12\nENV APP_HOME=/opt/app APP_BIN=$APP_HOME/bin',
    good: 'FROM debian:12\nENV APP_HOME=/opt/app\nENV APP_BIN=$APP_HOME/bin',
  }),
  check(ctx, report) {
    const known = new Set<string>();
    for (const ins of ctx.df.instructions) {
      if (ins.name === 'ARG') {
        for (const p of ins.pairs) known.add(p.key);
        continue;
      }
      if (ins.name !== 'ENV') continue;
      const pairs = ins.pairs;
      // Which pairs refer to each name, computed once: linear in the pairs (a 100 000-character
      // ENV line with thousands of pairs must not take seconds).
      const usersOf = new Map<string, number[]>();
      pairs.forEach((q, j) => {
        if (q.rawValue === undefined) return;
        for (const name of referencedNames(q.rawValue)) {
          const list = usersOf.get(name) ?? [];
          if (list.length < 2) list.push(j);
          usersOf.set(name, list);
        }
      });
      pairs.forEach((p, idx) => {
        if (known.has(p.key)) return;
        const j = (usersOf.get(p.key) ?? []).find((k) => k !== idx);
        const user = j === undefined ? undefined : pairs[j];
        if (!user) return;
        report({
          range: user.valueRange ?? user.range,
          message: {
            en: `${p.key} is set in this same ENV, so this reference still sees its old value: move it to a separate ENV instruction.`,
            ko: `${p.key}은(는) 같은 ENV에서 설정되므로 이 참조는 아직 이전 값을 봅니다. 별도의 ENV 명령으로 옮기세요.`,
          },
        });
      });
      for (const p of pairs) known.add(p.key);
    }
  },
};

export const fileStartsWithFrom: Rule = {
  meta: hadolintMeta({
    id: 'file-starts-with-from',
    code: 'DL3061',
    severity: 'error',
    title: { en: 'A Dockerfile must start with FROM or ARG', ko: 'Dockerfile은 FROM 또는 ARG로 시작해야 함' },
    why: {
      en: 'Every instruction except ARG belongs to a build stage, and a stage begins with FROM. An instruction before the first FROM has no stage, so Docker stops with an error.',
      ko: 'ARG를 제외한 모든 명령은 빌드 스테이지에 속하고, 스테이지는 FROM으로 시작합니다. 첫 FROM 앞의 명령은 속할 스테이지가 없어 Docker가 오류를 냅니다.',
    },
    bad: 'LABEL maintainer="jane@example.com"\nFROM alpine:3.20',
    good: 'FROM alpine:3.20\nLABEL maintainer="jane@example.com"',
  }),
  check(ctx, report) {
    for (const ins of stagelessInstructions(ctx.df)) {
      report({
        range: ins.keywordRange,
        message: {
          en: `${ins.name} comes before the first FROM: only ARG may appear there, every other instruction needs a stage started by FROM.`,
          ko: `${ins.name}이(가) 첫 FROM보다 앞에 있습니다. 그 자리에는 ARG만 올 수 있고, 다른 명령은 FROM으로 시작한 스테이지가 필요합니다.`,
        },
      });
    }
  },
};

export const numericUser: Rule = {
  meta: hadolintMeta({
    id: 'numeric-user',
    code: 'DL3066',
    severity: 'info',
    title: { en: 'Prefer a numeric USER id', ko: '숫자 USER id 권장' },
    why: {
      en: 'A user name is looked up in the image\'s /etc/passwd. Tools outside the container (Kubernetes runAsNonRoot, volume permissions on the host) only see numbers and cannot check a name. `USER 10001:10001` is unambiguous.',
      ko: '사용자 이름은 이미지의 /etc/passwd에서 찾습니다. 컨테이너 밖의 도구(Kubernetes runAsNonRoot, 호스트의 볼륨 권한)는 숫자만 보므로 이름을 확인할 수 없습니다. `USER 10001:10001`은 뜻이 분명합니다.',
    },
    bad: 'FROM node:20\nUSER node',
    good: 'FROM node:20\nUSER 1000:1000',
  }),
  check(ctx, report) {
    for (const ins of ctx.df.instructions) {
      // Windows containers (a cmd/PowerShell SHELL) name users like ContainerUser by design.
      if (ins.name !== 'USER' || !ins.argsText || ins.argsText.includes('$') || !ctx.isPosixShell(ins)) continue;
      const uid = ins.argsText.trim().split(':')[0];
      if (/^\d+$/.test(uid)) continue;
      report({
        range: ins.argsRange,
        message: {
          en: `"${uid}" is a user name: tools outside the container cannot resolve it. Prefer the numeric id (e.g. USER 10001).`,
          ko: `"${uid}"은(는) 사용자 이름이라 컨테이너 밖의 도구가 알아볼 수 없습니다. 숫자 id(예: USER 10001)를 쓰세요.`,
        },
      });
    }
  },
};

const INLINE_IGNORE = /^\s*hadolint\s+ignore\s*=/i;

export const inlineIgnorePragma: Rule = {
  meta: hadolintMeta({
    id: 'inline-ignore-pragma',
    code: 'DL1001',
    severity: 'info',
    defaultOff: true,
    title: { en: 'Inline ignore pragma', ko: '인라인 무시 지시문' },
    why: {
      en: 'For teams that want every exception in the shared configuration file rather than scattered through Dockerfiles. Off by default.',
      ko: '예외를 Dockerfile 곳곳이 아니라 공유 설정 파일에만 두고 싶은 팀을 위한 규칙입니다. 기본으로 꺼져 있습니다.',
    },
    bad: 'FROM debian:12\n# hadolint ignore=DL3008\nRUN apt-get update && apt-get install -y curl',
    good: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl=7.88.1-10+deb12u8',
  }),
  check(ctx, report) {
    for (const c of ctx.df.comments) {
      if (!INLINE_IGNORE.test(c.text)) continue;
      report({
        range: c.range,
        message: {
          en: 'Inline ignore pragma: your settings ask to keep rule exceptions in the configuration file instead.',
          ko: '인라인 무시 지시문입니다. 설정에 따라 규칙 예외는 설정 파일에만 두어야 합니다.',
        },
      });
    }
  },
};
