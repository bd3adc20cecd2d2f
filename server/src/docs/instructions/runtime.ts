// Instructions that describe how containers run: CMD, ENTRYPOINT, EXPOSE, VOLUME, STOPSIGNAL,
// HEALTHCHECK, and ONBUILD (which runs in someone else's build).
import type { InstructionDoc, Text } from '../types';

/** How CMD and ENTRYPOINT combine (facts from Docker's reference, laid out for learners). */
const COMBINATIONS: Text = {
  en: [
    '**What the container runs**, depending on how CMD and ENTRYPOINT are written:',
    '',
    '| | no ENTRYPOINT | `ENTRYPOINT e1 p1` (shell) | `ENTRYPOINT ["e1", "p1"]` (exec) |',
    '|---|---|---|---|',
    '| no CMD | the base image\'s command | `/bin/sh -c e1 p1` | `e1 p1` |',
    '| `CMD ["c1", "p2"]` (exec) | `c1 p2` | `/bin/sh -c e1 p1` (CMD ignored) | `e1 p1 c1 p2` |',
    '| `CMD c1 p2` (shell) | `/bin/sh -c c1 p2` | `/bin/sh -c e1 p1` (CMD ignored) | `e1 p1 /bin/sh -c c1 p2` |',
    '',
    'Arguments after the image name in `docker run IMAGE args` replace CMD; `--entrypoint` replaces ENTRYPOINT.',
  ].join('\n'),
  ko: [
    'CMD와 ENTRYPOINT를 어떤 형식으로 썼는지에 따라 **컨테이너가 실행하는 명령**:',
    '',
    '| | ENTRYPOINT 없음 | `ENTRYPOINT e1 p1` (셸 형식) | `ENTRYPOINT ["e1", "p1"]` (exec 형식) |',
    '|---|---|---|---|',
    '| CMD 없음 | 베이스 이미지의 명령 | `/bin/sh -c e1 p1` | `e1 p1` |',
    '| `CMD ["c1", "p2"]` (exec) | `c1 p2` | `/bin/sh -c e1 p1` (CMD 무시) | `e1 p1 c1 p2` |',
    '| `CMD c1 p2` (셸) | `/bin/sh -c c1 p2` | `/bin/sh -c e1 p1` (CMD 무시) | `e1 p1 /bin/sh -c c1 p2` |',
    '',
    '`docker run 이미지 인자…`처럼 이미지 이름 뒤에 준 인자는 CMD를 대체하고, `--entrypoint`는 ENTRYPOINT를 대체합니다.',
  ].join('\n'),
};

const ONLY_LAST = (name: string): Text => ({
  en: `Only the **last** ${name} in the final stage counts: earlier ones are silently replaced, and one in the base image is replaced by yours.`,
  ko: `최종 스테이지의 **마지막** ${name}만 적용됩니다. 앞에 쓴 것은 아무 경고 없이 덮어써지고, 베이스 이미지에 있던 것도 여러분의 것으로 바뀝니다.`,
});

