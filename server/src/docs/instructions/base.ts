// Instructions that choose the base and describe the image: FROM, ARG, ENV, LABEL, MAINTAINER.
import type { InstructionDoc } from '../types';

export const BASE_DOCS: Record<string, InstructionDoc> = {
  FROM: {
    summary: {
      en: "Starts a new build stage on top of a **base image**: every instruction after it adds to that image. A Dockerfile needs at least one FROM; each further FROM starts another stage (a *multi-stage build*), and only the last stage ends up in the image you tag.",
      ko: "**베이스 이미지**를 지정하고 새 빌드 스테이지를 시작합니다. 이후의 모든 명령어는 이 이미지 위에 쌓입니다. Dockerfile에는 FROM이 최소 한 번 있어야 하고, FROM을 또 쓰면 새 스테이지가 시작되며(*다단계 빌드*), 태그가 붙는 최종 이미지는 마지막 스테이지입니다.",
    },
    syntax: ['FROM [--platform=<platform>] <image>[:<tag>|@<digest>] [AS <name>]'],
    example: 'FROM node:20-alpine AS build\nWORKDIR /app\nRUN npm ci && npm run build\n\nFROM nginx:1.27-alpine\nCOPY --from=build /app/dist /usr/share/nginx/html',
    pitfalls: [
      {
        en: "Without a tag Docker uses `latest`, which moves: the same Dockerfile builds something different next month. Pin a version (`python:3.12-slim`).",
        ko: "태그를 생략하면 `latest`가 쓰이는데, 이 태그는 계속 바뀝니다. 같은 Dockerfile이 다음 달에는 다른 이미지를 만들 수 있으니 `python:3.12-slim`처럼 버전을 고정하세요.",
      },
      {
        en: "Prefer small bases (`-slim`, `-alpine`, `distroless`, `scratch`): a full `ubuntu` brings many packages you never use, making builds slower and images bigger.",
        ko: "가능하면 `-slim`, `-alpine`, `distroless`, `scratch` 같은 가벼운 베이스를 고르세요. `ubuntu` 전체 이미지는 쓰지도 않는 패키지가 많아 빌드가 느려지고 이미지가 커집니다.",
      },
      {
        en: "Alpine images use `apk`, not `apt-get`: switching the base to `*-alpine` means rewriting the install commands too.",
        ko: "Alpine 기반 이미지에는 `apt-get`이 없고 `apk`를 씁니다. 베이스를 `*-alpine`으로 바꾸면 패키지 설치 명령도 함께 바꿔야 합니다.",
      },
      {
        en: "Use a second stage so compilers and build tools stay out of the final image: build in `FROM … AS build`, then `COPY --from=build` only the result.",
        ko: "컴파일러나 빌드 도구가 최종 이미지에 남지 않도록 스테이지를 나누세요. `FROM … AS build`에서 빌드하고, 다음 스테이지에서 결과물만 `COPY --from=build`로 가져옵니다.",
      },
      {
        en: "`FROM scratch` starts from an empty filesystem: no shell and no C library. Only static binaries run there (Go: build with `CGO_ENABLED=0`), and a shell-form CMD cannot work.",
        ko: "`FROM scratch`는 완전히 빈 파일 시스템에서 시작합니다. 셸도 C 라이브러리도 없으므로 정적 바이너리만 실행되고(Go라면 `CGO_ENABLED=0`으로 빌드), 셸 형식 CMD는 동작하지 않습니다.",
      },
      {
        en: "Only ARG (and parser directives and comments) may come before the first FROM. An ARG declared there can be used in FROM lines, but not inside a stage unless you write `ARG NAME` again after the FROM.",
        ko: "첫 FROM 앞에는 ARG(그리고 파서 지시어와 주석)만 올 수 있습니다. 여기서 선언한 ARG는 FROM 줄에서는 쓸 수 있지만, 스테이지 안에서 쓰려면 FROM 다음에 `ARG 이름`으로 다시 선언해야 합니다.",
      },
      {
        en: "A typo in the image or tag (`python:3.9-slime-buster`) only shows up when the build tries to pull it: check the tag on the registry.",
        ko: "이미지 이름이나 태그의 오타(`python:3.9-slime-buster` 같은)는 빌드가 이미지를 받으려 할 때에야 드러납니다. 레지스트리에서 태그를 확인하세요.",
      },
    ],
  },
  ARG: {
    summary: {
      en: "Declares a **build-time variable** that `docker build --build-arg NAME=value` can set, with an optional default. It exists only while the image is built: the running container does not see it (use ENV for that).",
      ko: "`docker build --build-arg 이름=값`으로 넘길 수 있는 **빌드 시점 변수**를 선언합니다. 기본값을 줄 수도 있습니다. 이미지를 빌드하는 동안에만 존재하며, 실행 중인 컨테이너에서는 보이지 않습니다(컨테이너에서 쓰려면 ENV를 쓰세요).",
    },
    syntax: ['ARG <name>[=<default value>] [<name>[=<default value>]...]'],
    example: 'ARG NODE_VERSION=20\nFROM node:${NODE_VERSION}-alpine\nARG NODE_VERSION\nRUN echo "built with Node $NODE_VERSION"',
    pitfalls: [
      {
        en: "**Never pass secrets (passwords, tokens, keys) with ARG**: build-arg values are recorded in the image metadata and `docker history` shows them to anyone who has the image. Use `RUN --mount=type=secret` instead.",
        ko: "**비밀번호, 토큰, 키 같은 비밀 정보는 절대 ARG로 넘기지 마세요.** build-arg 값은 이미지 메타데이터에 남아서 이미지를 가진 누구나 `docker history`로 볼 수 있습니다. 대신 `RUN --mount=type=secret`을 쓰세요.",
      },
      {
        en: "Scope: an ARG before the first FROM is *global* and usable only in FROM lines. Inside a stage it is empty until you redeclare it with `ARG NAME` (no value: it takes the global default).",
        ko: "범위에 주의하세요. 첫 FROM 앞의 ARG는 *전역*이라 FROM 줄에서만 쓸 수 있습니다. 스테이지 안에서는 `ARG 이름`으로 다시 선언하기 전까지 빈 값입니다(값 없이 선언하면 전역 기본값을 이어받습니다).",
      },
      {
        en: "An ARG declared in a stage is only visible after its line, and in stages built `FROM` that stage; other stages must declare it themselves.",
        ko: "스테이지 안에서 선언한 ARG는 그 줄 아래에서만, 그리고 그 스테이지를 `FROM`으로 이어받는 스테이지에서만 보입니다. 다른 스테이지는 따로 선언해야 합니다.",
      },
      {
        en: "An ENV with the same name always wins over the ARG, so `--build-arg` seems to have no effect.",
        ko: "같은 이름의 ENV가 있으면 항상 ENV 값이 우선하므로 `--build-arg`가 먹히지 않는 것처럼 보입니다.",
      },
      {
        en: "Changing a build-arg value invalidates the build cache from the first instruction that uses it: declare ARGs as late as possible.",
        ko: "build-arg 값이 바뀌면 그 변수를 처음 쓰는 명령어부터 빌드 캐시가 무효가 됩니다. ARG는 필요한 곳 바로 앞에 선언하세요.",
      },
    ],
  },
  ENV: {
    summary: {
      en: "Sets **environment variables** for the following instructions *and* stores them in the image, so every container started from it has them too. `docker run -e NAME=value` overrides them at start.",
      ko: "이후 명령어에서 쓸 **환경 변수**를 설정하고, 그 값을 이미지에도 저장합니다. 그래서 이 이미지로 만든 모든 컨테이너에도 같은 변수가 있습니다. 컨테이너를 실행할 때 `docker run -e 이름=값`으로 덮어쓸 수 있습니다.",
    },
    syntax: ['ENV <key>=<value> [<key>=<value>...]', 'ENV <key> <value>   (legacy: one variable only)'],
    example: 'ENV APP_HOME=/srv/app \\\n    PATH="/srv/app/bin:$PATH"\nWORKDIR $APP_HOME',
    pitfalls: [
      {
        en: "Use `KEY=value`. The old `ENV KEY value` form sets **one** variable whose value is the whole rest of the line: `ENV A x \\ B y` gives `A=\"x B y\"`, not two variables.",
        ko: "`KEY=value` 형식을 쓰세요. 옛 형식 `ENV KEY value`는 줄의 나머지 전체를 값으로 하는 변수 **하나**만 만듭니다. `ENV A x \\ B y`는 변수 두 개가 아니라 `A=\"x B y\"` 하나가 됩니다.",
      },
      {
        en: "ENV persists into the container. Don't put secrets in it, and don't set build-only switches like `DEBIAN_FRONTEND=noninteractive` with ENV (set them on the RUN line or with ARG).",
        ko: "ENV 값은 컨테이너까지 그대로 남습니다. 비밀 정보는 넣지 말고, `DEBIAN_FRONTEND=noninteractive`처럼 빌드할 때만 필요한 값도 ENV 대신 RUN 줄 안이나 ARG로 지정하세요.",
      },
      {
        en: "A misspelled reference (`$NODE_VESION`) silently expands to an empty string. Hover a `$VAR` to see where it is defined.",
        ko: "변수 이름을 잘못 쓰면(`$NODE_VESION`) 오류 없이 빈 문자열로 바뀝니다. `$변수`에 마우스를 올려 어디서 정의됐는지 확인하세요.",
      },
      {
        en: "`export` inside a RUN does not carry over to the next RUN (each RUN is a new shell): use ENV for values later steps need.",
        ko: "RUN 안에서 `export`한 값은 다음 RUN으로 이어지지 않습니다(RUN마다 새 셸입니다). 이후 단계에서 필요한 값은 ENV로 지정하세요.",
      },
      {
        en: "Defaults work like in the shell: `${NAME:-fallback}` uses `fallback` when NAME is unset or empty, `${NAME:+other}` uses `other` only when NAME is set.",
        ko: "셸처럼 기본값 문법을 쓸 수 있습니다. `${NAME:-대체값}`은 NAME이 없거나 비어 있으면 대체값을, `${NAME:+다른값}`은 NAME이 있을 때만 다른값을 씁니다.",
      },
    ],
  },
  LABEL: {
    summary: {
      en: "Adds **metadata** to the image as key/value pairs (version, description, source, authors). Labels take no space in layers; read them with `docker inspect`.",
      ko: "이미지에 키/값 형태의 **메타데이터**(버전, 설명, 소스 저장소, 작성자 등)를 붙입니다. 레이어 용량을 차지하지 않으며 `docker inspect`로 확인할 수 있습니다.",
    },
    syntax: ['LABEL <key>=<value> [<key>=<value>...]'],
    example: 'LABEL org.opencontainers.image.title="web" \\\n      org.opencontainers.image.version="1.0" \\\n      org.opencontainers.image.authors="dev@example.com"',
    pitfalls: [
      {
        en: "No spaces around `=`: `LABEL version = '1.0'` is read in the legacy form and stores the key `version` with the value `= 1.0`.",
        ko: "`=` 앞뒤에 공백을 넣지 마세요. `LABEL version = '1.0'`은 옛 형식으로 해석되어 키 `version`에 값 `= 1.0`이 저장됩니다.",
      },
      {
        en: "Quote values that contain spaces (`description=\"web service\"`); put several labels in one LABEL with `\\` continuations.",
        ko: "값에 공백이 있으면 따옴표로 감싸세요(`description=\"web service\"`). 여러 라벨은 `\\`로 줄을 이어 LABEL 하나에 모을 수 있습니다.",
      },
      {
        en: "Prefer the standard `org.opencontainers.image.*` keys: registries and scanners understand them.",
        ko: "표준 키인 `org.opencontainers.image.*`를 쓰는 것이 좋습니다. 레지스트리와 보안 스캐너가 이 키를 읽습니다.",
      },
      {
        en: "Labels of the base image are inherited; a label with the same key replaces the inherited one.",
        ko: "베이스 이미지의 라벨은 그대로 상속되며, 같은 키로 다시 쓰면 상속된 값이 바뀝니다.",
      },
    ],
  },
  MAINTAINER: {
    summary: {
      en: "**Deprecated** (since Docker 1.13): recorded the image author. Use `LABEL org.opencontainers.image.authors=\"…\"` instead, which tools can read.",
      ko: "**더 이상 쓰지 않는 명령어**입니다(Docker 1.13부터). 이미지 작성자를 기록했는데, 이제는 도구들이 읽을 수 있는 `LABEL org.opencontainers.image.authors=\"…\"`를 쓰세요.",
    },
    syntax: ['MAINTAINER <name>'],
    example: '# instead of: MAINTAINER Jane <jane@example.com>\nLABEL org.opencontainers.image.authors="Jane <jane@example.com>"',
    pitfalls: [
      {
        en: "It still builds, but linters flag it and it only fills the obsolete `Author` field of the image.",
        ko: "빌드는 되지만 린터가 경고하고, 이미지의 오래된 `Author` 필드만 채울 뿐입니다.",
      },
    ],
  },
};
