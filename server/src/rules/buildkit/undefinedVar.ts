// BuildKit UndefinedVar: a `$VAR` in an instruction Docker expands (COPY, ENV, WORKDIR, …) that no
// ARG or ENV defined before it. RUN/CMD/ENTRYPOINT are expanded by the shell at run time and are
// left to undefined-var-typo.
import type { Dockerfile, Instruction, Stage } from '../../model/types';
import { closest } from '../closest';
import type { Finding, Rule, Text } from '../types';
import { BUILTIN_ARGS, globalArgs, rootImage, scanVariables, stageScopes, WELL_KNOWN_ENV, type NameScope, type VarRef } from './scope';

/** Instructions whose arguments Docker itself expands (BuildKit's list, RUN and friends excluded). */
const EXPANDED = new Set(['ADD', 'COPY', 'ENV', 'ARG', 'LABEL', 'WORKDIR', 'USER', 'EXPOSE', 'STOPSIGNAL', 'VOLUME']);

/** Base images that define no environment variables beyond PATH (so an unknown name really is undefined). */
const BARE_IMAGES = /^(?:(?:docker\.io\/)?(?:library\/)?)?(scratch|alpine|busybox|debian|ubuntu|fedora|centos|rockylinux|almalinux|amazonlinux|archlinux|opensuse\/[a-z]+|oraclelinux|photon|clearlinux|cgr\.dev\/chainguard\/wolfi-base)(?::[^@]*)?(?:@.*)?$/i;

export function baseIsBare(df: Dockerfile, stage: Stage): boolean {
  const root = rootImage(df, stage);
  return !root.includes('$') && BARE_IMAGES.test(root);
}

export interface UndefinedUse {
  ins: Instruction;
  ref: VarRef;
  suggestion: string | undefined;
  message: Text;
}

/** Undefined references in one instruction, given what is defined before it. */
export function undefinedUses(df: Dockerfile, ins: Instruction, defined: NameScope, bare: boolean, globals: Map<string, string | undefined>): UndefinedUse[] {
  const out: UndefinedUse[] = [];
  const ownKeys = new Set(ins.pairs.map((p) => p.key));
  for (const ref of scanVariables(ins.argsText, df.escapeChar)) {
    const name = ref.name;
    if (defined.has(name) || BUILTIN_ARGS.has(name) || WELL_KNOWN_ENV.has(name) || ownKeys.has(name)) continue;
    // ${X:-default} and friends say "X may be unset" on purpose.
    if (ref.modifier) continue;
    const candidates = [...defined.names(), ...globals.keys(), ...WELL_KNOWN_ENV];
    const maybeFromImage = !bare && name === name.toUpperCase();
    // An unknown upper-case name may come from the base image's ENV (NODE_VERSION, JAVA_HOME …),
    // which we cannot see: report it only when it is one edit from a known name or the base is bare.
    const suggestion = closest(name, candidates, maybeFromImage ? { maxDistance: 1 } : {});
    if (globals.has(name)) {
      if (maybeFromImage) continue;
      out.push({
        ins,
        ref,
        suggestion: undefined,
        message: {
          en: `'${name}' is a global ARG, but global ARGs are not visible inside a stage until you repeat 'ARG ${name}' in it: here it expands to an empty string.`,
          ko: `'${name}'은 전역 ARG지만, 스테이지 안에서 'ARG ${name}'을 다시 적기 전에는 보이지 않습니다. 여기서는 빈 문자열이 됩니다.`,
        },
      });
      continue;
    }
    if (maybeFromImage && !suggestion) continue;
    const hint = suggestion ? { en: ` Did you mean ${suggestion}?`, ko: ` ${suggestion}을(를) 말씀하신 건가요?` } : { en: '', ko: '' };
    out.push({
      ins,
      ref,
      suggestion,
      message: {
        en: `Variable '${name}' is not defined by any ARG or ENV before this line, so it expands to an empty string.${hint.en}`,
        ko: `변수 '${name}'은 이 줄 앞의 어떤 ARG나 ENV로도 정의되지 않아 빈 문자열이 됩니다.${hint.ko}`,
      },
    });
  }
  return out;
}

export function typoFix(ins: Instruction, ref: VarRef, suggestion: string): Finding['fixes'] {
  return [
    {
      title: { en: `Change to ${suggestion}`, ko: `${suggestion}(으)로 바꾸기` },
      preferred: true,
      edits: [{ range: { start: ins.positionAt(ref.nameStart), end: ins.positionAt(ref.nameEnd) }, newText: suggestion }],
    },
  ];
}

export const undefinedVar: Rule = {
  meta: {
    id: 'undefined-var',
    aliases: ['UndefinedVar'],
    severity: 'warning',
    source: 'buildkit',
    title: { en: 'Variable used before it is defined', ko: '정의되기 전에 쓰인 변수' },
    why: {
      en: 'Docker replaces an unknown `$VAR` with an empty string without any error, so `COPY $SRC .` silently copies the whole context and a typo in a name goes unnoticed.',
      ko: 'Docker는 모르는 `$VAR`를 오류 없이 빈 문자열로 바꿉니다. 그래서 `COPY $SRC .`는 조용히 컨텍스트 전체를 복사하고, 이름의 오타도 눈에 띄지 않습니다.',
    },
    bad: 'FROM alpine:3.20\nARG DIR_ASSETS=assets/\nCOPY $DIR_ASSET /srv/',
    good: 'FROM alpine:3.20\nARG DIR_ASSETS=assets/\nCOPY $DIR_ASSETS /srv/',
  },
  check(ctx, report) {
    const scopes = stageScopes(ctx.df);
    const globals = globalArgs(ctx.df);
    for (const stage of ctx.df.stages) {
      const bare = baseIsBare(ctx.df, stage);
      for (const ins of stage.instructions) {
        if (!EXPANDED.has(ins.name)) continue;
        for (const u of undefinedUses(ctx.df, ins, scopes.definedBefore(ins), bare, globals)) {
          report({
            range: { start: ins.positionAt(u.ref.start), end: ins.positionAt(u.ref.end) },
            message: u.message,
            fixes: u.suggestion ? typoFix(ins, u.ref, u.suggestion) : [],
          });
        }
      }
    }
  },
};