export const RUNTIME_DOCS: Record<string, InstructionDoc> = {
  CMD: {
    summary: {
      en: "Sets the **default command** a container runs **when it starts** (or, with ENTRYPOINT, the default arguments passed to it). Nothing runs at build time. `docker run IMAGE other command` replaces it.",
      ko: "**컨테이너가 시작될 때** 실행할 **기본 명령**을 정합니다(ENTRYPOINT가 있으면 거기에 넘길 기본 인자가 됩니다). 빌드할 때는 아무것도 실행되지 않으며, `docker run 이미지 다른명령`으로 바꿀 수 있습니다.",
    },
    syntax: ['CMD ["executable", "param1", "param2"]   (exec form, preferred)', 'CMD ["param1", "param2"]                 (default arguments for ENTRYPOINT)', 'CMD command param1 param2                 (shell form)'],
    example: 'CMD ["nginx", "-g", "daemon off;"]',
    pitfalls: [
      {
        en: "**RUN vs CMD**: RUN executes while building and stores the result; CMD only records what to run at container start.",
        ko: "**RUN과 CMD**: RUN은 빌드하는 동안 실행되어 결과가 저장되고, CMD는 컨테이너 시작 시 실행할 명령을 기록만 합니다.",
      },
      ONLY_LAST('CMD'),
      {
        en: "Prefer the exec form. The shell form runs `/bin/sh -c …`, so the shell is PID 1 and does not pass on `docker stop`'s SIGTERM: the app gets killed after the timeout instead of shutting down cleanly.",
        ko: "exec 형식을 쓰세요. 셸 형식은 `/bin/sh -c …`로 실행되어 셸이 PID 1이 되고, `docker stop`의 SIGTERM을 앱에 전달하지 않습니다. 그래서 앱이 깔끔하게 종료되지 못하고 제한 시간 뒤 강제 종료됩니다.",
      },
      {
        en: "The exec form has no shell: `$HOME` is not expanded. Use `[\"sh\", \"-c\", \"echo $HOME\"]` if you need it. JSON needs straight double quotes: `'…'` or curly quotes `“…”` silently turn it into the shell form.",
        ko: "exec 형식에는 셸이 없어서 `$HOME` 같은 변수가 치환되지 않습니다. 필요하면 `[\"sh\", \"-c\", \"echo $HOME\"]`처럼 쓰세요. JSON은 곧은 큰따옴표만 인정합니다. `'…'`나 둥근 따옴표 `“…”`를 쓰면 조용히 셸 형식으로 바뀝니다.",
      },
      {
        en: "The container lives as long as this process: run servers in the **foreground** (`apachectl -D FOREGROUND`, `nginx -g 'daemon off;'`). A command that starts a daemon and returns makes the container exit at once.",
        ko: "컨테이너는 이 프로세스가 살아 있는 동안만 실행됩니다. 서버는 **포그라운드**로 실행하세요(`apachectl -D FOREGROUND`, `nginx -g 'daemon off;'`). 데몬을 띄우고 바로 끝나는 명령을 쓰면 컨테이너도 곧바로 종료됩니다.",
      },
    ],
    details: COMBINATIONS,
  },
  ENTRYPOINT: {
    summary: {
      en: "Sets the **executable** a container always runs, making the image behave like a command. CMD (or the arguments of `docker run IMAGE args`) is appended to it as arguments.",
      ko: "컨테이너가 항상 실행할 **실행 파일**을 정해서 이미지를 하나의 명령처럼 쓰게 합니다. CMD(또는 `docker run 이미지 인자`의 인자)가 그 뒤에 인자로 붙습니다.",
    },
    syntax: ['ENTRYPOINT ["executable", "param1", "param2"]   (exec form, preferred)', 'ENTRYPOINT command param1 param2                 (shell form)'],
    example: 'ENTRYPOINT ["python", "app.py"]\nCMD ["--port", "9000"]',
    pitfalls: [
      {
        en: "**CMD vs ENTRYPOINT**: ENTRYPOINT is what always runs; CMD is the default, easily replaced part. `ENTRYPOINT [\"python\"]` + `CMD [\"app.py\"]` runs `python app.py`, and `docker run IMAGE other.py` runs `python other.py`.",
        ko: "**CMD와 ENTRYPOINT**: ENTRYPOINT는 항상 실행되는 부분이고, CMD는 쉽게 바꿀 수 있는 기본값입니다. `ENTRYPOINT [\"python\"]`과 `CMD [\"app.py\"]`는 `python app.py`를 실행하고, `docker run 이미지 other.py`는 `python other.py`를 실행합니다.",
      },
      {
        en: "The shell form ignores CMD and the `docker run` arguments entirely, and puts `/bin/sh` at PID 1 (no signals for your app). Use the exec form.",
        ko: "셸 형식은 CMD와 `docker run` 인자를 완전히 무시하고, `/bin/sh`가 PID 1이 되어 앱이 시그널을 받지 못합니다. exec 형식을 쓰세요.",
      },
      ONLY_LAST('ENTRYPOINT'),
      {
        en: "An entrypoint script must be executable (`COPY --chmod=755` or `RUN chmod +x`), use Unix line endings (CRLF gives \"no such file or directory\"), and end with `exec \"$@\"` so CMD runs as PID 1.",
        ko: "엔트리포인트 스크립트는 실행 권한이 있어야 하고(`COPY --chmod=755` 또는 `RUN chmod +x`), 유닉스 줄바꿈을 써야 하며(CRLF면 \"no such file or directory\" 오류), CMD가 PID 1로 실행되도록 `exec \"$@\"`로 끝나야 합니다.",
      },
      {
        en: "Setting ENTRYPOINT resets the CMD inherited from the base image: set CMD again if you need default arguments.",
        ko: "ENTRYPOINT를 지정하면 베이스 이미지에서 물려받은 CMD가 초기화됩니다. 기본 인자가 필요하면 CMD를 다시 지정하세요.",
      },
    ],
    details: COMBINATIONS,
  },
  EXPOSE: {
    summary: {
      en: "**Documents** the ports the application listens on inside the container (TCP by default). It does **not** publish anything: the port becomes reachable from the host only with `docker run -p host:container` (or `-P`, which maps every exposed port to a random host port).",
      ko: "컨테이너 안에서 앱이 듣는 포트를 **문서로 남깁니다**(기본은 TCP). 포트를 실제로 열어 주지는 **않습니다**. 호스트에서 접속하려면 `docker run -p 호스트포트:컨테이너포트`(또는 노출된 모든 포트를 임의의 호스트 포트에 연결하는 `-P`)를 써야 합니다.",
    },
    syntax: ['EXPOSE <port>[/<protocol>] [<port>[/<protocol>]...]'],
    example: 'EXPOSE 80\nEXPOSE 8080/tcp 53/udp',
    pitfalls: [
      {
        en: "Writing EXPOSE is not enough to open the port: publish it with `-p` at `docker run`.",
        ko: "EXPOSE만 써서는 포트가 열리지 않습니다. `docker run`에서 `-p`로 게시하세요.",
      },
      {
        en: "It is the port **inside** the container, not on the host. And the app must listen on `0.0.0.0`: a server bound to `127.0.0.1` cannot be reached from outside the container even with `-p`.",
        ko: "컨테이너 **안쪽** 포트이지 호스트 포트가 아닙니다. 또 앱은 `0.0.0.0`에서 들어야 합니다. `127.0.0.1`에 묶인 서버는 `-p`를 써도 컨테이너 밖에서 접속할 수 없습니다.",
      },
      {
        en: "Valid ports are 0–65535, optionally followed by `/tcp` or `/udp`; a range like `8000-8010` is allowed.",
        ko: "포트는 0–65535 범위이고 뒤에 `/tcp`나 `/udp`를 붙일 수 있습니다. `8000-8010` 같은 범위도 됩니다.",
      },
    ],
  },
  VOLUME: {
    summary: {
      en: "Marks a directory as a **mount point for data** that should live outside the container's writable layer. When a container starts without a volume for it, Docker creates an anonymous volume there.",
      ko: "컨테이너의 쓰기 레이어 밖에 보관할 **데이터용 마운트 지점**으로 디렉터리를 지정합니다. 컨테이너를 실행할 때 그 경로에 볼륨을 연결하지 않으면 Docker가 이름 없는 볼륨을 만들어 붙입니다.",
    },
    syntax: ['VOLUME ["/data"]', 'VOLUME /var/log /var/db'],
    example: 'RUN mkdir -p /var/lib/app && chown app /var/lib/app\nVOLUME /var/lib/app',
    pitfalls: [
      {
        en: "You cannot choose the host folder in a Dockerfile: that happens at run time (`docker run -v name:/data` or `-v /host/path:/data`).",
        ko: "Dockerfile에서는 호스트 쪽 폴더를 정할 수 없습니다. 그건 실행할 때(`docker run -v 이름:/data` 또는 `-v /호스트/경로:/data`) 정합니다.",
      },
      {
        en: "Prepare the directory (files, ownership) **before** VOLUME: with the classic builder, changes a later step makes inside the volume path are thrown away.",
        ko: "디렉터리 준비(파일, 소유권)는 VOLUME **앞에서** 하세요. 클래식 빌더에서는 VOLUME 다음 단계에서 그 경로 안을 바꾸면 바뀐 내용이 버려집니다.",
      },
      {
        en: "Anonymous volumes pile up (`docker volume ls`): remove them with `docker run --rm` or `docker volume prune`.",
        ko: "이름 없는 볼륨이 계속 쌓입니다(`docker volume ls`). `docker run --rm`을 쓰거나 `docker volume prune`으로 정리하세요.",
      },
      {
        en: "In the JSON form use double quotes: `VOLUME ['/data']` is not JSON.",
        ko: "JSON 형식에서는 큰따옴표를 쓰세요. `VOLUME ['/data']`는 JSON이 아닙니다.",
      },
    ],
  },
  STOPSIGNAL: {
    summary: {
      en: "Sets the **signal** `docker stop` sends to the container's main process (default `SIGTERM`). If the process is still running after the grace period (10 s by default), Docker sends `SIGKILL`.",
      ko: "`docker stop`이 컨테이너의 주 프로세스에 보낼 **시그널**을 정합니다(기본값 `SIGTERM`). 유예 시간(기본 10초)이 지나도 프로세스가 살아 있으면 Docker가 `SIGKILL`을 보냅니다.",
    },
    syntax: ['STOPSIGNAL <signal>   (name like SIGQUIT, or number like 9)'],
    example: 'STOPSIGNAL SIGQUIT',
    pitfalls: [
      {
        en: "Use it when the app shuts down gracefully on another signal (nginx: `SIGQUIT`). `STOPSIGNAL SIGKILL` cannot be caught, so the app never gets a chance to clean up.",
        ko: "앱이 다른 시그널로 정상 종료하는 경우에 쓰세요(nginx는 `SIGQUIT`). `STOPSIGNAL SIGKILL`은 가로챌 수 없어서 앱이 정리할 기회를 얻지 못합니다.",
      },
      {
        en: "The signal goes to PID 1 only. With a shell-form CMD/ENTRYPOINT that is `/bin/sh`, which does not forward it to your app.",
        ko: "시그널은 PID 1에게만 갑니다. CMD/ENTRYPOINT가 셸 형식이면 PID 1은 `/bin/sh`이고, 셸은 시그널을 앱에 전달하지 않습니다.",
      },
    ],
  },
  HEALTHCHECK: {
    summary: {
      en: "Tells Docker how to test that the container **still works**: the command runs inside the container periodically. Exit code `0` = healthy, `1` = unhealthy. The state (`starting`, `healthy`, `unhealthy`) shows in `docker ps`; the last results are in `docker inspect` (State.Health.Log). `HEALTHCHECK NONE` disables a check inherited from the base image.",
      ko: "컨테이너가 **제대로 동작하는지** 검사하는 방법을 알려 줍니다. 명령이 컨테이너 안에서 주기적으로 실행되며, 종료 코드 `0`이면 정상(healthy), `1`이면 비정상(unhealthy)입니다. 상태(`starting`, `healthy`, `unhealthy`)는 `docker ps`에 보이고, 최근 결과는 `docker inspect`(State.Health.Log)에서 볼 수 있습니다. `HEALTHCHECK NONE`은 베이스 이미지에서 물려받은 검사를 끕니다.",
    },
    syntax: ['HEALTHCHECK [--interval=30s] [--timeout=30s] [--start-period=0s] [--start-interval=5s] [--retries=3] CMD <command>', 'HEALTHCHECK NONE'],
    example: 'HEALTHCHECK --interval=1m --timeout=3s --retries=3 \\\n  CMD curl -f http://localhost/ || exit 1',
    pitfalls: [
      ONLY_LAST('HEALTHCHECK'),
      {
        en: "Exit code `2` is reserved: end with `|| exit 1` so any failure reports as unhealthy.",
        ko: "종료 코드 `2`는 예약되어 있습니다. 어떤 실패든 unhealthy로 보고되도록 `|| exit 1`로 끝내세요.",
      },
      {
        en: "The check runs **inside** the container, so its tool must be in the image: slim images often have no `curl` (install it, or use `wget -q --spider` on busybox/alpine).",
        ko: "검사는 컨테이너 **안에서** 실행되므로 그 도구가 이미지에 있어야 합니다. slim 이미지에는 `curl`이 없는 경우가 많으니 설치하거나, busybox/alpine에서는 `wget -q --spider`를 쓰세요.",
      },
      {
        en: "Docker only reports `unhealthy`; it does not restart the container by itself. Orchestrators (Swarm, Compose `depends_on: condition: service_healthy`) act on it.",
        ko: "Docker는 `unhealthy`라고 표시만 할 뿐 컨테이너를 스스로 재시작하지는 않습니다. Swarm이나 Compose(`depends_on: condition: service_healthy`) 같은 오케스트레이터가 이 상태를 보고 동작합니다.",
      },
      {
        en: "Durations need a unit (`30s`, `1m`); flags are spelled exactly (`--timeout`, not `--timout`).",
        ko: "시간 값에는 단위가 필요합니다(`30s`, `1m`). 옵션 이름도 정확히 써야 합니다(`--timout`이 아니라 `--timeout`).",
      },
    ],
  },
  ONBUILD: {
    summary: {
      en: "Stores a **trigger** instruction in the image that runs later, in *another* build: right after a Dockerfile says `FROM <this image>`. It does nothing in the build that contains it.",
      ko: "나중에 *다른* 빌드에서 실행될 **트리거** 명령을 이미지에 저장합니다. 어떤 Dockerfile이 `FROM <이 이미지>`를 쓰면 그 FROM 바로 다음에 실행됩니다. ONBUILD가 적힌 빌드에서는 아무 일도 하지 않습니다.",
    },
    syntax: ['ONBUILD <INSTRUCTION>'],
    example: '# in the base image\nONBUILD COPY package.json /app/\nONBUILD RUN npm install',
    pitfalls: [
      {
        en: "Triggers run only in direct children: a grandchild image does not run them again.",
        ko: "트리거는 바로 아래 자식 이미지에서만 실행됩니다. 손자 이미지에서는 다시 실행되지 않습니다.",
      },
      {
        en: "`ONBUILD ONBUILD`, `ONBUILD FROM` and `ONBUILD MAINTAINER` are not allowed.",
        ko: "`ONBUILD ONBUILD`, `ONBUILD FROM`, `ONBUILD MAINTAINER`는 쓸 수 없습니다.",
      },
      {
        en: "Hidden steps surprise the people who build on your image (a COPY trigger needs files in *their* build context): document them.",
        ko: "숨은 단계는 여러분의 이미지를 베이스로 쓰는 사람을 놀라게 합니다(COPY 트리거는 *그 사람의* 빌드 컨텍스트에 파일이 있어야 합니다). 반드시 문서로 알려 주세요.",
      },
    ],
  },
};

/** The words after HEALTHCHECK's options, which learners confuse with the CMD instruction. */
export const HEALTHCHECK_KEYWORDS: Record<string, Text> = {
  CMD: {
    en: "Here `CMD` belongs to HEALTHCHECK: what follows is the **check command**, run inside the container at every interval. It does not change the image's CMD.",
    ko: "여기의 `CMD`는 HEALTHCHECK의 일부입니다. 뒤에 오는 것은 매 간격마다 컨테이너 안에서 실행되는 **검사 명령**이며, 이미지의 CMD를 바꾸지 않습니다.",
  },
  NONE: {
    en: "`HEALTHCHECK NONE` turns off any health check inherited from the base image.",
    ko: "`HEALTHCHECK NONE`은 베이스 이미지에서 물려받은 헬스 체크를 끕니다.",
  },
};
