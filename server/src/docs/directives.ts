// Parser directives (`# name=value` at the very top) and BuildKit's automatic build arguments.
import type { DirectiveDoc, Text } from './types';

const TOP_ONLY: Text = {
  en: "Directives are read only at the very top of the file: once a comment, a blank line or an instruction has been seen, a `# name=value` line is an ordinary comment.",
  ko: "지시어는 파일 맨 위에서만 읽힙니다. 주석, 빈 줄, 명령어가 한 번이라도 나온 뒤의 `# 이름=값` 줄은 평범한 주석입니다.",
};

export const DIRECTIVE_DOCS: Record<string, DirectiveDoc> = {
  syntax: {
    summary: {
      en: "Chooses the **Dockerfile frontend** (the version of the Dockerfile language) BuildKit uses for this file. `docker/dockerfile:1` always gets the newest stable 1.x features; `docker/dockerfile:1-labs` adds experimental ones.",
      ko: "BuildKit이 이 파일에 쓸 **Dockerfile 프론트엔드**(Dockerfile 문법의 버전)를 고릅니다. `docker/dockerfile:1`은 항상 최신 안정 1.x 기능을, `docker/dockerfile:1-labs`는 실험적 기능까지 씁니다.",
    },
    syntax: '# syntax=<frontend image>',
    example: '# syntax=docker/dockerfile:1\nFROM alpine:3.20',
    pitfalls: [
      TOP_ONLY,
      {
        en: "The frontend is an image pulled at build time: builds without registry access need it in the local cache.",
        ko: "프론트엔드는 빌드할 때 받아 오는 이미지입니다. 레지스트리에 접근할 수 없는 환경이라면 미리 로컬 캐시에 있어야 합니다.",
      },
    ],
  },
  escape: {
    summary: {
      en: "Sets the **escape character**, which also continues lines: `\\` (default) or a backtick. A backtick is handy on Windows, where `\\` is the path separator (`C:\\app`).",
      ko: "**이스케이프 문자**를 정합니다. 이 문자는 줄 잇기에도 쓰입니다. 기본값은 `\\`이고 백틱도 쓸 수 있습니다. 경로 구분자가 `\\`인 윈도우(`C:\\app`)에서 백틱이 편합니다.",
    },
    syntax: '# escape=<\\ or backtick>',
    example: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir C:\\',
    pitfalls: [
      TOP_ONLY,
      {
        en: "After `# escape=` with a backtick, a trailing `\\` no longer continues the line.",
        ko: "`# escape=`로 백틱을 지정하면 줄 끝의 `\\`는 더 이상 줄을 잇지 않습니다.",
      },
    ],
  },
  check: {
    summary: {
      en: "Configures BuildKit's **build checks** for this file: `skip=Rule1,Rule2` turns rules off, `error=true` makes warnings fail the build, `experimental=all` enables experimental checks. Parts are separated by `;`.",
      ko: "이 파일에 대한 BuildKit **빌드 검사**를 설정합니다. `skip=규칙1,규칙2`는 규칙을 끄고, `error=true`는 경고가 있으면 빌드를 실패시키며, `experimental=all`은 실험적 검사를 켭니다. 여러 항목은 `;`로 구분합니다.",
    },
    syntax: '# check=skip=<rules>|all;error=<true|false>;experimental=<rules>|all',
    example: '# check=skip=JSONArgsRecommended;error=true\nFROM alpine:3.20',
    pitfalls: [
      TOP_ONLY,
      {
        en: "Dockerfile Studio honours the same directive for the rules that have a BuildKit alias.",
        ko: "Dockerfile Studio도 BuildKit 별칭이 있는 규칙에 대해 같은 지시어를 따릅니다.",
      },
    ],
  },
};

