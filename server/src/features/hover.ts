// Hover for learning, served from the cached model (never re-parsed): instruction keywords,
// flags and `--mount` keys, parser directives, `$VAR` references (resolved value and where it is
// defined), ARG/ENV declarations, stage names, and the documentation of the lint rule behind any
// diagnostic under the cursor. Texts come from docs/ in the client's language.
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver/node';
import { instructionAtLine, rangeContains } from '../model/query';
import type { Dockerfile, Flag, Instruction, Position, Range } from '../model/types';
import type { LintResult } from '../rules/types';
import type { Locale } from '../settings';
import type { Feature, ServerContext } from '../serverContext';
import { HEALTHCHECK_KEYWORDS } from '../docs';
import { renderBuildArg, renderDirective, renderFlag, renderInstruction, renderMountKey, renderMountType } from '../docs/render';
import { declarationHover, stageDeclarationHover, stageReferenceHover, variableHover } from './hoverVariables';
import { safeHandler } from './safeHandler';
import { findingsOverlapping } from './findingIndex';

interface Part {
  markdown: string;
  range: Range;
}

/** The `key=value` field of a `--mount` value under the cursor, and the mount's type. */
function mountFieldAt(flag: Flag, position: Position): { type: string; key: string; onValue: boolean; value: string; range: Range } | undefined {
  const vr = flag.valueRange;
  if (!vr || vr.start.line !== position.line || flag.token.range.end.line !== position.line) return undefined;
  const raw = flag.token.raw.slice(flag.token.raw.indexOf('=') + 1);
  const offset = position.character - vr.start.character;
  let type = 'bind';
  let hit: { key: string; onValue: boolean; value: string; start: number; end: number } | undefined;
  let start = 0;
  for (const field of raw.split(',')) {
    const end = start + field.length;
    const eq = field.indexOf('=');
    const key = (eq < 0 ? field : field.slice(0, eq)).trim().toLowerCase();
    const value = eq < 0 ? '' : field.slice(eq + 1).replace(/^["']|["']$/g, '');
    if (key === 'type' && value) type = value.toLowerCase();
    if (offset >= start && offset <= end) hit = { key, onValue: eq >= 0 && offset > start + eq, value, start, end };
    start = end + 1;
  }
  if (!hit) return undefined;
  const range: Range = { start: { line: vr.start.line, character: vr.start.character + hit.start }, end: { line: vr.start.line, character: vr.start.character + hit.end } };
  return { type, key: hit.key, onValue: hit.onValue, value: hit.value, range };
}

function flagHover(df: Dockerfile, ins: Instruction, flag: Flag, position: Position, locale: Locale): Part | undefined {
  if (rangeContains(flag.nameRange, position)) {
    const md = renderFlag(ins.name, flag.name, locale);
    return md ? { markdown: md, range: flag.range } : undefined;
  }
  if (ins.name === 'RUN' && flag.name === 'mount') {
    const field = mountFieldAt(flag, position);
    if (!field) return undefined;
    if (field.key === 'type' && field.onValue) {
      const md = renderMountType(field.value, locale);
      return md ? { markdown: md, range: field.range } : undefined;
    }
    if (field.key === 'from' && field.onValue) {
      const md = stageReferenceHover(df, field.value, ins.stageIndex, locale);
      if (md) return { markdown: md, range: field.range };
    }
    const md = renderMountKey(field.type, field.key, locale);
    return md ? { markdown: md, range: field.range } : undefined;
  }
  if (ins.name === 'COPY' && flag.name === 'from' && flag.value) {
    const md = stageReferenceHover(df, flag.value, ins.stageIndex, locale);
    if (md) return { markdown: md, range: flag.valueRange ?? flag.range };
    const ko = locale === 'ko';
    return {
      markdown: ko ? `**\`${flag.value}\`**: 위쪽에 이런 이름의 스테이지가 없으므로 이미지 이름으로 간주되어 레지스트리에서 받아 옵니다.` : `**\`${flag.value}\`**: no stage above has this name, so it is taken as an image and pulled from a registry.`,
      range: flag.valueRange ?? flag.range,
    };
  }
  return undefined;
}

function instructionHover(df: Dockerfile, ins: Instruction, position: Position, locale: Locale): Part | undefined {
  // ONBUILD: the trigger is an instruction of its own.
  if (ins.trigger && rangeContains(ins.trigger.range, position)) {
    const inner = instructionHover(df, ins.trigger, position, locale);
    if (inner) return inner;
  }
  if (rangeContains(ins.keywordRange, position)) {
    const md = renderInstruction(ins.name, locale);
    return md ? { markdown: md, range: ins.keywordRange } : undefined;
  }
  // Variables first: a `$VAR` may sit inside a flag value (`--platform=$BUILDPLATFORM`).
  const ref = ins.variables.find((v) => rangeContains(v.range, position));
  if (ref) return { markdown: variableHover(df, ins, ref, position, locale), range: ref.range };
  const flag = ins.flags.find((f) => rangeContains(f.range, position));
  if (flag) return flagHover(df, ins, flag, position, locale);
  if (ins.name === 'HEALTHCHECK' && ins.args[0] && rangeContains(ins.args[0].range, position)) {
    const word = HEALTHCHECK_KEYWORDS[ins.args[0].value.toUpperCase()];
    if (word) return { markdown: `**HEALTHCHECK ${ins.args[0].value.toUpperCase()}**\n\n${word[locale]}`, range: ins.args[0].range };
  }
  if (ins.name === 'ARG' || ins.name === 'ENV') {
    const pair = ins.pairs.find((p) => rangeContains(p.keyRange, position));
    if (pair) {
      const md = declarationHover(df, ins, pair.key, locale) ?? (ins.name === 'ARG' ? renderBuildArg(pair.key, locale) : undefined);
      return md ? { markdown: md, range: pair.keyRange } : undefined;
    }
  }
  if (ins.name === 'FROM' && ins.index >= 0) {
    const stage = df.stages[ins.stageIndex];
    if (stage?.nameRange && rangeContains(stage.nameRange, position)) return { markdown: stageDeclarationHover(df, stage, locale), range: stage.nameRange };
    if (stage?.imageRange && rangeContains(stage.imageRange, position)) {
      const md = stageReferenceHover(df, stage.image, stage.index, locale);
      if (md) return { markdown: md, range: stage.imageRange };
    }
  }
  return undefined;
}

function ruleDoc(r: LintResult, locale: Locale): string {
  const ko = locale === 'ko';
  const rule = r.rule;
  const aliases = rule.aliases.length ? ` · ${rule.aliases.map((a) => `\`${a}\``).join(', ')}` : '';
  return [
    `**${rule.title[locale]}** (\`${rule.id}\`${aliases})`,
    `${ko ? '**왜 문제인가요?**' : '**Why it matters:**'} ${rule.why[locale]}`,
    `${ko ? '문제가 되는 예:' : 'Problem:'}\n\n\`\`\`dockerfile\n${rule.bad}\n\`\`\``,
    `${ko ? '고친 예:' : 'Fixed:'}\n\n\`\`\`dockerfile\n${rule.good}\n\`\`\``,
  ].join('\n\n');
}

