// Flags of every instruction (keyed by instruction, then flag name without `--`). COPY and ADD
// share the docs of the flags that mean the same on both (--chown, --chmod, --link, --exclude).
import type { FlagDoc } from './types';

const chown: FlagDoc = {
  summary: {
    en: "Sets the **owner** (user and group) of the copied files. Without it they belong to `root:root`, even after a USER instruction.",
    ko: "복사된 파일의 **소유자**(사용자와 그룹)를 정합니다. 지정하지 않으면 USER를 바꾼 뒤라도 `root:root` 소유가 됩니다.",
  },
  syntax: '--chown=<user>[:<group>]',
  example: 'COPY --chown=app:app . /app/',
  pitfalls: [
    {
      en: "Much better than a later `RUN chown -R`, which writes every file again into a new layer and doubles the size.",
      ko: "나중에 `RUN chown -R`을 하면 모든 파일이 새 레이어에 다시 기록되어 용량이 두 배가 됩니다. `--chown`이 훨씬 낫습니다.",
    },
    {
      en: "User and group names are looked up in the image's `/etc/passwd` and `/etc/group`; numeric IDs (`--chown=1000:1000`) always work.",
      ko: "사용자·그룹 이름은 이미지의 `/etc/passwd`, `/etc/group`에서 찾습니다. 숫자 ID(`--chown=1000:1000`)는 언제나 동작합니다.",
    },
  ],
};

const chmod: FlagDoc = {
  summary: {
    en: "Sets the **permissions** of the copied files, in octal (`755`) or, with recent BuildKit, symbolic form (`u+x`).",
    ko: "복사된 파일의 **권한**을 8진수(`755`)로, 최신 BuildKit에서는 기호 형식(`u+x`)으로도 지정합니다.",
  },
  syntax: '--chmod=<perms>',
  example: 'COPY --chmod=755 entrypoint.sh /usr/local/bin/',
  pitfalls: [
    {
      en: "Saves a separate `RUN chmod +x` step, which would copy the file again into a new layer.",
      ko: "따로 `RUN chmod +x` 단계를 두면 파일이 새 레이어에 한 번 더 복사되는데, 이를 피할 수 있습니다.",
    },
  ],
};

const link: FlagDoc = {
  summary: {
    en: "Copies the files into their **own independent layer** instead of on top of the previous ones. The layer can then be reused even when earlier layers (e.g. the base image) change, which makes rebuilds and pushes faster.",
    ko: "파일을 이전 레이어 위에 쌓지 않고 **독립된 레이어**로 복사합니다. 그래서 앞쪽 레이어(예: 베이스 이미지)가 바뀌어도 이 레이어를 재사용할 수 있어 다시 빌드하거나 푸시할 때 빨라집니다.",
  },
  syntax: '--link[=true|false]',
  example: 'COPY --link --from=build /app/dist /usr/share/nginx/html/',
  pitfalls: [
    {
      en: "The destination is treated as empty: the copy cannot follow symlinks or rely on files already at the destination path.",
      ko: "대상 경로를 빈 곳으로 간주합니다. 대상에 이미 있는 파일이나 심볼릭 링크에 기대는 복사는 제대로 되지 않습니다.",
    },
  ],
};

const exclude: FlagDoc = {
  summary: {
    en: "Leaves out files matching a pattern (same syntax as `.dockerignore`). Can be repeated. Needs a recent Dockerfile syntax (`# syntax=docker/dockerfile:1-labs` on older versions).",
    ko: "패턴(`.dockerignore`와 같은 문법)에 맞는 파일을 복사에서 뺍니다. 여러 번 쓸 수 있습니다. 최신 Dockerfile 문법이 필요합니다(이전 버전에서는 `# syntax=docker/dockerfile:1-labs`).",
  },
  syntax: '--exclude=<pattern>',
  example: 'COPY --exclude=*.md --exclude=tests/ . /app/',
};

