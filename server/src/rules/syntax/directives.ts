// Parser directives at the top of the file: `# escape=` must be \ or `, a directive appears once,
// and directive names are written in lowercase.
import type { Rule } from '../types';
import { syntaxMeta } from './meta';

export const invalidEscapeDirective: Rule = {
  meta: syntaxMeta({
    id: 'invalid-escape-directive',
    title: { en: 'Invalid escape directive', ko: '잘못된 escape 지시어' },
    why: { en: 'The escape character can only be a backslash (the default) or a backtick (handy for Windows paths). Any other value stops the build.', ko: 'escape 문자는 백슬래시(기본값)나 백틱(Windows 경로에 편리)만 될 수 있습니다. 다른 값은 빌드를 멈춥니다.' },
    bad: '# escape=/\nFROM alpine:3.20',
    good: '# escape=`\nFROM alpine:3.20',
  }),
  check(ctx, report) {
    for (const d of ctx.df.directives) {
      if (d.name !== 'escape' || d.value === '\\' || d.value === '`') continue;
      report({ range: d.valueRange, message: { en: `'${d.value}' cannot be the escape character: use \\ or \`.`, ko: `'${d.value}'은 escape 문자가 될 수 없습니다. \\ 나 \`를 쓰세요.` } });
    }
  },
};

export const duplicateDirective: Rule = {
  meta: syntaxMeta({
    id: 'duplicate-directive',
    severity: 'warning',
    title: { en: 'Parser directive given twice', ko: '파서 지시어가 두 번 있습니다' },
    why: { en: 'Each parser directive (syntax, escape, check) may appear only once at the top of the file; a repeated one is ignored or rejected, so what you see is not what Docker uses.', ko: '파서 지시어(syntax, escape, check)는 파일 맨 위에 한 번만 쓸 수 있습니다. 반복된 것은 무시되거나 거부되어, 보이는 것과 Docker가 쓰는 것이 달라집니다.' },
    bad: '# escape=`\n# escape=\\\nFROM alpine:3.20',
    good: '# escape=`\nFROM alpine:3.20',
  }),
  check(ctx, report) {
    const seen = new Set<string>();
    for (const d of ctx.df.directives) {
      if (seen.has(d.name)) report({ range: d.range, message: { en: `The '${d.name}' directive is already set above: only the first one counts. Remove this line.`, ko: `'${d.name}' 지시어는 위에서 이미 정했습니다. 첫 번째만 유효하니 이 줄을 지우세요.` }, fixes: [{ title: { en: 'Remove the duplicate directive', ko: '중복 지시어 지우기' }, edits: [{ range: { start: { line: d.line, character: 0 }, end: { line: d.line + 1, character: 0 } }, newText: '' }] }] });
      seen.add(d.name);
    }
  },
};

export const directiveCasing: Rule = {
  meta: syntaxMeta({
    id: 'directive-casing',
    severity: 'warning',
    title: { en: 'Parser directive names should be lowercase', ko: '파서 지시어 이름은 소문자로 쓰세요' },
    why: { en: 'Directive names are case-insensitive, but lowercase is the convention every example and tool uses.', ko: '지시어 이름은 대소문자를 가리지 않지만, 모든 예제와 도구는 소문자를 씁니다.' },
    bad: '# ESCAPE=`\nFROM alpine:3.20',
    good: '# escape=`\nFROM alpine:3.20',
  }),
  check(ctx, report) {
    for (const d of ctx.df.directives) {
      const written = ctx.df.lines[d.line].slice(d.nameRange.start.character, d.nameRange.end.character);
      if (written === written.toLowerCase()) continue;
      report({ range: d.nameRange, message: { en: `Write the directive name in lowercase: '${written.toLowerCase()}'.`, ko: `지시어 이름을 소문자 '${written.toLowerCase()}'로 쓰세요.` }, fixes: [{ title: { en: `Change to '${written.toLowerCase()}'`, ko: `'${written.toLowerCase()}'(으)로 바꾸기` }, preferred: true, edits: [{ range: d.nameRange, newText: written.toLowerCase() }] }] });
    }
  },
};
