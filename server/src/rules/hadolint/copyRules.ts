// COPY and ADD rules: ADD to extract archives (DL3010), COPY instead of ADD (DL3020), a directory
// destination for several sources (DL3021), --from names an earlier stage (DL3022) and not its own
// (DL3023), relative destinations need WORKDIR (DL3045), no whole-filesystem copies (DL3067).
import type { Instruction } from '../../model/types';
import type { Rule } from '../types';
import { closest } from '../closest';
import { hadolintMeta } from './meta';
import { runPart } from './runs';
import { argsNoFlags, commandsOf } from './shellView';
import { dropOuterQuotes as dropQuotes } from '../textTrim';

const ARCHIVE_EXTENSIONS = ['.tar', '.Z', '.bz2', '.gz', '.lz', '.lzma', '.tZ', '.tb2', '.tbz', '.tbz2', '.lz4', '.tgz', '.tlz', '.tpz', '.txz', '.xz', '.zst'];

const isArchive = (p: string): boolean => ARCHIVE_EXTENSIONS.some((e) => dropQuotes(p).endsWith(e));
const basename = (p: string): string => dropQuotes(p).split(/[\\/]/).pop() ?? '';

/** Sources and destination of COPY/ADD (JSON or plain form), as the words were written. */
export function copyParts(ins: Instruction): { sources: string[]; target: string | undefined } {
  const words = ins.json ?? ins.args.map((a) => a.raw);
  if (words.length < 2) return { sources: [], target: words[0] };
  return { sources: words.slice(0, -1), target: words[words.length - 1] };
}

const EXTRACTORS = new Set(['unzip', 'gunzip', 'bunzip2', 'unlzma', 'unxz', 'zgz', 'uncompress', 'zcat', 'gzcat']);

export const addToExtractArchives: Rule = {
  meta: hadolintMeta({
    id: 'add-to-extract-archives',
    code: 'DL3010',
    severity: 'info',
    title: { en: 'Use ADD to extract a local archive', ko: '로컬 압축 파일 풀기는 ADD로' },
    why: {
      en: 'COPY of an archive followed by `tar -x` in a RUN stores the archive in one layer and its contents in another, so the image holds both. `ADD archive.tar.gz /dest/` extracts it in one step and keeps only the files.',
      ko: '압축 파일을 COPY한 뒤 RUN에서 `tar -x`로 풀면 압축 파일과 풀린 내용이 서로 다른 레이어에 저장되어 이미지에 둘 다 남습니다. `ADD archive.tar.gz /dest/`는 한 번에 풀고 파일만 남깁니다.',
    },
    bad: 'FROM debian:12\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt',
    good: 'FROM debian:12\nADD app.tar.gz /opt/',
  }),
  check(ctx, report) {
    let archives: { name: string; ins: Instruction }[] = [];
    const reported = new Set<Instruction>();
    for (const ins of ctx.df.instructions) {
      if (ins.name === 'FROM') {
        archives = [];
        continue;
      }
      if (ins.name === 'COPY' && !ins.flags.some((f) => f.name === 'from')) {
        const { sources, target } = copyParts(ins);
        if (target && isArchive(target)) archives.push({ name: basename(target), ins });
        else for (const s of sources) if (isArchive(s)) archives.push({ name: basename(s), ins });
        continue;
      }
      const run = runPart(ins);
      if (!run || !archives.length || !ctx.isPosixShell(ins)) continue;
      for (const c of commandsOf(ctx, run)) {
        const tarExtract = c.name === 'tar' && c.args.some((a) => a.value === '--extract' || a.value === '--get' || (/^-[^-]/.test(a.value) && a.value.includes('x')));
        if (!tarExtract && !EXTRACTORS.has(c.name)) continue;
        const names = new Set(argsNoFlags(c).map((w) => basename(w.value)));
        for (const a of archives) {
          if (!names.has(a.name) || reported.has(a.ins)) continue;
          reported.add(a.ins);
          report({
            range: a.ins.keywordRange,
            message: {
              en: `"${a.name}" is copied and then extracted in a RUN: use ADD to extract it in one step, so the image does not keep both the archive and its contents.`,
              ko: `"${a.name}"을(를) 복사한 뒤 RUN에서 풀고 있습니다. ADD로 한 번에 풀면 이미지에 압축 파일과 내용이 함께 남지 않습니다.`,
            },
          });
        }
      }
    }
  },
};

