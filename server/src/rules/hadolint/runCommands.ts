// Rules about what a RUN executes: pointless commands (DL3001), cd (DL3003), sudo (DL3004),
// useradd with a long UID (DL3046), wget's progress output (DL3047), wget and curl together
// (DL4001), relinking /bin/sh (DL4005).
import type { Rule } from '../types';
import { hadolintMeta } from './meta';
import { commandsNamed, runPart } from './runs';
import { cmdHasArgs, commandRange, commandsOf, flagValues, hasAnyFlag, hasFlag, wordRange } from './shellView';

const POINTLESS = ['free', 'kill', 'mount', 'ps', 'service', 'shutdown', 'ssh', 'top', 'vim'];

export const pointlessCommands: Rule = {
  meta: hadolintMeta({
    id: 'pointless-commands',
    code: 'DL3001',
    severity: 'info',
    title: { en: 'Command that makes no sense in a build', ko: '빌드에서 의미 없는 명령' },
    why: {
      en: 'A RUN executes once while the image is built, with no running services and no person at a terminal. Commands like ssh, vim, service, ps, top, kill, mount, free or shutdown either do nothing useful there or fail.',
      ko: 'RUN은 이미지를 빌드할 때 한 번 실행되며, 그때는 동작 중인 서비스도 터미널 앞의 사람도 없습니다. ssh, vim, service, ps, top, kill, mount, free, shutdown 같은 명령은 거기서 쓸모가 없거나 실패합니다.',
    },
    bad: 'FROM debian:12\nRUN service nginx start',
    good: 'FROM debian:12\nCMD ["nginx", "-g", "daemon off;"]',
  }),
  check(ctx, report) {
    for (const { script: { run }, command: c } of commandsNamed(ctx, POINTLESS)) {
      report({
        range: wordRange(run, c.nameWord),
        message: {
          en: `"${c.name}" makes no sense in a RUN: it runs once during the build, with no running services and nobody at a terminal.`,
          ko: `RUN에서 "${c.name}"은(는) 의미가 없습니다. 빌드 중 한 번 실행될 뿐이고, 동작 중인 서비스도 터미널 앞의 사람도 없습니다.`,
        },
      });
    }
  },
};

export const useWorkdirNotCd: Rule = {
  meta: hadolintMeta({
    id: 'use-workdir-not-cd',
    code: 'DL3003',
    severity: 'warning',
    title: { en: 'Use WORKDIR to switch directories', ko: '디렉터리 이동은 WORKDIR로' },
    why: {
      en: '`cd` only lasts until the end of its RUN: the next instruction starts in the old directory again, which surprises people. WORKDIR changes the directory for every instruction after it and is easier to read.',
      ko: '`cd`는 그 RUN이 끝날 때까지만 유효해서, 다음 명령은 다시 원래 디렉터리에서 시작합니다. WORKDIR은 그 뒤 모든 명령의 디렉터리를 바꾸고 읽기도 쉽습니다.',
    },
    bad: 'FROM node:20\nRUN cd /app && npm ci',
    good: 'FROM node:20\nWORKDIR /app\nRUN npm ci',
  }),
  check(ctx, report) {
    for (const { script: { run }, command: c } of commandsNamed(ctx, 'cd')) {
      report({
        range: commandRange(run, c),
        message: {
          en: 'Use WORKDIR instead of cd: cd only lasts until the end of this RUN, while WORKDIR applies to every instruction after it.',
          ko: 'cd 대신 WORKDIR을 쓰세요. cd는 이 RUN이 끝나면 사라지지만 WORKDIR은 그 뒤의 모든 명령에 적용됩니다.',
        },
      });
    }
  },
};

