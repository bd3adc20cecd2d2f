// Semantic tokens (full and range) in one linear pass over the model: keywords, flags, flag
// values, variables, strings, comments, parser directives, stage names, operators. Heredoc
// bodies are left to the TextMate grammar (it highlights them as embedded shell); only their
// `<<EOF` marker and closing delimiter are tokens. Each instruction's tokens are collected, sorted
// (a handful per instruction) and clipped so that no two overlap, then delta-encoded.
import type { SemanticTokens, SemanticTokensLegend, SemanticTokensParams, SemanticTokensRangeParams } from 'vscode-languageserver/node';
import { instructionSpec } from '../model/syntax';
import type { Comment, Dockerfile, Instruction, Range, Token } from '../model/types';
import type { Feature, ServerContext } from '../serverContext';
import { safeHandler } from './safeHandler';

export const TOKEN_TYPES = ['keyword', 'parameter', 'string', 'variable', 'comment', 'macro', 'class', 'operator', 'property', 'number', 'enumMember'] as const;
export const TOKEN_MODIFIERS = ['declaration', 'deprecated', 'readonly'] as const;
export const legend: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

type TokenType = (typeof TOKEN_TYPES)[number];
const T = Object.fromEntries(TOKEN_TYPES.map((t, i) => [t, i])) as Record<TokenType, number>;
const DECLARATION = 1;
const DEPRECATED = 2;

/** line, char, length, type, modifiers */
type Tok = [number, number, number, number, number];

const SHELL_FORM = new Set(['RUN', 'CMD', 'ENTRYPOINT']);
const OPERATORS = /&&|\|\||[|;]/g;

class Collector {
  toks: Tok[] = [];
  constructor(private readonly lines: string[]) {}

  /** Add a range as one token; ranges spanning lines are clipped to their first line. */
  add(r: Range, type: number, mods = 0): void {
    const line = r.start.line;
    const end = r.end.line === line ? r.end.character : (this.lines[line]?.length ?? r.start.character);
    if (end > r.start.character) this.toks.push([line, r.start.character, end - r.start.character, type, mods]);
  }

  addAt(line: number, start: number, end: number, type: number, mods = 0): void {
    if (end > start) this.toks.push([line, start, end - start, type, mods]);
  }
}

/** Quoted parts of a word, as string tokens (document positions via the instruction). */
function quotedParts(c: Collector, ins: Instruction, t: Token, escapeChar: string): void {
  const raw = t.raw;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (quote) {
      if (ch === escapeChar && quote === '"') i++;
      else if (ch === quote) {
        c.add({ start: ins.positionAt(t.start + start), end: ins.positionAt(t.start + i + 1) }, T.string);
        quote = undefined;
      }
    } else if (ch === escapeChar) i++;
    else if (ch === '"' || ch === "'") {
      quote = ch;
      start = i;
    }
  }
  if (quote) c.add({ start: ins.positionAt(t.start + start), end: ins.positionAt(t.start + raw.length) }, T.string);
}

function flagTokens(c: Collector, ins: Instruction, stageNames: Set<string>): void {
  for (const f of ins.flags) {
    c.add(f.nameRange, T.parameter);
    if (!f.valueRange) continue;
    const t = f.token;
    const eq = t.raw.indexOf('=');
    c.add({ start: ins.positionAt(t.start + eq), end: ins.positionAt(t.start + eq + 1) }, T.operator);
    if (f.name === 'mount' || (f.value?.includes('=') && f.value.includes(','))) {
      // key=value,key=value: keys as properties, values as strings.
      let pos = t.start + eq + 1;
      for (const field of t.raw.slice(eq + 1).split(',')) {
        const feq = field.indexOf('=');
        if (feq > 0) {
          c.add({ start: ins.positionAt(pos), end: ins.positionAt(pos + feq) }, T.property);
          c.add({ start: ins.positionAt(pos + feq), end: ins.positionAt(pos + feq + 1) }, T.operator);
          const isStage = field.slice(0, feq) === 'from' && stageNames.has(field.slice(feq + 1).toLowerCase());
          c.add({ start: ins.positionAt(pos + feq + 1), end: ins.positionAt(pos + field.length) }, isStage ? T.class : T.string);
        } else {
          c.add({ start: ins.positionAt(pos), end: ins.positionAt(pos + field.length) }, T.property);
        }
        pos += field.length + 1;
      }
    } else {
      const isStage = f.name === 'from' && f.value !== undefined && stageNames.has(f.value.toLowerCase());
      c.add(f.valueRange, isStage ? T.class : T.enumMember);
    }
  }
}

