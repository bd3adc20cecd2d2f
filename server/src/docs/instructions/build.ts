// Instructions that change the filesystem while building: RUN, COPY, ADD, WORKDIR, USER, SHELL.
import type { InstructionDoc } from '../types';

export const BUILD_DOCS: Record<string, InstructionDoc> = {
  RUN: {
    summary: {
      en: "Runs a command **while the image is being built** (installing packages, compiling, creating files) and saves the changed files as a new **layer**. It does not run when a container starts: that is CMD/ENTRYPOINT.",
      ko: "**이미지를 빌드하는 동안** 명령을 실행하고(패키지 설치, 컴파일, 파일 생성 등) 바뀐 파일을 새 **레이어**로 저장합니다. 컨테이너가 시작될 때 실행되는 것이 아닙니다. 그건 CMD/ENTRYPOINT의 역할입니다.",
    },
    syntax: ['RUN [--mount=...] [--network=...] <command>          (shell form: /bin/sh -c)', 'RUN [--mount=...] ["executable", "param1", "param2"]   (exec form)', 'RUN <<EOF\n<script lines>\nEOF'],
    example: 'RUN apt-get update \\\n && apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*',
    pitfalls: [
      {
        en: "**RUN vs CMD**: RUN happens once, at build time, and its result is stored in the image. CMD is the command a container runs every time it starts. `RUN service apache2 start` starts nothing in your containers.",
        ko: "**RUN과 CMD의 차이**: RUN은 빌드할 때 한 번 실행되고 그 결과가 이미지에 저장됩니다. CMD는 컨테이너가 시작될 때마다 실행할 명령입니다. `RUN service apache2 start`로는 컨테이너에서 아무것도 시작되지 않습니다.",
      },
      {
        en: "Each RUN adds a layer. Chain related commands with `&&` in **one** RUN, and clean up in that same RUN: a file deleted by a later RUN still takes space in the earlier layer.",
        ko: "RUN 하나가 레이어 하나를 만듭니다. 관련된 명령은 `&&`로 묶어 **하나의** RUN에 쓰고, 정리(캐시·임시 파일 삭제)도 같은 RUN 안에서 하세요. 나중 RUN에서 지운 파일은 앞 레이어에 그대로 남아 용량을 차지합니다.",
      },
      {
        en: "A trailing `\\` only continues the line, it does not separate commands: `RUN mkdir /a \\ apt-get update` runs `mkdir` with extra arguments. Put `&&` before each `\\`.",
        ko: "줄 끝의 `\\`는 줄을 이을 뿐 명령을 나누지 않습니다. `RUN mkdir /a \\ apt-get update`는 `mkdir`에 인자가 더 붙은 하나의 명령이 됩니다. 각 `\\` 앞에 `&&`를 넣으세요.",
      },
      {
        en: "Builds are not interactive: nobody can answer prompts. Use `apt-get install -y`, and run `apt-get update` in the same RUN as the install (or the package may not be found, or come from a stale cached list).",
        ko: "빌드는 대화형이 아니어서 질문에 답할 수 없습니다. `apt-get install -y`를 쓰고, `apt-get update`는 설치와 같은 RUN에서 실행하세요. 그렇지 않으면 패키지를 찾지 못하거나 캐시된 오래된 목록을 쓰게 됩니다.",
      },
      {
        en: "Each RUN is a new shell: `cd`, `export` and `source` don't carry over. Use WORKDIR and ENV.",
        ko: "RUN마다 새 셸에서 실행되므로 `cd`, `export`, `source`의 효과가 다음 RUN으로 이어지지 않습니다. WORKDIR과 ENV를 쓰세요.",
      },
      {
        en: "**Shell vs exec form**: the shell form runs through `/bin/sh -c`, so `&&`, pipes and `$VAR` work. The exec form `[\"cmd\", \"arg\"]` runs the program directly: no shell, no variable expansion.",
        ko: "**셸 형식과 exec 형식**: 셸 형식은 `/bin/sh -c`로 실행되어 `&&`, 파이프, `$VAR`가 동작합니다. exec 형식 `[\"cmd\", \"arg\"]`는 프로그램을 직접 실행하므로 셸도, 변수 치환도 없습니다.",
      },
      {
        en: "With pipes (`curl … | sh`) only the last command's exit code counts; start with `set -o pipefail &&` (bash) so a failed download fails the build.",
        ko: "파이프(`curl … | sh`)에서는 마지막 명령의 종료 코드만 반영됩니다. 다운로드가 실패하면 빌드도 실패하도록 (bash에서) `set -o pipefail &&`로 시작하세요.",
      },
    ],
  },
  COPY: {
    summary: {
      en: "Copies files and directories from the **build context** (the folder you pass to `docker build`) — or from another stage or image with `--from` — into the image. Each COPY adds a layer.",
      ko: "**빌드 컨텍스트**(`docker build`에 넘긴 디렉터리)에 있는 파일과 디렉터리를 이미지 안으로 복사합니다. `--from`을 쓰면 다른 스테이지나 이미지에서 복사합니다. COPY마다 레이어가 하나 생깁니다.",
    },
    syntax: ['COPY [--from=<stage>] [--chown=<user>:<group>] [--chmod=<perms>] [--link] <src>... <dest>', 'COPY [OPTIONS] ["<src>", ... "<dest>"]'],
    example: 'WORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .',
    pitfalls: [
      {
        en: "Only files inside the build context can be copied: `COPY ../secrets.txt .` fails. Sources are relative to the context, not to the Dockerfile.",
        ko: "빌드 컨텍스트 안의 파일만 복사할 수 있습니다. `COPY ../secrets.txt .`는 실패합니다. 원본 경로는 Dockerfile 위치가 아니라 빌드 컨텍스트를 기준으로 합니다.",
      },
      {
        en: "COPY needs at least one source **and** a destination: `COPY ./app` alone fails. Write `COPY ./app /app/`.",
        ko: "COPY에는 원본과 **대상**이 모두 필요합니다. `COPY ./app`만 쓰면 실패하니 `COPY ./app /app/`처럼 쓰세요.",
      },
      {
        en: "Order for the cache: copy dependency files (`package.json`, `requirements.txt`) and install first, then copy the source. Copying all the code first re-runs the install on every code change.",
        ko: "캐시를 살리려면 의존성 파일(`package.json`, `requirements.txt`)을 먼저 복사해 설치하고, 그다음에 소스를 복사하세요. 코드를 먼저 통째로 복사하면 코드가 바뀔 때마다 설치가 다시 실행됩니다.",
      },
      {
        en: "`COPY . .` copies everything in the context, `.git`, `node_modules` and secret files included: list what to leave out in `.dockerignore`.",
        ko: "`COPY . .`는 `.git`, `node_modules`, 비밀 파일까지 컨텍스트의 모든 것을 복사합니다. 제외할 것은 `.dockerignore`에 적으세요.",
      },
      {
        en: "A destination that is a directory should end with `/`, and must when there are several sources. A relative destination is relative to WORKDIR. Copying a directory copies its *contents*, not the directory itself.",
        ko: "대상이 디렉터리면 `/`로 끝내세요. 원본이 여러 개면 반드시 `/`로 끝나야 합니다. 상대 경로 대상은 WORKDIR 기준이며, 디렉터리를 복사하면 디렉터리 자체가 아니라 그 *안의 내용*이 복사됩니다.",
      },
      {
        en: "Copied files belong to root, even after USER. Use `--chown=user:group` rather than a later `RUN chown -R`, which duplicates every file in a new layer.",
        ko: "복사된 파일은 USER를 바꾼 뒤에도 root 소유입니다. 나중에 `RUN chown -R`을 하면 모든 파일이 새 레이어에 한 번 더 저장되니, `--chown=사용자:그룹`을 쓰세요.",
      },
      {
        en: "Prefer COPY over ADD: COPY does exactly one predictable thing.",
        ko: "ADD보다 COPY를 쓰세요. COPY는 예측 가능한 한 가지 일만 합니다.",
      },
    ],
  },
  ADD: {
    summary: {
      en: "Like COPY, plus two extras: the source may be a **URL** or a **Git repository**, and a local **tar archive** (`.tar`, `.tar.gz`, `.tgz`, `.tar.bz2`, `.tar.xz`) is **extracted automatically** into the destination. Like COPY, each ADD adds a layer.",
      ko: "COPY와 같지만 두 가지가 더 있습니다. 원본으로 **URL**이나 **Git 저장소**를 쓸 수 있고, 로컬 **tar 압축 파일**(`.tar`, `.tar.gz`, `.tgz`, `.tar.bz2`, `.tar.xz`)은 대상 경로에 **자동으로 압축이 풀립니다**. COPY처럼 ADD도 하나마다 레이어가 생깁니다.",
    },
    syntax: ['ADD [--chown=<user>:<group>] [--chmod=<perms>] [--checksum=<hash>] [--link] <src>... <dest>', 'ADD [OPTIONS] ["<src>", ... "<dest>"]'],
    example: 'ADD webapp.tar.gz /var/www/html/\nADD --checksum=sha256:<hash> https://example.com/tool.tar.gz /tmp/',
    pitfalls: [
      {
        en: "**ADD vs COPY**: for plain local files use COPY. ADD's automatic behaviour makes it hard to see what ends up in the image (an archive you wanted to keep gets unpacked).",
        ko: "**ADD와 COPY**: 평범한 로컬 파일에는 COPY를 쓰세요. ADD는 자동으로 하는 일이 많아서 이미지에 무엇이 들어가는지 알기 어렵습니다(압축 파일 그대로 넣으려 했는데 풀려 버리는 식입니다).",
      },
      {
        en: "Archives downloaded from a URL are **not** extracted (unless `--unpack=true`); only local archives are.",
        ko: "URL에서 내려받은 압축 파일은 (`--unpack=true`가 아니면) 풀리지 **않습니다**. 자동 압축 해제는 로컬 파일에만 적용됩니다.",
      },
      {
        en: "A URL download is not verified and is re-checked on every build: pin it with `--checksum=sha256:…`, or use `RUN curl … && verify && extract && rm` in one layer.",
        ko: "URL 다운로드는 검증되지 않고 빌드할 때마다 다시 확인됩니다. `--checksum=sha256:…`으로 고정하거나, 한 RUN 안에서 `curl`로 받아 검증·압축 해제·삭제까지 하세요.",
      },
      {
        en: "As with COPY, sources must be inside the build context, and a directory destination should end with `/`.",
        ko: "COPY와 마찬가지로 원본은 빌드 컨텍스트 안에 있어야 하고, 대상이 디렉터리면 `/`로 끝내야 합니다.",
      },
    ],
  },
  WORKDIR: {
    summary: {
      en: "Sets the **working directory** for the following RUN, CMD, ENTRYPOINT, COPY and ADD, and for containers started from the image. The directory is **created** if it does not exist.",
      ko: "이후의 RUN, CMD, ENTRYPOINT, COPY, ADD와 이 이미지로 실행한 컨테이너의 **작업 디렉터리**를 정합니다. 디렉터리가 없으면 **자동으로 만들어집니다**.",
    },
    syntax: ['WORKDIR /path/to/workdir'],
    example: 'WORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]',
    pitfalls: [
      {
        en: "Use WORKDIR instead of `RUN cd /app`: a `cd` only lasts for its own RUN.",
        ko: "`RUN cd /app` 대신 WORKDIR을 쓰세요. `cd`는 그 RUN 안에서만 유효합니다.",
      },
      {
        en: "A relative path is relative to the previous WORKDIR: `WORKDIR /a` then `WORKDIR b` gives `/a/b`. Use absolute paths to stay clear.",
        ko: "상대 경로는 이전 WORKDIR을 기준으로 합니다. `WORKDIR /a` 다음에 `WORKDIR b`를 쓰면 `/a/b`가 됩니다. 헷갈리지 않게 절대 경로를 쓰세요.",
      },
      {
        en: "No need for `RUN mkdir -p` first. If the app must write there after USER, give that user the directory (`COPY --chown` or a `chown` in a RUN).",
        ko: "미리 `RUN mkdir -p`를 할 필요가 없습니다. USER로 바꾼 뒤 앱이 그 디렉터리에 써야 한다면 그 사용자에게 소유권을 주세요(`COPY --chown` 또는 RUN에서 `chown`).",
      },
    ],
  },
  USER: {
    summary: {
      en: "Sets the **user** (and optionally group) that runs the following RUN instructions and the container's process. Without it, everything runs as **root**.",
      ko: "이후의 RUN 명령과 컨테이너 프로세스를 실행할 **사용자**(선택적으로 그룹)를 정합니다. 지정하지 않으면 모든 것이 **root**로 실행됩니다.",
    },
    syntax: ['USER <user>[:<group>]', 'USER <UID>[:<GID>]'],
    example: 'RUN groupadd -r app && useradd -r -g app app\nCOPY --chown=app:app . /app\nUSER app',
    pitfalls: [
      {
        en: "Run the app as a non-root user: if it is compromised, root in the container is a much bigger foothold.",
        ko: "앱은 root가 아닌 사용자로 실행하세요. 앱이 뚫렸을 때 컨테이너 안의 root 권한은 훨씬 큰 위험이 됩니다.",
      },
      {
        en: "The user must exist: create it in an earlier RUN (`useradd`/`adduser`), or use a numeric UID.",
        ko: "사용자가 이미 있어야 합니다. 앞선 RUN에서 `useradd`/`adduser`로 만들거나 숫자 UID를 쓰세요.",
      },
      {
        en: "Switch user near the end: after `USER app`, package installs and writes to system folders fail with \"permission denied\".",
        ko: "사용자 전환은 뒤쪽에서 하세요. `USER app` 다음에는 패키지 설치나 시스템 폴더 쓰기가 \"permission denied\"로 실패합니다.",
      },
      {
        en: "USER does not change the owner of copied files: they stay root's unless you use `COPY --chown`.",
        ko: "USER는 복사되는 파일의 소유자를 바꾸지 않습니다. `COPY --chown`을 쓰지 않으면 root 소유로 남습니다.",
      },
    ],
  },
  SHELL: {
    summary: {
      en: "Changes the **shell** used by the shell form of RUN, CMD and ENTRYPOINT. The default is `[\"/bin/sh\", \"-c\"]` on Linux and `[\"cmd\", \"/S\", \"/C\"]` on Windows.",
      ko: "RUN, CMD, ENTRYPOINT의 셸 형식이 사용할 **셸**을 바꿉니다. 기본값은 리눅스에서 `[\"/bin/sh\", \"-c\"]`, 윈도우에서 `[\"cmd\", \"/S\", \"/C\"]`입니다.",
    },
    syntax: ['SHELL ["executable", "parameters"]'],
    example: 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/install.sh | bash',
    pitfalls: [
      {
        en: "Must be written in JSON (exec) form with double quotes.",
        ko: "반드시 큰따옴표를 쓴 JSON(exec) 형식으로 써야 합니다.",
      },
      {
        en: "Keep the flag that makes the shell read a command string (`-c` for sh/bash, `-Command` for PowerShell); without it the command is taken as a script file name.",
        ko: "셸이 명령 문자열을 읽게 하는 옵션(sh/bash는 `-c`, PowerShell은 `-Command`)을 빠뜨리지 마세요. 없으면 명령이 스크립트 파일 이름으로 해석됩니다.",
      },
      {
        en: "Mostly useful on Windows (switching between `cmd` and `powershell`) or to get bash features such as `pipefail`. It only affects instructions after it, and the shell must exist in the image.",
        ko: "주로 윈도우에서 `cmd`와 `powershell`을 오가거나, `pipefail` 같은 bash 기능이 필요할 때 씁니다. 뒤에 오는 명령어에만 적용되며, 그 셸이 이미지 안에 있어야 합니다.",
      },
    ],
  },
};