export const noSudo: Rule = {
  meta: hadolintMeta({
    id: 'no-sudo',
    code: 'DL3004',
    severity: 'error',
    title: { en: 'Do not use sudo', ko: 'sudo를 사용하지 않기' },
    why: {
      en: 'RUN already runs as root unless USER changed it, and sudo in a container behaves unpredictably (it needs a TTY and configuration and may not be installed). Switch users with USER, or use a tool like gosu at run time.',
      ko: 'USER로 바꾸지 않았다면 RUN은 이미 root로 실행되고, 컨테이너 안의 sudo는 TTY와 설정이 필요하거나 설치되어 있지 않아 예측할 수 없게 동작합니다. 사용자 전환은 USER로, 실행 시에는 gosu 같은 도구를 쓰세요.',
    },
    bad: 'FROM debian:12\nUSER app\nRUN sudo apt-get update',
    good: 'FROM debian:12\nRUN apt-get update\nUSER app',
  }),
  check(ctx, report) {
    for (const { script: { run }, command: c } of commandsNamed(ctx, 'sudo')) {
      report({
        range: wordRange(run, c.nameWord),
        message: {
          en: 'Do not use sudo: RUN already runs as root unless USER changed it, and sudo behaves unpredictably in containers. Use USER (or gosu at run time).',
          ko: 'sudo를 쓰지 마세요. USER로 바꾸지 않았다면 RUN은 이미 root로 실행되고, 컨테이너에서 sudo는 예측할 수 없게 동작합니다. USER(실행 시에는 gosu)를 쓰세요.',
        },
      });
    }
  },
};

export const useraddLongUid: Rule = {
  meta: hadolintMeta({
    id: 'useradd-long-uid',
    code: 'DL3046',
    severity: 'warning',
    title: { en: 'useradd with a high UID needs -l', ko: '큰 UID로 useradd 할 때는 -l 필요' },
    why: {
      en: 'useradd records every user in /var/log/lastlog and faillog, files sized by the highest UID. A UID like 1000000 makes them sparse files of hundreds of megabytes that Docker stores in full. `-l` (`--no-log-init`) skips them.',
      ko: 'useradd는 사용자를 /var/log/lastlog와 faillog에 기록하는데, 이 파일 크기는 가장 큰 UID에 비례합니다. 1000000 같은 UID는 수백 MB짜리 파일을 만들고 Docker는 이를 통째로 저장합니다. `-l`(`--no-log-init`)로 기록을 건너뛰세요.',
    },
    bad: 'FROM debian:12\nRUN useradd -u 1000000 app',
    good: 'FROM debian:12\nRUN useradd -l -u 1000000 app',
  }),
  check(ctx, report) {
    for (const { script: { run }, command: c } of commandsNamed(ctx, 'useradd')) {
      if (hasAnyFlag(c, ['l', 'no-log-init']) || !hasAnyFlag(c, ['u', 'uid'])) continue;
      if (![...flagValues(c, 'u'), ...flagValues(c, 'uid')].some((v) => v.length > 5)) continue;
      report({
        range: commandRange(run, c),
        message: {
          en: 'Add -l (--no-log-init) to useradd: with a high UID, the lastlog/faillog files grow to hundreds of megabytes in the image.',
          ko: 'useradd에 -l(--no-log-init)을 추가하세요. UID가 크면 lastlog/faillog 파일이 이미지 안에서 수백 MB로 커집니다.',
        },
      });
    }
  },
};

export const wgetProgress: Rule = {
  meta: hadolintMeta({
    id: 'wget-progress',
    code: 'DL3047',
    severity: 'info',
    title: { en: 'wget without a quiet progress option', ko: '진행 표시 옵션 없는 wget' },
    why: {
      en: "In a build there is no terminal, so wget's progress bar turns into thousands of log lines that bury the useful output. Use `--progress=dot:giga`, `-q` or `-nv`.",
      ko: '빌드에는 터미널이 없어 wget의 진행 막대가 수천 줄의 로그가 되어 중요한 출력을 묻어 버립니다. `--progress=dot:giga`, `-q`, `-nv` 중 하나를 쓰세요.',
    },
    bad: 'FROM debian:12\nRUN wget https://example.com/tool.tar.gz',
    good: 'FROM debian:12\nRUN wget --progress=dot:giga https://example.com/tool.tar.gz',
  }),
  check(ctx, report) {
    for (const { script: { run }, command: c } of commandsNamed(ctx, 'wget')) {
      if (hasFlag(c, 'progress')) continue;
      if (hasAnyFlag(c, ['q', 'quiet', 'o', 'output-file', 'a', 'append-output', 'no-verbose']) || c.args.some((a) => a.value === '-nv')) continue;
      report({
        range: commandRange(run, c),
        message: {
          en: "Give wget --progress=dot:giga (or -q / -nv): its progress bar floods the build log with thousands of lines.",
          ko: 'wget에 --progress=dot:giga(또는 -q / -nv)를 주세요. 진행 막대가 빌드 로그를 수천 줄로 채웁니다.',
        },
      });
    }
  },
};