function instructionTokens(c: Collector, df: Dockerfile, ins: Instruction, stageNames: Set<string>): void {
  const spec = instructionSpec(ins.name);
  if (spec) c.add(ins.keywordRange, T.keyword, spec.deprecated ? DEPRECATED : 0);
  flagTokens(c, ins, stageNames);
  for (const v of ins.variables) c.add(v.range, T.variable);
  for (const h of ins.heredocs) {
    c.add(h.markerRange, T.string);
    if (h.endLine !== undefined) c.addAt(h.endLine, 0, df.lines[h.endLine].length, T.string);
  }
  switch (ins.name) {
    case 'FROM': {
      const [image, as, name] = ins.args;
      if (image) c.add(image.range, stageNames.has(image.value.toLowerCase()) ? T.class : T.string);
      if (as && as.value.toUpperCase() === 'AS') c.add(as.range, T.keyword);
      if (name && as && as.value.toUpperCase() === 'AS') c.add(name.range, T.class, DECLARATION);
      break;
    }
    case 'ARG':
    case 'ENV':
    case 'LABEL':
      for (const p of ins.pairs) {
        c.add(p.keyRange, ins.name === 'LABEL' ? T.property : T.variable, ins.name === 'LABEL' ? 0 : DECLARATION);
        if (p.hasEquals && p.valueRange) {
          c.add({ start: p.keyRange.end, end: p.valueRange.start }, T.operator);
          c.add(p.valueRange, T.string);
        } else if (p.valueRange) c.add(p.valueRange, T.string);
      }
      break;
    case 'EXPOSE':
      for (const a of ins.args) c.add(a.range, /^\d/.test(a.value) ? T.number : T.string);
      break;
    case 'HEALTHCHECK': {
      const first = ins.args[0];
      if (first && (first.value.toUpperCase() === 'CMD' || first.value.toUpperCase() === 'NONE')) c.add(first.range, T.keyword);
      for (const a of ins.args.slice(1)) quotedParts(c, ins, a, df.escapeChar);
      break;
    }
    case 'ONBUILD':
      if (ins.trigger) instructionTokens(c, df, ins.trigger, stageNames);
      break;
    default:
      for (const a of ins.args) if (a.raw !== a.value || a.raw.includes('"') || a.raw.includes("'")) quotedParts(c, ins, a, df.escapeChar);
      if (SHELL_FORM.has(ins.name) && !ins.looksLikeJson && /[|;&]/.test(ins.argsText)) {
        OPERATORS.lastIndex = 0;
        for (let m = OPERATORS.exec(ins.argsText); m; m = OPERATORS.exec(ins.argsText)) c.add({ start: ins.positionAt(m.index), end: ins.positionAt(m.index + m[0].length) }, T.operator);
      }
  }
  // Line continuations: the escape character at the end of each continued line.
  if (ins.trigger === undefined || ins.name === 'ONBUILD') {
    for (let l = ins.startLine; l < ins.textEndLine; l++) {
      const text = df.lines[l];
      let e = text.length;
      while (e > 0 && (text[e - 1] === ' ' || text[e - 1] === '\t')) e--;
      if (e > 0 && text[e - 1] === df.escapeChar && !/^\s*#/.test(text)) c.addAt(l, e - 1, e, T.operator);
    }
  }
}

function commentTokens(c: Collector, cm: Comment): void {
  c.add(cm.range, T.comment);
}

/** Sort one instruction's tokens and drop overlaps: the first token at a place wins, except that
 * a variable inside a string or value splits it. Appends to `out` delta-encoded. */
class Encoder {
  data: number[] = [];
  private prevLine = 0;
  private prevChar = 0;
  private lastLine = -1;
  private lastEnd = 0;

  push(t: Tok): void {
    const [line, ch, len, type, mods] = t;
    if (line < this.lastLine || (line === this.lastLine && ch < this.lastEnd)) return;
    const dl = line - this.prevLine;
    this.data.push(dl, dl === 0 ? ch - this.prevChar : ch, len, type, mods);
    this.prevLine = line;
    this.prevChar = ch;
    this.lastLine = line;
    this.lastEnd = ch + len;
  }

  flush(toks: Tok[]): void {
    if (toks.length > 1) toks.sort((a, b) => a[0] - b[0] || a[1] - b[1] || (a[3] === T.variable ? -1 : 0) - (b[3] === T.variable ? -1 : 0));
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      // A longer token (a string) that contains later tokens (variables) is split around them.
      const next = toks[i + 1];
      if (next && next[0] === t[0] && next[1] < t[1] + t[2] && (next[3] === T.variable || t[3] === T.string || t[3] === T.enumMember)) {
        const end = t[1] + t[2];
        let cursor = t[1];
        let j = i + 1;
        while (j < toks.length && toks[j][0] === t[0] && toks[j][1] < end) {
          const inner = toks[j];
          if (inner[1] > cursor) this.push([t[0], cursor, inner[1] - cursor, t[3], t[4]]);
          this.push(inner);
          cursor = Math.max(cursor, inner[1] + inner[2]);
          j++;
        }
        if (cursor < end) this.push([t[0], cursor, end - cursor, t[3], t[4]]);
        i = j - 1;
        continue;
      }
      this.push(t);
    }
  }
}