export const useCopyNotAdd: Rule = {
  meta: hadolintMeta({
    id: 'use-copy-not-add',
    code: 'DL3020',
    severity: 'error',
    title: { en: 'Use COPY instead of ADD for files and folders', ko: '파일과 폴더에는 ADD 대신 COPY 사용' },
    why: {
      en: 'ADD has hidden extras: it extracts archives and downloads URLs. For plain files and folders COPY does the same job without surprises, so readers know nothing else happens.',
      ko: 'ADD에는 압축 풀기와 URL 다운로드 같은 숨은 기능이 있습니다. 일반 파일과 폴더는 COPY로도 똑같이 복사되고 뜻밖의 동작이 없어, 읽는 사람이 다른 일이 일어나지 않음을 알 수 있습니다.',
    },
    bad: 'FROM node:20\nADD package.json /app/',
    good: 'FROM node:20\nCOPY package.json /app/',
  }),
  check(ctx, report) {
    for (const ins of ctx.df.instructions) {
      if (ins.name !== 'ADD') continue;
      const { sources } = copyParts(ins);
      // A source held in a variable may well be a URL: only judge what is written out.
      const plain = sources.filter((s) => !s.startsWith('<<') && !dropQuotes(s).startsWith('$') && !isArchive(s) && !/^["']?(https?|git):\/\//.test(s) && !/^["']?git@/.test(s));
      if (!plain.length) continue;
      report({
        range: ins.keywordRange,
        message: {
          en: 'Use COPY instead of ADD for plain files and folders: ADD also extracts archives and downloads URLs, which COPY makes clear will not happen.',
          ko: '일반 파일과 폴더에는 ADD 대신 COPY를 쓰세요. ADD는 압축 풀기와 URL 다운로드도 하기 때문에, COPY를 써야 그런 일이 없다는 것이 분명해집니다.',
        },
        fixes: [{ title: { en: 'Change ADD to COPY', ko: 'ADD를 COPY로 바꾸기' }, preferred: true, edits: [{ range: ins.keywordRange, newText: ins.keyword === ins.keyword.toLowerCase() ? 'copy' : 'COPY' }] }],
      });
    }
  },
};

export const copyMultipleNeedsDirDest: Rule = {
  meta: hadolintMeta({
    id: 'copy-multiple-needs-dir-dest',
    code: 'DL3021',
    severity: 'error',
    title: { en: 'COPY of several sources needs a destination ending in /', ko: '여러 소스를 COPY하면 대상은 /로 끝나야 함' },
    why: {
      en: 'When COPY gets more than one source, the destination must be a directory, written with a trailing `/`. Otherwise Docker stops the build with an error.',
      ko: 'COPY에 소스가 둘 이상이면 대상은 디렉터리여야 하고, 끝에 `/`를 붙여 적어야 합니다. 그렇지 않으면 Docker가 오류를 내며 빌드를 멈춥니다.',
    },
    bad: 'FROM node:20\nCOPY package.json package-lock.json /app',
    good: 'FROM node:20\nCOPY package.json package-lock.json /app/',
  }),
  check(ctx, report) {
    for (const ins of ctx.df.instructions) {
      if (ins.name !== 'COPY') continue;
      const { sources, target } = copyParts(ins);
      if (sources.length < 2 || !target || dropQuotes(target).endsWith('/')) continue;
      const last = ins.json ? undefined : ins.args[ins.args.length - 1];
      report({
        range: last?.range ?? ins.argsRange,
        message: {
          en: `COPY with ${sources.length} sources needs a directory destination ending in "/" (${dropQuotes(target)}/): otherwise the build fails.`,
          ko: `소스가 ${sources.length}개인 COPY의 대상은 "/"로 끝나는 디렉터리여야 합니다 (${dropQuotes(target)}/). 그렇지 않으면 빌드가 실패합니다.`,
        },
        fixes: last && !last.raw.endsWith('"') && !last.raw.endsWith("'") ? [{ title: { en: 'Add a trailing /', ko: '끝에 / 붙이기' }, preferred: true, edits: [{ range: { start: last.range.end, end: last.range.end }, newText: '/' }] }] : [],
      });
    }
  },
};

export const copyFromKnownStage: Rule = {
  meta: hadolintMeta({
    id: 'copy-from-known-stage',
    code: 'DL3022',
    severity: 'warning',
    title: { en: 'COPY --from should name an earlier stage', ko: 'COPY --from은 앞의 스테이지를 가리켜야 함' },
    why: {
      en: 'COPY --from=name copies from the stage called name. If no earlier stage has that name, Docker treats it as an image to pull, which is rarely what you meant and fails if no such image exists.',
      ko: 'COPY --from=이름은 그 이름의 스테이지에서 복사합니다. 앞에 그런 이름의 스테이지가 없으면 Docker는 그것을 내려받을 이미지로 여기는데, 대개 의도한 것이 아니고 그런 이미지가 없으면 실패합니다.',
    },
    bad: 'FROM golang:1.23\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=build /app /app',
    good: 'FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=build /app /app',
  }),
  check(ctx, report) {
    // Stage names so far, lower-cased (Docker compares them so) to how they are written.
    const names = new Map<string, string>();
    let stages = 0;
    for (const ins of ctx.df.instructions) {
      if (ins.name === 'FROM') {
        const s = ctx.df.stages[ins.stageIndex];
        if (s.name) names.set(s.name.toLowerCase(), s.name);
        stages++;
        continue;
      }
      const copy = ins.name === 'COPY' ? ins : ins.trigger?.name === 'COPY' ? ins.trigger : undefined;
      const from = copy?.flags.find((f) => f.name === 'from');
      if (!from?.value || from.value.includes('$')) continue;
      const v = from.value;
      if (names.has(v.toLowerCase())) continue;
      if (/^\d+$/.test(v) && Number(v) < stages - 1) continue;
      if (v.includes(':') || v.includes('/') || v.includes('@')) continue;
      // A misspelt stage name (`--from=biulder`) is the usual cause: name the stage it was meant to be.
      const meant = closest(v, names.values(), { ignoreCase: true });
      report({
        range: from.range,
        message: {
          en: `No earlier stage is named "${v}"${meant ? ` (did you mean "${meant}"?)` : ''}: name a stage defined above (FROM … AS ${v}), or Docker will try to pull an image called "${v}".`,
          ko: `"${v}"라는 이름의 앞 스테이지가 없습니다${meant ? ` ("${meant}"을(를) 말씀하신 건가요?)` : ''}. 위에서 정의한 스테이지(FROM … AS ${v})를 가리키세요. 그렇지 않으면 Docker가 "${v}"라는 이미지를 내려받으려 합니다.`,
        },
        fixes: meant && from.valueRange ? [{ title: { en: `Change to ${meant}`, ko: `${meant}(으)로 바꾸기` }, preferred: true, edits: [{ range: from.valueRange, newText: meant }] }] : [],
      });
    }
  },
};

export const copyFromOwnStage: Rule = {
  meta: hadolintMeta({
    id: 'copy-from-own-stage',
    code: 'DL3023',
    severity: 'error',
    title: { en: 'COPY --from cannot name its own stage', ko: 'COPY --from은 자기 스테이지를 가리킬 수 없음' },
    why: {
      en: 'A stage cannot copy from itself: while it is being built, its own result does not exist yet. Docker stops with an error.',
      ko: '스테이지는 자기 자신에게서 복사할 수 없습니다. 빌드 중에는 아직 그 결과가 없기 때문입니다. Docker는 오류를 내며 멈춥니다.',
    },
    bad: 'FROM node:20 AS build\nCOPY --from=build /app/dist /srv',
    good: 'FROM node:20 AS build\nRUN npm run build\nFROM nginx:1.27\nCOPY --from=build /app/dist /srv',
  }),
  check(ctx, report) {
    for (const ins of ctx.df.instructions) {
      if (ins.name !== 'COPY' || ins.stageIndex < 0) continue;
      const from = ins.flags.find((f) => f.name === 'from');
      const stage = ctx.df.stages[ins.stageIndex];
      if (!from?.value || !stage.name || from.value.toLowerCase() !== stage.name.toLowerCase()) continue;
      report({
        range: from.range,
        message: {
          en: `COPY --from=${from.value} names the stage it is in: a stage cannot copy from itself, because its result does not exist yet.`,
          ko: `COPY --from=${from.value}은(는) 자신이 속한 스테이지를 가리킵니다. 스테이지는 아직 결과가 없으므로 자기 자신에게서 복사할 수 없습니다.`,
        },
      });
    }
  },
};

export const copyRelativeWithoutWorkdir: Rule = {
  meta: hadolintMeta({
    id: 'copy-relative-without-workdir',
    code: 'DL3045',
    severity: 'warning',
    title: { en: 'COPY to a relative path without WORKDIR', ko: 'WORKDIR 없이 상대 경로로 COPY' },
    why: {
      en: 'A relative COPY destination is resolved against the working directory. Without a WORKDIR in the stage, that directory comes from the base image and may change when the base image does. Set WORKDIR or use an absolute path.',
      ko: 'COPY의 상대 경로 대상은 작업 디렉터리를 기준으로 합니다. 스테이지에 WORKDIR이 없으면 그 디렉터리는 기반 이미지가 정하고, 기반 이미지가 바뀌면 달라질 수 있습니다. WORKDIR을 설정하거나 절대 경로를 쓰세요.',
    },
    bad: 'FROM node:20\nCOPY package.json .',
    good: 'FROM node:20\nWORKDIR /app\nCOPY package.json .',
  }),
  check(ctx, report) {
    // WORKDIR set per stage key (alias, else image name); a stage built FROM another inherits it.
    const setIn = new Map<string, boolean>();
    let current = '';
    for (const ins of ctx.df.instructions) {
      if (ins.name === 'FROM') {
        const s = ctx.df.stages[ins.stageIndex];
        const key = s.name ?? s.image;
        setIn.set(key, setIn.get(s.image) ?? false);
        current = key;
        continue;
      }
      const inner = ins.name === 'ONBUILD' ? ins.trigger : ins;
      if (!inner) continue;
      if (inner.name === 'WORKDIR') {
        setIn.set(current, true);
        continue;
      }
      if (inner.name !== 'COPY' || setIn.get(current)) continue;
      const { target } = copyParts(inner);
      if (!target) continue;
      const dest = dropQuotes(target);
      if (dest.startsWith('/') || dest.startsWith('$') || /^[A-Za-z]:[\\/]/.test(dest)) continue;
      report({
        range: inner.args[inner.args.length - 1]?.range ?? inner.argsRange,
        message: {
          en: `"${dest}" is relative but this stage sets no WORKDIR: the files land in whatever directory the base image uses. Set WORKDIR first or use an absolute path.`,
          ko: `"${dest}"은(는) 상대 경로인데 이 스테이지에는 WORKDIR이 없습니다. 파일이 기반 이미지가 정한 디렉터리에 놓입니다. 먼저 WORKDIR을 설정하거나 절대 경로를 쓰세요.`,
        },
      });
    }
  },
};

export const copyWholeFilesystem: Rule = {
  meta: hadolintMeta({
    id: 'copy-whole-filesystem',
    code: 'DL3067',
    severity: 'warning',
    title: { en: 'Do not copy a whole filesystem from another stage', ko: '다른 스테이지의 파일 시스템 전체를 복사하지 않기' },
    why: {
      en: '`COPY --from=stage / /` copies everything of that stage, including its package manager, caches and build tools, over your image. That defeats the point of a multi-stage build. Copy only the files you need.',
      ko: '`COPY --from=stage / /`는 그 스테이지의 패키지 관리자, 캐시, 빌드 도구까지 전부 이미지 위에 복사합니다. 멀티 스테이지 빌드의 의미가 없어집니다. 필요한 파일만 복사하세요.',
    },
    bad: 'FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=build / /',
    good: 'FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=build /out/app /usr/local/bin/app',
  }),
  check(ctx, report) {
    for (const ins of ctx.df.instructions) {
      if (ins.name !== 'COPY' || !ins.flags.some((f) => f.name === 'from')) continue;
      const { sources, target } = copyParts(ins);
      if (!target || dropQuotes(target) !== '/' || !sources.some((s) => dropQuotes(s) === '/')) continue;
      report({
        range: ins.argsRange,
        message: {
          en: 'This copies the whole filesystem of another stage (or image), build tools and caches included: copy only the files the final image needs.',
          ko: '다른 스테이지(또는 이미지)의 파일 시스템 전체를 빌드 도구와 캐시까지 복사합니다. 최종 이미지에 필요한 파일만 복사하세요.',
        },
      });
    }
  },
};