export const wgetOrCurl: Rule = {
  meta: hadolintMeta({
    id: 'wget-or-curl',
    code: 'DL4001',
    severity: 'warning',
    title: { en: 'Use either wget or curl, not both', ko: 'wget과 curl 중 하나만 사용' },
    why: {
      en: 'wget and curl do the same job. Installing and using both adds size and makes the Dockerfile harder to follow; pick one per stage.',
      ko: 'wget과 curl은 같은 일을 합니다. 둘 다 설치해 쓰면 이미지가 커지고 Dockerfile을 읽기 어려워지니, 스테이지마다 하나만 고르세요.',
    },
    bad: 'FROM debian:12\nRUN curl -fsSLO https://example.com/a.tgz\nRUN wget -q https://example.com/b.tgz',
    good: 'FROM debian:12\nRUN curl -fsSLO https://example.com/a.tgz\nRUN curl -fsSLO https://example.com/b.tgz',
  }),
  check(ctx, report) {
    let seen = new Set<string>();
    for (const ins of ctx.df.instructions) {
      if (ins.name === 'FROM') {
        seen = new Set();
        continue;
      }
      const run = runPart(ins);
      if (!run || !ctx.isPosixShell(ins)) continue;
      const used = commandsOf(ctx, run).filter((c) => c.name === 'curl' || c.name === 'wget');
      for (const c of used) seen.add(c.name);
      if (used.length && seen.size >= 2) {
        report({
          range: wordRange(run, used[0].nameWord),
          message: {
            en: 'This stage uses both wget and curl: pick one, so only one download tool needs to be in the image.',
            ko: '이 스테이지는 wget과 curl을 모두 씁니다. 하나만 골라 이미지에 다운로드 도구가 하나만 있게 하세요.',
          },
        });
      }
    }
  },
};

export const useShellNotLnSh: Rule = {
  meta: hadolintMeta({
    id: 'use-shell-not-ln-sh',
    code: 'DL4005',
    severity: 'warning',
    title: { en: 'Change the shell with SHELL, not by relinking /bin/sh', ko: '셸은 /bin/sh 링크가 아니라 SHELL로 변경' },
    why: {
      en: 'Replacing /bin/sh with a link changes the shell for every program in the image, not just for your RUN lines, and can break scripts that expect a POSIX sh. The SHELL instruction changes only what RUN uses.',
      ko: '/bin/sh를 링크로 바꾸면 RUN뿐 아니라 이미지 안의 모든 프로그램이 쓰는 셸이 바뀌어, POSIX sh를 기대하는 스크립트가 깨질 수 있습니다. SHELL 명령은 RUN이 쓰는 셸만 바꿉니다.',
    },
    bad: 'FROM debian:12\nRUN ln -sf /bin/bash /bin/sh',
    good: 'FROM debian:12\nSHELL ["/bin/bash", "-c"]',
  }),
  check(ctx, report) {
    for (const { script: { run }, command: c } of commandsNamed(ctx, 'ln')) {
      if (!cmdHasArgs(c, 'ln', ['/bin/sh'])) continue;
      report({
        range: commandRange(run, c),
        message: {
          en: 'Use the SHELL instruction instead of relinking /bin/sh: the link changes the shell for every program in the image.',
          ko: '/bin/sh 링크를 바꾸지 말고 SHELL 명령을 쓰세요. 링크는 이미지 안 모든 프로그램의 셸을 바꿉니다.',
        },
      });
    }
  },
};
