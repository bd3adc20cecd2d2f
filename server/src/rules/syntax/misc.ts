// Smaller validity checks: exec form written with single quotes, ENV/LABEL/ARG pairs Docker cannot
// read, a file that does not start with FROM, and `${VAR…}` modifiers Docker does not support.
import type { Rule } from '../types';
import { syntaxMeta } from './meta';
import { stagelessInstructions } from '../preamble';

const EXEC_FORM = new Set(['CMD', 'ENTRYPOINT', 'RUN', 'VOLUME', 'SHELL', 'ADD', 'COPY']);

export const jsonInSingleQuotes: Rule = {
  meta: syntaxMeta({
    id: 'json-in-single-quotes',
    severity: 'warning',
    // On CMD and ENTRYPOINT, DL3025 reports the same slip (and names it): one diagnostic.
    sameProblemAs: ['DL3025'],
    title: { en: 'Exec form written with single quotes', ko: '작은따옴표로 쓴 exec 형식' },
    why: { en: "JSON needs double quotes. `CMD ['node', 'app.js']` is not JSON, so Docker runs it in shell form as the literal text ['node', — which fails at run time.", ko: "JSON에는 큰따옴표가 필요합니다. `CMD ['node', 'app.js']`는 JSON이 아니어서 Docker가 shell 형식으로 ['node', 라는 글자 그대로 실행해 실행 시점에 실패합니다." },
    bad: "FROM node:20\nCMD ['node', 'app.js']",
    good: 'FROM node:20\nCMD ["node", "app.js"]',
  }),
  check(ctx, report) {
    for (const outer of ctx.df.instructions) {
      const ins = outer.name === 'ONBUILD' ? outer.trigger : outer;
      if (!ins || !EXEC_FORM.has(ins.name) || !ins.looksLikeJson || ins.json || !ins.args.length) continue;
      const text = ins.argsText.slice(ins.args[0].start);
      if (!/^\[\s*'/.test(text)) continue;
      const converted = text.includes('"') ? undefined : text.replace(/'/g, '"');
      report({
        range: ins.argsRange,
        message: { en: `${ins.name} uses single quotes, so it is not JSON and runs in shell form: use double quotes.`, ko: `${ins.name}이 작은따옴표를 써서 JSON이 아니므로 shell 형식으로 실행됩니다. 큰따옴표를 쓰세요.` },
        fixes: converted ? [{ title: { en: 'Use double quotes', ko: '큰따옴표로 바꾸기' }, preferred: true, edits: [{ range: { start: ins.args[0].range.start, end: ins.argsRange.end }, newText: converted }] }] : [],
      });
    }
  },
};

export const invalidKeyValue: Rule = {
  meta: syntaxMeta({
    id: 'invalid-key-value',
    title: { en: 'ENV/LABEL/ARG pair Docker cannot read', ko: 'Docker가 읽을 수 없는 ENV/LABEL/ARG 쌍' },
    why: { en: 'Once a line uses key=value, every word must be key=value, names cannot be empty, and quotes must be closed. Otherwise Docker stops with a syntax error.', ko: '한 줄에서 key=value를 쓰면 모든 단어가 key=value여야 하고, 이름이 비면 안 되며, 따옴표는 닫아야 합니다. 아니면 Docker가 문법 오류로 멈춥니다.' },
    bad: 'FROM alpine:3.20\nENV A=1 B',
    good: 'FROM alpine:3.20\nENV A=1 B=2',
  }),
  check(ctx, report) {
    for (const outer of ctx.df.instructions) {
      const ins = outer.name === 'ONBUILD' ? outer.trigger : outer;
      if (!ins || (ins.name !== 'ENV' && ins.name !== 'LABEL' && ins.name !== 'ARG')) continue;
      const a = ins.args;
      if (!a.length) continue;
      const kvForm = a[0].raw.includes('=');
      for (const t of a) {
        const quotes = t.raw.replace(/\\./g, '');
        const dq = (quotes.match(/"/g) ?? []).length;
        const sq = (quotes.replace(/"[^"]*"/g, '').match(/'/g) ?? []).length;
        if (dq % 2 === 1 || sq % 2 === 1) {
          report({ range: t.range, message: { en: `Unclosed ${dq % 2 === 1 ? 'double' : 'single'} quote in '${t.raw}'.`, ko: `'${t.raw}'에 닫히지 않은 ${dq % 2 === 1 ? '큰' : '작은'}따옴표가 있습니다.` } });
        } else if (t.raw.startsWith('=')) {
          report({ range: t.range, message: { en: `'${t.raw}' has no name before '='.`, ko: `'${t.raw}'의 '=' 앞에 이름이 없습니다.` } });
        } else if (ins.name !== 'ARG' && kvForm && !t.raw.includes('=')) {
          report({ range: t.range, message: { en: `'${t.raw}' has no '=': in the key=value form every word needs one (${t.raw}=value).`, ko: `'${t.raw}'에 '='가 없습니다. key=value 형식에서는 모든 단어에 '='가 필요합니다(${t.raw}=값).` } });
        }
      }
      if (ins.name === 'LABEL' && a.length === 1 && !a[0].raw.includes('=')) {
        report({ range: a[0].range, message: { en: `LABEL ${a[0].raw} has no value: write LABEL ${a[0].raw}=value.`, ko: `LABEL ${a[0].raw}에 값이 없습니다. LABEL ${a[0].raw}=값 으로 쓰세요.` } });
      }
    }
  },
};

export const noSourceImage: Rule = {
  meta: syntaxMeta({
    id: 'no-source-image',
    sameProblemAs: ['DL3061'],
    title: { en: 'The file must start with FROM', ko: '파일은 FROM으로 시작해야 합니다' },
    why: { en: 'Every build starts from a base image, so the first instruction must be FROM (only ARG may come before it, to parameterise the FROM).', ko: '모든 빌드는 베이스 이미지에서 시작하므로 첫 명령어는 FROM이어야 합니다(FROM을 매개변수화하는 ARG만 앞에 올 수 있습니다).' },
    bad: 'RUN echo hi\nFROM alpine:3.20',
    good: 'ARG VERSION=3.20\nFROM alpine:${VERSION}',
  }),
  check(ctx, report) {
    const [first] = stagelessInstructions(ctx.df);
    if (first) report({ range: first.keywordRange, message: { en: `${first.keyword} comes before any FROM: only ARG may precede the first FROM.`, ko: `${first.keyword}이(가) FROM보다 앞에 있습니다. 첫 FROM 앞에는 ARG만 올 수 있습니다.` } });
  },
};

export const invalidVariableModifier: Rule = {
  meta: syntaxMeta({
    id: 'invalid-variable-modifier',
    title: { en: 'Unsupported ${VAR…} modifier', ko: '지원하지 않는 ${VAR…} 수식자' },
    why: { en: 'Dockerfiles support only ${VAR:-default}, ${VAR:+alt} and ${VAR:?message} (and the forms without the colon) in instructions Docker expands. Other shell tricks like ${VAR:0:3} fail the build.', ko: 'Dockerfile은 Docker가 직접 펼치는 명령어에서 ${VAR:-기본값}, ${VAR:+대체값}, ${VAR:?메시지}(콜론 없는 형태 포함)만 지원합니다. ${VAR:0:3} 같은 다른 셸 기법은 빌드를 실패시킵니다.' },
    bad: 'FROM alpine:3.20\nARG V=1.2.3\nLABEL major=${V:0:1}',
    good: 'FROM alpine:3.20\nARG V=1.2.3\nLABEL version=${V:-1.0.0}',
  }),
  check(ctx, report) {
    for (const ins of ctx.df.instructions) {
      // RUN/CMD/ENTRYPOINT are expanded by the shell, which supports far more.
      if (['RUN', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK', 'SHELL', 'ONBUILD'].includes(ins.name)) continue;
      for (const m of ins.argsText.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)([^A-Za-z0-9_}][^}]*)?\}/g)) {
        const mod = m[2];
        // :-  :+  :?  (and without the colon), plus the #, %, / pattern forms newer BuildKit supports.
        if (!mod || /^:?[-+?]|^[#%/]/.test(mod)) continue;
        const start = m.index ?? 0;
        report({ range: { start: ins.positionAt(start), end: ins.positionAt(start + m[0].length) }, message: { en: `'${m[0]}' uses a modifier Docker does not support here; use :-, :+, :? (or -, +, ?), or the #, % and / pattern forms.`, ko: `'${m[0]}'은 여기서 Docker가 지원하지 않는 수식자를 씁니다. :-, :+, :?(또는 -, +, ?)나 #, %, / 패턴 형식을 쓰세요.` } });
      }
    }
  },
};