export const FLAG_DOCS: Record<string, Record<string, FlagDoc>> = {
  FROM: {
    platform: {
      summary: {
        en: "Chooses which **platform** variant of a multi-platform base image to use (`linux/amd64`, `linux/arm64`…). Without it, the build's target platform is used.",
        ko: "여러 플랫폼을 지원하는 베이스 이미지 중 어떤 **플랫폼** 변형(`linux/amd64`, `linux/arm64` 등)을 쓸지 고릅니다. 지정하지 않으면 빌드 대상 플랫폼을 씁니다.",
      },
      syntax: '--platform=<os>/<arch>[/<variant>]',
      example: 'FROM --platform=$BUILDPLATFORM golang:1.23 AS build',
      pitfalls: [
        {
          en: "Typical use is `--platform=$BUILDPLATFORM` on a build stage, so compilers run natively and cross-compile for `$TARGETPLATFORM`.",
          ko: "보통 빌드 스테이지에 `--platform=$BUILDPLATFORM`을 주어 컴파일러는 빌드 머신에서 그대로 돌리고, `$TARGETPLATFORM`용으로 교차 컴파일합니다.",
        },
        {
          en: "A fixed value like `--platform=linux/amd64` forces emulation on ARM machines (slow) and breaks multi-platform builds.",
          ko: "`--platform=linux/amd64`처럼 값을 고정하면 ARM 머신에서는 에뮬레이션으로 느리게 돌고, 멀티 플랫폼 빌드가 깨집니다.",
        },
      ],
    },
  },
  RUN: {
    mount: {
      summary: {
        en: "Attaches a filesystem to this RUN **only**: a cache directory, files from the context or another stage, a secret, the SSH agent, or a tmpfs. What is mounted is not saved in the layer. Can be repeated.",
        ko: "이 RUN에서**만** 파일 시스템을 붙입니다. 캐시 디렉터리, 컨텍스트나 다른 스테이지의 파일, 시크릿, SSH 에이전트, tmpfs를 붙일 수 있으며, 마운트된 내용은 레이어에 저장되지 않습니다. 여러 번 쓸 수 있습니다.",
      },
      syntax: '--mount=type=<bind|cache|tmpfs|secret|ssh>[,<key>=<value>...]',
      example: 'RUN --mount=type=cache,target=/root/.npm npm ci',
      pitfalls: [
        {
          en: "Needs BuildKit (the default builder since Docker 23). The classic builder rejects it.",
          ko: "BuildKit이 필요합니다(Docker 23부터 기본 빌더). 클래식 빌더는 이 옵션을 거부합니다.",
        },
      ],
    },
    network: {
      summary: {
        en: "Controls network access for this RUN: `default` (normal), `none` (no network at all: proves the step needs nothing from outside), `host` (the host's network; needs the `network.host` entitlement).",
        ko: "이 RUN의 네트워크 접근을 정합니다. `default`(평소대로), `none`(네트워크 없음: 외부에서 아무것도 받지 않는 단계임을 보장), `host`(호스트 네트워크 사용, `network.host` 권한 필요).",
      },
      syntax: '--network=<default|none|host>',
      example: 'RUN --network=none make test',
    },
    security: {
      summary: {
        en: "`--security=insecure` runs this step with elevated privileges (like `docker run --privileged`); `sandbox` is the default. Needs `# syntax=docker/dockerfile:1-labs` and the builder must allow `security.insecure`.",
        ko: "`--security=insecure`는 이 단계를 높은 권한(`docker run --privileged`와 비슷)으로 실행합니다. 기본값은 `sandbox`입니다. `# syntax=docker/dockerfile:1-labs`가 필요하고 빌더가 `security.insecure`를 허용해야 합니다.",
      },
      syntax: '--security=<sandbox|insecure>',
      example: '# syntax=docker/dockerfile:1-labs\nRUN --security=insecure mount -t tmpfs none /mnt',
      pitfalls: [
        {
          en: "Only for steps that truly need kernel privileges: an insecure step can reach the build host.",
          ko: "정말로 커널 권한이 필요한 단계에만 쓰세요. insecure 단계는 빌드 호스트에 손댈 수 있습니다.",
        },
      ],
    },
  },
  COPY: {
    from: {
      summary: {
        en: "Copies from an earlier **build stage** (by its `AS` name or its index) or from any **image**, instead of from the build context. This is how a multi-stage build moves only the result into the final image.",
        ko: "빌드 컨텍스트 대신 앞선 **빌드 스테이지**(`AS`로 붙인 이름이나 번호) 또는 다른 **이미지**에서 복사합니다. 다단계 빌드에서 결과물만 최종 이미지로 옮기는 방법입니다.",
      },
      syntax: '--from=<stage name|stage index|image>',
      example: 'COPY --from=build /usr/local/bin/app /usr/local/bin/app',
      pitfalls: [
        {
          en: "A name that is not a stage defined **above** is taken as an image name and pulled from a registry: a typo becomes a confusing pull error.",
          ko: "**위쪽에** 정의된 스테이지 이름이 아니면 이미지 이름으로 간주되어 레지스트리에서 받으려 합니다. 오타가 알쏭달쏭한 pull 오류가 됩니다.",
        },
        {
          en: "Source paths are read from the root of that stage's filesystem, not relative to its WORKDIR: write absolute paths.",
          ko: "원본 경로는 그 스테이지의 WORKDIR이 아니라 파일 시스템 루트를 기준으로 읽힙니다. 절대 경로로 쓰세요.",
        },
      ],
    },
    chown,
    chmod,
    link,
    parents: {
      summary: {
        en: "Keeps the **parent directories** of each source under the destination: `COPY --parents ./x/y/a.txt /dst/` creates `/dst/x/y/a.txt` instead of `/dst/a.txt`. Needs a recent syntax (`1-labs` on older versions).",
        ko: "원본의 **상위 디렉터리 구조**를 대상 아래에 그대로 유지합니다. `COPY --parents ./x/y/a.txt /dst/`는 `/dst/a.txt`가 아니라 `/dst/x/y/a.txt`를 만듭니다. 최신 문법이 필요합니다(이전 버전에서는 `1-labs`).",
      },
      syntax: '--parents[=true|false]',
      example: 'COPY --parents ./services/*/package.json /app/',
    },
    exclude,
  },
  ADD: {
    chown,
    chmod,
    link,
    checksum: {
      summary: {
        en: "Verifies a downloaded source against a **hash**; the build fails if the content differs. Pins a URL (or a Git ref) so nobody can swap the file behind your back.",
        ko: "내려받은 원본을 **해시**로 검증합니다. 내용이 다르면 빌드가 실패합니다. URL(또는 Git 참조)을 고정해서 누군가 몰래 파일을 바꿔치기하지 못하게 합니다.",
      },
      syntax: '--checksum=sha256:<hex digest>',
      example: 'ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/app.tar.gz /tmp/',
    },
    'keep-git-dir': {
      summary: {
        en: "When the source is a **Git repository** URL, keeps its `.git` directory (it is dropped by default). Useful when the build runs `git describe` or similar.",
        ko: "원본이 **Git 저장소** URL일 때 `.git` 디렉터리를 남깁니다(기본적으로는 빠집니다). 빌드 중에 `git describe` 같은 명령이 필요할 때 씁니다.",
      },
      syntax: '--keep-git-dir[=true|false]',
      example: 'ADD --keep-git-dir=true https://github.com/moby/buildkit.git#v0.13.0 /src',
    },
    exclude,
    unpack: {
      summary: {
        en: "Controls archive extraction: `--unpack=true` also extracts an archive downloaded from a URL; `--unpack=false` copies a local archive as-is instead of extracting it. Needs a recent Dockerfile syntax.",
        ko: "압축 해제를 직접 정합니다. `--unpack=true`는 URL에서 받은 압축 파일도 풀고, `--unpack=false`는 로컬 압축 파일을 풀지 않고 그대로 복사합니다. 최신 Dockerfile 문법이 필요합니다.",
      },
      syntax: '--unpack[=true|false]',
      example: 'ADD --unpack=true https://example.com/site.tar.gz /var/www/html/',
    },
  },
  HEALTHCHECK: {
    interval: {
      summary: {
        en: "Time **between two checks** (default `30s`). The first check runs one interval after the container starts.",
        ko: "검사와 검사 **사이의 간격**입니다(기본 `30s`). 첫 검사는 컨테이너가 시작되고 한 간격이 지난 뒤 실행됩니다.",
      },
      syntax: '--interval=<duration>',
      example: 'HEALTHCHECK --interval=1m CMD wget -q --spider http://localhost/ || exit 1',
    },
    timeout: {
      summary: {
        en: "How long one check may take (default `30s`); a check that runs longer counts as a **failure**.",
        ko: "검사 한 번에 허용하는 시간입니다(기본 `30s`). 이보다 오래 걸리면 **실패**로 칩니다.",
      },
      syntax: '--timeout=<duration>',
      example: 'HEALTHCHECK --timeout=3s CMD curl -f http://localhost/ || exit 1',
    },
    'start-period': {
      summary: {
        en: "Grace time for a slow-starting app (default `0s`): failures during it don't count toward `--retries`, but a success marks the container healthy at once.",
        ko: "시작이 느린 앱을 위한 유예 시간입니다(기본 `0s`). 이 시간 동안의 실패는 `--retries`에 세지 않지만, 성공하면 곧바로 healthy가 됩니다.",
      },
      syntax: '--start-period=<duration>',
      example: 'HEALTHCHECK --start-period=40s CMD curl -f http://localhost:8080/health || exit 1',
    },
    'start-interval': {
      summary: {
        en: "Time between checks **during the start period** (default `5s`), so a container becomes healthy quickly without checking often afterwards. Needs Docker Engine 25 or newer.",
        ko: "**시작 유예 시간 동안** 검사 간격입니다(기본 `5s`). 시작 직후에는 자주 검사해 빨리 healthy가 되고, 그 뒤로는 드물게 검사할 수 있습니다. Docker Engine 25 이상이 필요합니다.",
      },
      syntax: '--start-interval=<duration>',
      example: 'HEALTHCHECK --start-period=30s --start-interval=2s CMD pg_isready || exit 1',
    },
    retries: {
      summary: {
        en: "How many **consecutive failures** turn the container `unhealthy` (default `3`).",
        ko: "몇 번 **연속으로 실패**하면 컨테이너를 `unhealthy`로 바꿀지 정합니다(기본 `3`).",
      },
      syntax: '--retries=<number>',
      example: 'HEALTHCHECK --retries=5 CMD curl -f http://localhost/ || exit 1',
    },
  },
};
