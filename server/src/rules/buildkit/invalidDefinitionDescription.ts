// BuildKit InvalidDefinitionDescription (experimental): a comment right above an ARG or a named
// stage should start with its name (`# VERSION the release to build`), so tools can show it.
import type { Rule } from '../types';

export const invalidDefinitionDescription: Rule = {
  meta: {
    id: 'invalid-definition-description',
    aliases: ['InvalidDefinitionDescription'],
    severity: 'warning',
    source: 'buildkit',
    defaultOff: true,
    title: { en: 'Comment above ARG or stage should start with its name', ko: 'ARG나 스테이지 위 주석은 그 이름으로 시작하세요' },
    why: {
      en: 'Build tools (like `docker buildx build --call=outline`) show the comment right above an ARG or stage as its description, but only when the comment starts with the name. Otherwise separate the comment with a blank line.',
      ko: '빌드 도구(`docker buildx build --call=outline` 등)는 ARG나 스테이지 바로 위 주석을 설명으로 보여 주지만, 주석이 그 이름으로 시작할 때만 그렇습니다. 아니라면 빈 줄로 주석을 떼어 놓으세요.',
    },
    bad: '# the version to build\nARG VERSION=1.0\nFROM alpine:3.20',
    good: '# VERSION the version to build\nARG VERSION=1.0\nFROM alpine:3.20',
  },
  check(ctx, report) {
    const commentAt = new Map(ctx.df.comments.filter((c) => !c.insideInstruction).map((c) => [c.line, c]));
    for (const ins of ctx.df.instructions) {
      let names: string[];
      if (ins.name === 'ARG') names = ins.pairs.map((p) => p.key);
      else if (ins.name === 'FROM') {
        const stage = ctx.df.stages[ins.stageIndex];
        names = stage?.name ? [stage.name] : [];
      } else continue;
      if (!names.length) continue;
      // The comment block directly above; its first non-empty line is the description.
      let line = ins.startLine - 1;
      while (commentAt.has(line)) line--;
      const texts: string[] = [];
      for (let l = line + 1; l < ins.startLine; l++) texts.push(commentAt.get(l)?.text.trim() ?? '');
      const first = texts.find((t) => t !== '');
      if (first === undefined) continue;
      const word = first.split(/\s+/)[0];
      if (names.includes(word)) continue;
      report({
        range: ins.keywordRange,
        message: {
          en: `The comment above this ${ins.name} reads as its description, so it should start with the name: '# ${names[0]} <description>' (or leave a blank line between them).`,
          ko: `이 ${ins.name} 위의 주석은 설명으로 읽히므로 이름으로 시작해야 합니다: '# ${names[0]} <설명>' (아니면 사이에 빈 줄을 두세요).`,
        },
      });
    }
  },
};
