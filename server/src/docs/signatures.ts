// Syntax forms of every instruction for signature help. Flags are not listed here: each form that
// takes flags gets `[--flag]` parameters from syntax.ts, documented by docs/flags.ts, so a new
// flag shows up without touching this file.
import type { Text } from './types';

export interface PositionalParam {
  /** As shown in the signature: `<src>...`, `AS`, `<name>`. */
  label: string;
  doc: Text;
  /** Repeats: every extra argument maps here (except what later params take from the end). */
  rest?: boolean;
}

export interface SignatureForm {
  /** Takes the instruction's flags (from syntax.ts) before the positional parameters. */
  flags: boolean;
  /** Exec (JSON array) form: chosen when the arguments start with `[`. */
  exec?: boolean;
  /** A literal first argument that selects this form (`NONE` for HEALTHCHECK). */
  keyword?: string;
  params: PositionalParam[];
  doc: Text;
}

const command: PositionalParam = { label: '<command>', rest: true, doc: { en: 'A shell command line, run with `/bin/sh -c` (or the SHELL).', ko: '`/bin/sh -c`(또는 SHELL로 정한 셸)로 실행되는 셸 명령줄입니다.' } };
const execArray: PositionalParam = { label: '["executable", "param", ...]', rest: true, doc: { en: 'A JSON array with double quotes: the program and its arguments, run directly without a shell.', ko: '큰따옴표를 쓴 JSON 배열입니다. 프로그램과 인자를 셸 없이 바로 실행합니다.' } };
const src: PositionalParam = { label: '<src>...', rest: true, doc: { en: 'One or more sources, relative to the build context (or to the `--from` stage root).', ko: '하나 이상의 원본 경로입니다. 빌드 컨텍스트(또는 `--from` 스테이지의 루트) 기준입니다.' } };
const dest: PositionalParam = { label: '<dest>', doc: { en: 'Destination in the image; relative paths start at WORKDIR. End it with `/` for a directory.', ko: '이미지 안의 대상 경로입니다. 상대 경로는 WORKDIR 기준이며, 디렉터리면 `/`로 끝내세요.' } };
const keyValues = (what: Text): PositionalParam => ({ label: '<key>=<value>...', rest: true, doc: what });

const shellForm: Text = { en: 'Shell form: runs through `/bin/sh -c`, so `&&`, pipes and `$VAR` work.', ko: '셸 형식: `/bin/sh -c`로 실행되어 `&&`, 파이프, `$VAR`를 쓸 수 있습니다.' };
const execForm: Text = { en: 'Exec form (preferred): the program runs directly as PID 1 and receives signals; no variable expansion.', ko: 'exec 형식(권장): 프로그램이 PID 1로 바로 실행되어 시그널을 받습니다. 변수 치환은 없습니다.' };

