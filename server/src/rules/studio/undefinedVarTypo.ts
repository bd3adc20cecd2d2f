// Studio rule: a `$VAR` in a shell command (RUN, shell-form CMD/ENTRYPOINT/HEALTHCHECK) that nothing
// defines, while a defined ARG/ENV is a small typo away ("did you mean NODE_VERSION?"). Instructions
// Docker expands itself (COPY, ENV, …) are covered by BuildKit's UndefinedVar with the same hint.
import { closest } from '../closest';
import { BUILTIN_ARGS, globalArgs, scanVariables, stageScopes, WELL_KNOWN_ENV } from '../buildkit/scope';
import { typoFix } from '../buildkit/undefinedVar';
import type { Rule } from '../types';

const SHELL_VARS = new Set(['PWD', 'OLDPWD', 'RANDOM', 'UID', 'EUID', 'PPID', 'IFS', 'LINENO', 'SECONDS', 'OPTARG', 'OPTIND', 'REPLY', 'HOSTTYPE', 'OSTYPE', 'MACHTYPE', 'PIPESTATUS', 'FUNCNAME', 'GROUPS', 'SHLVL', 'BASH_SOURCE', 'BASH_VERSION', 'TMPDIR', 'DEBIAN_FRONTEND']);
const SHELL_RUN = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK']);

/** Names a script defines for itself: `X=…`, `export X`, `for X in`, `read X`, `local X`. */
function scriptDefined(script: string): Set<string> {
  const out = new Set<string>();
  for (const m of script.matchAll(/(?:^|[\s;&|(`])(?:export\s+|local\s+|declare\s+(?:-\w+\s+)?|readonly\s+)?([A-Za-z_][A-Za-z0-9_]*)\+?=/g)) out.add(m[1]);
  for (const m of script.matchAll(/\b(?:for|read(?:\s+-\w+)*|export|local|unset)\s+([A-Za-z_][A-Za-z0-9_]*)/g)) out.add(m[1]);
  return out;
}

export const undefinedVarTypo: Rule = {
  meta: {
    id: 'undefined-var-typo',
    aliases: [],
    severity: 'warning',
    source: 'studio',
    title: { en: 'Variable name looks like a typo', ko: '변수 이름이 오타 같습니다' },
    why: {
      en: 'The shell replaces an unknown `$VAR` with an empty string and carries on, so `$NODE_VESION` instead of `$NODE_VERSION` gives a broken URL or path without any error message.',
      ko: '셸은 모르는 `$VAR`를 빈 문자열로 바꾸고 그대로 진행합니다. 그래서 `$NODE_VERSION` 대신 `$NODE_VESION`이라고 쓰면 오류 메시지 없이 URL이나 경로가 망가집니다.',
    },
    bad: 'FROM ubuntu:22.04\nENV NODE_VERSION=20.11.0\nRUN curl -fsSLO "https://nodejs.org/dist/v$NODE_VESION/node-v$NODE_VERSION-linux-x64.tar.xz"',
    good: 'FROM ubuntu:22.04\nENV NODE_VERSION=20.11.0\nRUN curl -fsSLO "https://nodejs.org/dist/v$NODE_VERSION/node-v$NODE_VERSION-linux-x64.tar.xz"',
  },
  check(ctx, report) {
    const scopes = stageScopes(ctx.df);
    const globals = globalArgs(ctx.df);
    for (const stage of ctx.df.stages) {
      for (const ins of stage.instructions) {
        if (!SHELL_RUN.has(ins.name) || ins.json || !ctx.isPosixShell(ins)) continue;
        // Heredoc bodies whose delimiter is not quoted are expanded by the shell too.
        const bodies = ins.heredocs.filter((h) => !h.quoted);
        // Most instructions use no variable at all: skip the scope and script scans for them.
        if (!ins.argsText.includes('$') && !bodies.some((h) => h.body.includes('$'))) continue;
        const defined = scopes.definedBefore(ins);
        // What the script defines for itself is only needed once a name is not defined elsewhere.
        let own: Set<string> | undefined;
        let candidates: string[] | undefined;
        const suggest = (name: string): string | undefined => {
          if (name.length < 3 || defined.has(name) || BUILTIN_ARGS.has(name) || WELL_KNOWN_ENV.has(name) || SHELL_VARS.has(name)) return undefined;
          own ??= scriptDefined([ins.argsText, ...bodies.map((h) => h.body)].join('\n'));
          if (own.has(name)) return undefined;
          candidates ??= [...defined.names(), ...globals.keys(), ...BUILTIN_ARGS];
          return closest(name, candidates);
        };
        const message = (name: string, suggestion: string) => ({
          en: `'${name}' is not defined anywhere, so the shell turns it into an empty string. Did you mean ${suggestion}?`,
          ko: `'${name}'은 어디에서도 정의되지 않아 셸이 빈 문자열로 바꿉니다. ${suggestion}을(를) 말씀하신 건가요?`,
        });
        // ${X:-default} and friends say "X may be unset" on purpose.
        for (const ref of scanVariables(ins.argsText, ctx.df.escapeChar)) {
          if (ref.modifier) continue;
          const suggestion = suggest(ref.name);
          if (suggestion) report({ range: { start: ins.positionAt(ref.start), end: ins.positionAt(ref.end) }, message: message(ref.name, suggestion), fixes: typoFix(ins, ref, suggestion) });
        }
        for (const h of bodies) {
          h.body.split('\n').forEach((text, i) => {
            const line = h.bodyStartLine + i;
            for (const ref of scanVariables(text, '\\')) {
              if (ref.modifier) continue;
              const suggestion = suggest(ref.name);
              if (!suggestion) continue;
              const at = (c: number) => ({ line, character: c });
              report({
                range: { start: at(ref.start), end: at(ref.end) },
                message: message(ref.name, suggestion),
                fixes: [{ title: { en: `Change to ${suggestion}`, ko: `${suggestion}(으)로 바꾸기` }, preferred: true, edits: [{ range: { start: at(ref.nameStart), end: at(ref.nameEnd) }, newText: suggestion }] }],
              });
            }
          });
        }
      }
    }
  },
};