export function hoverAt(ctx: ServerContext, params: HoverParams): Hover | null {
  const m = ctx.model(params.textDocument.uri);
  if (!m) return null;
  const { df, doc } = m;
  const position = params.position;
  const locale = ctx.settings.locale();
  const parts: Part[] = [];

  const directive = df.directives.find((d) => d.line === position.line);
  if (directive) {
    const md = renderDirective(directive.name, locale);
    if (md) parts.push({ markdown: md, range: directive.range });
  } else {
    const ins = instructionAtLine(df, position.line);
    if (ins) {
      const part = instructionHover(df, ins, position, locale);
      if (part) parts.push(part);
    }
  }

  // Diagnostics under the cursor: explain the rule (title, why, bad/good), once per rule.
  const seen = new Set<string>();
  // An empty range at the cursor overlaps exactly the findings that contain it.
  for (const r of findingsOverlapping(ctx.lint.results(doc, df), { start: position, end: position })) {
    if (seen.has(r.rule.id)) continue;
    seen.add(r.rule.id);
    parts.push({ markdown: ruleDoc(r, locale), range: r.range });
  }

  if (!parts.length) return null;
  return { contents: { kind: MarkupKind.Markdown, value: parts.map((p) => p.markdown).join('\n\n---\n\n') }, range: parts[0].range };
}

export const hoverFeature: Feature = {
  capabilities: () => ({ hoverProvider: true }),
  register(ctx) {
    ctx.connection.onHover(safeHandler(ctx, 'textDocument/hover', (p: HoverParams) => hoverAt(ctx, p)));
  },
};