export const SIGNATURES: Record<string, SignatureForm[]> = {
  FROM: [
    {
      flags: true,
      params: [
        { label: '<image>[:<tag>|@<digest>]', doc: { en: 'Base image, best with a pinned tag (`node:20-alpine`), or an earlier stage name.', ko: '베이스 이미지입니다. 태그를 고정하는 것이 좋습니다(`node:20-alpine`). 앞선 스테이지 이름도 됩니다.' } },
        { label: 'AS', doc: { en: 'Keyword before the stage name.', ko: '스테이지 이름 앞에 쓰는 키워드입니다.' } },
        { label: '<name>', doc: { en: 'Stage name, used by `COPY --from=<name>`, later `FROM <name>` and `docker build --target`.', ko: '스테이지 이름입니다. `COPY --from=<이름>`, 뒤쪽의 `FROM <이름>`, `docker build --target`에서 씁니다.' } },
      ],
      doc: { en: 'Start a build stage from a base image.', ko: '베이스 이미지에서 빌드 스테이지를 시작합니다.' },
    },
  ],
  RUN: [
    { flags: true, params: [command], doc: shellForm },
    { flags: true, exec: true, params: [execArray], doc: execForm },
  ],
  CMD: [
    { flags: false, exec: true, params: [execArray], doc: execForm },
    { flags: false, params: [command], doc: shellForm },
  ],
  ENTRYPOINT: [
    { flags: false, exec: true, params: [execArray], doc: { en: 'Exec form (preferred): CMD and `docker run` arguments are appended.', ko: 'exec 형식(권장): CMD와 `docker run` 인자가 뒤에 붙습니다.' } },
    { flags: false, params: [command], doc: { en: 'Shell form: ignores CMD and `docker run` arguments; `/bin/sh` is PID 1.', ko: '셸 형식: CMD와 `docker run` 인자를 무시하며 `/bin/sh`가 PID 1이 됩니다.' } },
  ],
  LABEL: [{ flags: false, params: [keyValues({ en: 'Metadata pairs; quote values with spaces, no spaces around `=`.', ko: '메타데이터 쌍입니다. 공백이 있는 값은 따옴표로 감싸고 `=` 앞뒤에 공백을 두지 마세요.' })], doc: { en: 'Add metadata to the image.', ko: '이미지에 메타데이터를 추가합니다.' } }],
  MAINTAINER: [{ flags: false, params: [{ label: '<name>', rest: true, doc: { en: 'Author; deprecated, use `LABEL org.opencontainers.image.authors=…`.', ko: '작성자입니다. 더 이상 쓰지 않으니 `LABEL org.opencontainers.image.authors=…`를 쓰세요.' } }], doc: { en: 'Deprecated author field.', ko: '더 이상 쓰지 않는 작성자 필드입니다.' } }],
  EXPOSE: [{ flags: false, params: [{ label: '<port>[/<protocol>]...', rest: true, doc: { en: 'Container port(s) the app listens on, `tcp` (default) or `udp`. Publish with `docker run -p`.', ko: '앱이 듣는 컨테이너 포트입니다. `tcp`(기본) 또는 `udp`. 실제로 열려면 `docker run -p`를 쓰세요.' } }], doc: { en: 'Document listening ports (does not publish them).', ko: '듣는 포트를 문서로 남깁니다(포트를 열지는 않습니다).' } }],
  ENV: [{ flags: false, params: [keyValues({ en: 'Variables for later instructions and for the running container.', ko: '이후 명령어와 실행 중인 컨테이너에서 쓸 변수입니다.' })], doc: { en: 'Set environment variables (kept in the image).', ko: '환경 변수를 설정합니다(이미지에 남습니다).' } }],
  ADD: [
    { flags: true, params: [src, dest], doc: { en: 'Add local files, URLs or Git repositories; local tar archives are extracted.', ko: '로컬 파일, URL, Git 저장소를 추가합니다. 로컬 tar 압축 파일은 풀립니다.' } },
    { flags: true, exec: true, params: [{ label: '["<src>", ..., "<dest>"]', rest: true, doc: { en: 'JSON form, for paths that contain spaces.', ko: '공백이 들어간 경로를 위한 JSON 형식입니다.' } }], doc: { en: 'JSON form of ADD.', ko: 'ADD의 JSON 형식입니다.' } },
  ],
  COPY: [
    { flags: true, params: [src, dest], doc: { en: 'Copy files from the build context, a stage or an image.', ko: '빌드 컨텍스트, 스테이지, 이미지에서 파일을 복사합니다.' } },
    { flags: true, exec: true, params: [{ label: '["<src>", ..., "<dest>"]', rest: true, doc: { en: 'JSON form, for paths that contain spaces.', ko: '공백이 들어간 경로를 위한 JSON 형식입니다.' } }], doc: { en: 'JSON form of COPY.', ko: 'COPY의 JSON 형식입니다.' } },
  ],
  VOLUME: [
    { flags: false, params: [{ label: '<path>...', rest: true, doc: { en: 'Directories in the container that hold data.', ko: '데이터를 담을 컨테이너 안의 디렉터리입니다.' } }], doc: { en: 'Declare volume mount points.', ko: '볼륨 마운트 지점을 선언합니다.' } },
    { flags: false, exec: true, params: [{ label: '["<path>", ...]', rest: true, doc: { en: 'JSON array of directories (double quotes).', ko: '디렉터리의 JSON 배열입니다(큰따옴표).' } }], doc: { en: 'JSON form of VOLUME.', ko: 'VOLUME의 JSON 형식입니다.' } },
  ],
  USER: [{ flags: false, params: [{ label: '<user>[:<group>]', doc: { en: 'User name or UID (optionally group); the user must exist in the image unless numeric.', ko: '사용자 이름이나 UID(선택적으로 그룹)입니다. 숫자가 아니면 이미지에 그 사용자가 있어야 합니다.' } }], doc: { en: 'Run the next steps and the container as this user.', ko: '이후 단계와 컨테이너를 이 사용자로 실행합니다.' } }],
  WORKDIR: [{ flags: false, params: [{ label: '<path>', doc: { en: 'Working directory, created if missing; prefer an absolute path.', ko: '작업 디렉터리입니다. 없으면 만들어지며, 절대 경로를 권장합니다.' } }], doc: { en: 'Set the working directory.', ko: '작업 디렉터리를 정합니다.' } }],
  ARG: [{ flags: false, params: [{ label: '<name>[=<default>]...', rest: true, doc: { en: 'Build argument, set with `--build-arg`; visible in `docker history`, so never a secret.', ko: '`--build-arg`로 넘기는 빌드 인자입니다. `docker history`에 보이므로 비밀 정보는 안 됩니다.' } }], doc: { en: 'Declare a build-time variable.', ko: '빌드 시점 변수를 선언합니다.' } }],
  ONBUILD: [{ flags: false, params: [{ label: '<INSTRUCTION>', doc: { en: 'The instruction to run later, in builds that use this image as their base.', ko: '이 이미지를 베이스로 쓰는 빌드에서 나중에 실행할 명령어입니다.' } }, { label: '<arguments>', rest: true, doc: { en: 'Arguments of that instruction.', ko: '그 명령어의 인자입니다.' } }], doc: { en: 'Register a trigger for child builds.', ko: '자식 빌드를 위한 트리거를 등록합니다.' } }],
  STOPSIGNAL: [{ flags: false, params: [{ label: '<signal>', doc: { en: 'Signal name (`SIGTERM`, `SIGQUIT`, `SIGINT`) or number.', ko: '시그널 이름(`SIGTERM`, `SIGQUIT`, `SIGINT`)이나 번호입니다.' } }], doc: { en: 'Signal sent by `docker stop`.', ko: '`docker stop`이 보낼 시그널입니다.' } }],
  HEALTHCHECK: [
    {
      flags: true,
      params: [
        { label: 'CMD', doc: { en: 'Keyword before the check command.', ko: '검사 명령 앞에 쓰는 키워드입니다.' } },
        { label: '<command>', rest: true, doc: { en: 'Check run inside the container: exit 0 = healthy, 1 = unhealthy.', ko: '컨테이너 안에서 실행할 검사입니다. 종료 코드 0이면 healthy, 1이면 unhealthy.' } },
      ],
      doc: { en: 'Check the container periodically.', ko: '컨테이너를 주기적으로 검사합니다.' },
    },
    { flags: false, keyword: 'NONE', params: [{ label: 'NONE', doc: { en: 'Disable any health check inherited from the base image.', ko: '베이스 이미지에서 물려받은 헬스 체크를 끕니다.' } }], doc: { en: 'Turn health checks off.', ko: '헬스 체크를 끕니다.' } },
  ],
  SHELL: [{ flags: false, exec: true, params: [{ label: '["executable", "parameters"]', rest: true, doc: { en: 'The shell and the flag that makes it run a command string (`-c`, `-Command`).', ko: '셸과, 명령 문자열을 실행하게 하는 옵션(`-c`, `-Command`)입니다.' } }], doc: { en: 'Change the shell of shell-form instructions.', ko: '셸 형식 명령어가 쓸 셸을 바꿉니다.' } }],
};