export function semanticTokensOf(df: Dockerfile, startLine = 0, endLine = Number.MAX_SAFE_INTEGER): SemanticTokens {
  const enc = new Encoder();
  const c = new Collector(df.lines);
  const shift = df.hasBom ? 1 : 0;
  const emit = (): void => {
    if (shift) for (const t of c.toks) if (t[0] === 0) t[1] += shift;
    enc.flush(c.toks);
    c.toks = [];
  };
  for (const d of df.directives) {
    if (d.line < startLine || d.line > endLine) continue;
    // `# syntax=docker/dockerfile:1`: the `#` part as a comment, the name as a macro, the value a string.
    c.addAt(d.line, d.range.start.character, d.nameRange.start.character, T.comment);
    c.add(d.nameRange, T.macro);
    c.addAt(d.line, d.nameRange.end.character, d.valueRange.start.character, T.operator);
    c.add(d.valueRange, T.string);
    emit();
  }
  const stageNames = new Set<string>();
  const comments = df.comments;
  let ci = firstComment(comments, startLine);
  const list = df.instructions;
  for (const s of df.stages) {
    if (s.from.startLine >= startLine) break;
    if (s.name) stageNames.add(s.name.toLowerCase());
  }
  for (let k = firstInstruction(df, startLine); k < list.length; k++) {
    const ins = list[k];
    if (ins.startLine > endLine) break;
    while (ci < comments.length && comments[ci].line < ins.startLine) {
      if (comments[ci].line <= endLine) commentTokens(c, comments[ci]);
      ci++;
    }
    emit();
    instructionTokens(c, df, ins, stageNames);
    while (ci < comments.length && comments[ci].line <= ins.textEndLine) {
      commentTokens(c, comments[ci]);
      ci++;
    }
    if (ins.name === 'FROM' && ins.args.length >= 3 && ins.args[1].value.toUpperCase() === 'AS') stageNames.add(ins.args[2].value.toLowerCase());
    if (startLine > 0 || endLine < Number.MAX_SAFE_INTEGER) c.toks = c.toks.filter((t) => t[0] >= startLine && t[0] <= endLine);
    emit();
  }
  while (ci < comments.length && comments[ci].line <= endLine) commentTokens(c, comments[ci++]);
  emit();
  return { data: enc.data };
}

function firstComment(comments: Comment[], line: number): number {
  let lo = 0;
  let hi = comments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (comments[mid].line < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function firstInstruction(df: Dockerfile, line: number): number {
  const list = df.instructions;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].endLine < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export const semanticTokensFeature: Feature = {
  capabilities: () => ({ semanticTokensProvider: { legend, full: true, range: true } }),
  register(ctx: ServerContext) {
    ctx.connection.languages.semanticTokens.on(
      safeHandler(ctx, 'textDocument/semanticTokens/full', (p: SemanticTokensParams) => {
        const m = ctx.model(p.textDocument.uri);
        return m ? semanticTokensOf(m.df) : { data: [] };
      }),
    );
    ctx.connection.languages.semanticTokens.onRange(
      safeHandler(ctx, 'textDocument/semanticTokens/range', (p: SemanticTokensRangeParams) => {
        const m = ctx.model(p.textDocument.uri);
        return m ? semanticTokensOf(m.df, p.range.start.line, p.range.end.line) : { data: [] };
      }),
    );
  },
};
