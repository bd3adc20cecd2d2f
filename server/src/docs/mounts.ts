// `RUN --mount=type=…` types and every key each type accepts (syntax.ts MOUNT_TYPES).
import type { MountTypeDoc } from './types';

export const MOUNT_DOCS: Record<string, MountTypeDoc> = {
  bind: {
    summary: {
      en: "Makes files from the **build context** or another stage/image visible during this RUN, without copying them into a layer (read-only by default). Good for sources needed only to build something.",
      ko: "**빌드 컨텍스트**나 다른 스테이지/이미지의 파일을 레이어에 복사하지 않고 이 RUN 동안만 보이게 합니다(기본은 읽기 전용). 빌드할 때만 필요한 소스에 알맞습니다.",
    },
    example: 'RUN --mount=type=bind,source=requirements.txt,target=/tmp/requirements.txt \\\n    pip install -r /tmp/requirements.txt',
    keys: {
      target: {
        en: "**Required.** Where the files appear inside the build container (aliases `dst`, `destination`).",
        ko: "**필수.** 빌드 컨테이너 안에서 파일이 보일 경로입니다(별칭 `dst`, `destination`).",
      },
      source: {
        en: "Path inside `from` to mount (default: its root). Alias `src`.",
        ko: "`from` 안에서 마운트할 경로입니다(기본값: 루트). 별칭 `src`.",
      },
      from: {
        en: "Stage or image to mount from; the build context when omitted.",
        ko: "마운트할 원본 스테이지나 이미지입니다. 생략하면 빌드 컨텍스트입니다.",
      },
      rw: {
        en: "Allows writes to the mounted files; the writes are thrown away when the RUN ends.",
        ko: "마운트된 파일에 쓰기를 허용합니다. 쓴 내용은 RUN이 끝나면 버려집니다.",
      },
      readwrite: {
        en: "Long spelling of `rw`: writable during the step, discarded afterwards.",
        ko: "`rw`의 긴 이름입니다. 단계 중에는 쓸 수 있지만 끝나면 버려집니다.",
      },
    },
  },
  cache: {
    summary: {
      en: "A **persistent cache directory** shared between builds (package manager downloads, compiler caches). It is never part of the image, so it speeds up rebuilds without making the image bigger.",
      ko: "빌드 사이에 유지되는 **캐시 디렉터리**입니다(패키지 매니저 다운로드, 컴파일러 캐시 등). 이미지에는 들어가지 않으므로 이미지를 키우지 않고 다시 빌드하는 속도를 높입니다.",
    },
    example: 'RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt',
    pitfalls: [
      {
        en: "The cache may be empty at any time (new machine, pruned builder): the step must still work without it. Don't put build results you need in the image there.",
        ko: "캐시는 언제든 비어 있을 수 있습니다(새 머신, 빌더 정리 등). 캐시 없이도 단계가 동작해야 하며, 이미지에 필요한 결과물을 그곳에 두면 안 됩니다.",
      },
      {
        en: "For apt, use `sharing=locked` (apt cannot share its cache between parallel builds).",
        ko: "apt에는 `sharing=locked`를 쓰세요(apt는 병렬 빌드 사이에 캐시를 함께 쓰지 못합니다).",
      },
    ],
    keys: {
      id: {
        en: "Name of the cache; steps with the same id share it. Defaults to the `target` path.",
        ko: "캐시 이름입니다. id가 같은 단계끼리 캐시를 함께 씁니다. 기본값은 `target` 경로입니다.",
      },
      target: {
        en: "**Required.** Directory where the cache is mounted (e.g. `/root/.npm`, `/go/pkg/mod`).",
        ko: "**필수.** 캐시를 마운트할 디렉터리입니다(예: `/root/.npm`, `/go/pkg/mod`).",
      },
      ro: {
        en: "Mounts the cache read-only: the step can use it but not fill it.",
        ko: "캐시를 읽기 전용으로 붙입니다. 사용할 수는 있지만 채울 수는 없습니다.",
      },
      readonly: {
        en: "Long spelling of `ro`: the cache is readable but this step cannot add to it.",
        ko: "`ro`의 긴 이름입니다. 캐시를 읽을 수는 있지만 이 단계에서 추가할 수는 없습니다.",
      },
      sharing: {
        en: "How concurrent builds use one cache: `shared` (default, at the same time), `private` (a new cache if it is busy), `locked` (wait until it is free).",
        ko: "여러 빌드가 캐시 하나를 동시에 쓰는 방식입니다. `shared`(기본값, 동시에 사용), `private`(사용 중이면 새 캐시), `locked`(비워질 때까지 대기).",
      },
      from: {
        en: "Stage or image whose files seed the cache directory when it is first created.",
        ko: "캐시를 처음 만들 때 초기 내용으로 쓸 스테이지나 이미지입니다.",
      },
      source: {
        en: "Sub-path inside `from` used to seed the cache.",
        ko: "캐시 초기 내용으로 쓸 `from` 안의 하위 경로입니다.",
      },
      mode: {
        en: "Permissions of a newly created cache directory, octal (default `0755`).",
        ko: "새로 만든 캐시 디렉터리의 권한, 8진수입니다(기본 `0755`).",
      },
      uid: {
        en: "Owner user ID of a new cache directory (default `0`); set it when the step runs as a non-root USER.",
        ko: "새 캐시 디렉터리의 소유자 사용자 ID입니다(기본 `0`). 단계가 root가 아닌 USER로 실행될 때 지정하세요.",
      },
      gid: {
        en: "Owner group ID of a new cache directory (default `0`).",
        ko: "새 캐시 디렉터리의 소유 그룹 ID입니다(기본 `0`).",
      },
    },
  },
  tmpfs: {
    summary: {
      en: "An **in-memory** temporary directory for this RUN: fast scratch space that never reaches the image.",
      ko: "이 RUN 동안만 쓰는 **메모리 기반** 임시 디렉터리입니다. 빠른 작업 공간이며 이미지에는 절대 들어가지 않습니다.",
    },
    example: 'RUN --mount=type=tmpfs,target=/tmp make build',
    keys: {
      target: {
        en: "**Required.** Where the tmpfs is mounted.",
        ko: "**필수.** tmpfs를 마운트할 경로입니다.",
      },
      size: {
        en: "Upper limit of the tmpfs size, in bytes.",
        ko: "tmpfs 크기의 상한, 바이트 단위입니다.",
      },
    },
  },
  secret: {
    summary: {
      en: "Gives this RUN access to a **secret** passed with `docker build --secret id=…,src=…` (token, password, key) as a file — by default `/run/secrets/<id>` — or an env variable. The secret is **never stored** in a layer or in the history: this is the right way instead of ARG/ENV.",
      ko: "`docker build --secret id=…,src=…`로 넘긴 **시크릿**(토큰, 비밀번호, 키)을 이 RUN에서 파일(기본 `/run/secrets/<id>`)이나 환경 변수로 쓸 수 있게 합니다. 시크릿은 레이어에도 히스토리에도 **절대 남지 않습니다**. ARG/ENV 대신 이 방법을 쓰세요.",
    },
    example: 'RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci',
    pitfalls: [
      {
        en: "Without `required=true`, a missing secret is silently skipped and the command runs without it.",
        ko: "`required=true`가 없으면 시크릿이 없어도 조용히 넘어가고 명령은 시크릿 없이 실행됩니다.",
      },
      {
        en: "Don't copy the secret into a file that stays in the image (`cat /run/secrets/x > ~/.npmrc`): then it is in the layer after all.",
        ko: "시크릿을 이미지에 남는 파일로 복사하지 마세요(`cat /run/secrets/x > ~/.npmrc`). 그러면 결국 레이어에 남습니다.",
      },
    ],
    keys: {
      id: {
        en: "ID of the secret given to `docker build --secret id=…`; defaults to the file name of `target`.",
        ko: "`docker build --secret id=…`로 넘긴 시크릿의 ID입니다. 기본값은 `target`의 파일 이름입니다.",
      },
      target: {
        en: "Path of the secret file inside the build container (default `/run/secrets/<id>`).",
        ko: "빌드 컨테이너 안의 시크릿 파일 경로입니다(기본 `/run/secrets/<id>`).",
      },
      env: {
        en: "Exposes the secret as this **environment variable** for the step instead of (or as well as) a file.",
        ko: "시크릿을 파일 대신(또는 파일과 함께) 이 **환경 변수**로 단계에 넘깁니다.",
      },
      required: {
        en: "Fails the build when the secret was not provided (default `false`: silently skipped).",
        ko: "시크릿이 주어지지 않으면 빌드를 실패시킵니다(기본값 `false`: 조용히 건너뜀).",
      },
      mode: {
        en: "Permissions of the secret file, octal (default `0400`: readable by its owner only).",
        ko: "시크릿 파일의 권한, 8진수입니다(기본 `0400`: 소유자만 읽기).",
      },
      uid: {
        en: "User ID owning the secret file (default `0`); set it when the step runs as another USER.",
        ko: "시크릿 파일을 소유할 사용자 ID입니다(기본 `0`). 단계가 다른 USER로 실행될 때 지정하세요.",
      },
      gid: {
        en: "Group ID owning the secret file (default `0`).",
        ko: "시크릿 파일을 소유할 그룹 ID입니다(기본 `0`).",
      },
    },
  },
  ssh: {
    summary: {
      en: "Forwards the host's **SSH agent** into this RUN (`docker build --ssh default`), e.g. to `git clone` a private repository, without putting any key in the image.",
      ko: "호스트의 **SSH 에이전트**를 이 RUN에 전달합니다(`docker build --ssh default`). 이미지에 키를 넣지 않고도 비공개 저장소를 `git clone`할 수 있습니다.",
    },
    example: 'RUN --mount=type=ssh git clone git@github.com:org/private.git /src',
    keys: {
      id: {
        en: "ID of the SSH agent or key passed with `--ssh` (default `default`).",
        ko: "`--ssh`로 넘긴 SSH 에이전트나 키의 ID입니다(기본 `default`).",
      },
      target: {
        en: "Path of the agent socket inside the build container (default `/run/buildkit/ssh_agent.<N>`); `SSH_AUTH_SOCK` points to it.",
        ko: "빌드 컨테이너 안의 에이전트 소켓 경로입니다(기본 `/run/buildkit/ssh_agent.<N>`). `SSH_AUTH_SOCK`이 이 경로를 가리킵니다.",
      },
      required: {
        en: "Fails the build when no SSH agent was forwarded for this id (default `false`).",
        ko: "이 id로 전달된 SSH 에이전트가 없으면 빌드를 실패시킵니다(기본 `false`).",
      },
      mode: {
        en: "Permissions of the agent socket, octal (default `0600`).",
        ko: "에이전트 소켓의 권한, 8진수입니다(기본 `0600`).",
      },
      uid: {
        en: "User ID owning the agent socket (default `0`); needed for a non-root USER to use it.",
        ko: "에이전트 소켓을 소유할 사용자 ID입니다(기본 `0`). root가 아닌 USER가 쓰려면 필요합니다.",
      },
      gid: {
        en: "Group ID owning the agent socket (default `0`).",
        ko: "에이전트 소켓을 소유할 그룹 ID입니다(기본 `0`).",
      },
    },
  },
};

/** The `type` key itself. */
export const MOUNT_TYPE_KEY = {
  en: "Kind of mount: `bind` (files from the context or a stage), `cache` (persistent cache), `tmpfs` (memory), `secret` (a build secret), `ssh` (the SSH agent). Default `bind`.",
  ko: "마운트 종류입니다. `bind`(컨텍스트나 스테이지의 파일), `cache`(유지되는 캐시), `tmpfs`(메모리), `secret`(빌드 시크릿), `ssh`(SSH 에이전트). 기본값은 `bind`입니다.",
};