/** BuildKit's automatic build arguments (syntax.ts AUTOMATIC_PLATFORM_ARGS). */
export const BUILD_ARG_DOCS: Record<string, Text> = {
  TARGETPLATFORM: {
    en: "Platform the image is **built for**, e.g. `linux/arm64` (from `--platform`, else the builder's own).",
    ko: "이미지를 **만들 대상** 플랫폼입니다. 예: `linux/arm64` (`--platform` 값, 없으면 빌더의 플랫폼).",
  },
  TARGETOS: {
    en: "OS part of TARGETPLATFORM, e.g. `linux` (use as `GOOS=$TARGETOS`).",
    ko: "TARGETPLATFORM의 OS 부분입니다. 예: `linux` (`GOOS=$TARGETOS`처럼 씁니다).",
  },
  TARGETARCH: {
    en: "Architecture part of TARGETPLATFORM, e.g. `amd64`, `arm64` (use as `GOARCH=$TARGETARCH`).",
    ko: "TARGETPLATFORM의 아키텍처 부분입니다. 예: `amd64`, `arm64` (`GOARCH=$TARGETARCH`처럼 씁니다).",
  },
  TARGETVARIANT: {
    en: "Variant part of TARGETPLATFORM, e.g. `v7` for `linux/arm/v7`; often empty.",
    ko: "TARGETPLATFORM의 변형 부분입니다. 예: `linux/arm/v7`의 `v7`. 비어 있는 경우가 많습니다.",
  },
  BUILDPLATFORM: {
    en: "Platform of the machine **running** the build, e.g. `linux/amd64`. Use `FROM --platform=$BUILDPLATFORM` for build stages that cross-compile.",
    ko: "빌드를 **실행하는** 머신의 플랫폼입니다. 예: `linux/amd64`. 교차 컴파일하는 빌드 스테이지에 `FROM --platform=$BUILDPLATFORM`으로 씁니다.",
  },
  BUILDOS: {
    en: "OS part of BUILDPLATFORM.",
    ko: "BUILDPLATFORM의 OS 부분입니다.",
  },
  BUILDARCH: {
    en: "Architecture part of BUILDPLATFORM.",
    ko: "BUILDPLATFORM의 아키텍처 부분입니다.",
  },
  BUILDVARIANT: {
    en: "Variant part of BUILDPLATFORM (often empty).",
    ko: "BUILDPLATFORM의 변형 부분입니다(비어 있는 경우가 많습니다).",
  },
  BUILDKIT_SYNTAX: {
    en: "Overrides the Dockerfile frontend image, like the `# syntax=` directive (pass it with `--build-arg`).",
    ko: "`# syntax=` 지시어처럼 Dockerfile 프론트엔드 이미지를 바꿉니다(`--build-arg`로 넘깁니다).",
  },
  BUILDKIT_INLINE_CACHE: {
    en: "`1` writes cache metadata into the image so a later build can reuse it with `--cache-from`.",
    ko: "`1`이면 캐시 메타데이터를 이미지에 넣어, 다음 빌드에서 `--cache-from`으로 재사용할 수 있게 합니다.",
  },
  BUILDKIT_MULTI_PLATFORM: {
    en: "`1` produces a multi-platform result (an image index) even when only one platform is built.",
    ko: "`1`이면 플랫폼을 하나만 빌드해도 멀티 플랫폼 결과(이미지 인덱스)를 만듭니다.",
  },
  BUILDKIT_SANDBOX_HOSTNAME: {
    en: "Hostname seen by RUN steps (default `buildkitsandbox`).",
    ko: "RUN 단계에서 보이는 호스트 이름입니다(기본 `buildkitsandbox`).",
  },
  BUILDKIT_CONTEXT_KEEP_GIT_DIR: {
    en: "`1` keeps the `.git` directory when the build context is a Git URL.",
    ko: "`1`이면 빌드 컨텍스트가 Git URL일 때 `.git` 디렉터리를 남깁니다.",
  },
  SOURCE_DATE_EPOCH: {
    en: "Unix timestamp used for the image's creation time and file dates, for **reproducible** builds.",
    ko: "이미지 생성 시각과 파일 날짜에 쓸 유닉스 타임스탬프입니다. **재현 가능한** 빌드를 위해 씁니다.",
  },
};

/** HTTP_PROXY and friends (syntax.ts PREDEFINED_ARGS), one text for the whole family. */
export const PROXY_ARG_DOC: Text = {
  en: "Predefined proxy argument: set it with `--build-arg` and RUN steps see it, but it is **not** recorded in `docker history` (unlike your own ARGs).",
  ko: "미리 정의된 프록시 인자입니다. `--build-arg`로 주면 RUN 단계에서 쓸 수 있고, 직접 만든 ARG와 달리 `docker history`에 **남지 않습니다**.",
};
