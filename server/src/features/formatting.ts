// Formatting (document, range, on-type after a newline) changes whitespace only and keeps the
// keyword case as written: keyword at column 0, one space between keyword and arguments,
// continuation lines indented by one indent unit (FormattingOptions), trailing whitespace
// trimmed, top-level comments at column 0. Heredoc bodies (and their closing line) are never
// touched: their whitespace is content. With `dockerfileStudio.format.ignoreMultilineInstructions`
// the continuation lines of an instruction keep their hand-made alignment. Edits are minimal:
// only the whitespace runs that change are replaced.
import type { DocumentFormattingParams, DocumentOnTypeFormattingParams, DocumentRangeFormattingParams, FormattingOptions, TextEdit } from 'vscode-languageserver/node';
import type { Dockerfile } from '../model/types';
import type { Feature, ServerContext } from '../serverContext';
import { safeHandler } from './safeHandler';

export interface FormatOptions {
  /** One level of indentation for continuation lines. */
  indent: string;
  trimTrailing: boolean;
  /** Leave the continuation lines of multi-line instructions as they are. */
  keepContinuations: boolean;
}

export function formatOptions(opts: FormattingOptions | undefined, keepContinuations: boolean): FormatOptions {
  const size = Number.isFinite(opts?.tabSize) ? Math.max(0, Math.min(16, Math.floor(opts?.tabSize ?? 4))) : 4;
  const indent = opts?.insertSpaces === false ? '\t' : ' '.repeat(size);
  return { indent, trimTrailing: opts?.trimTrailingWhitespace !== false, keepContinuations };
}

type LineRole = 'blank' | 'comment' | 'first' | 'continuation' | 'skip';

function leadingEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}

function edit(line: number, start: number, end: number, newText: string): TextEdit {
  return { range: { start: { line, character: start }, end: { line, character: end } }, newText };
}

/**
 * The whitespace edits for one line. `text` is the line as the client has it; `base` is where
 * the model's view of it starts (1 on a first line that carries a byte-order mark).
 */
function lineEdits(out: TextEdit[], line: number, text: string, base: number, role: LineRole, o: FormatOptions, keywordEnd: number): void {
  if (role === 'skip') return;
  const lead = leadingEnd(text, base);
  let trailStart = text.length;
  while (trailStart > lead && (text[trailStart - 1] === ' ' || text[trailStart - 1] === '\t')) trailStart--;
  if (role === 'blank') {
    if (o.trimTrailing && text.length > base) out.push(edit(line, base, text.length, ''));
    return;
  }
  const wantLead = role === 'continuation' ? o.indent : '';
  if (text.slice(base, lead) !== wantLead) out.push(edit(line, base, lead, wantLead));
  if (role === 'first' && keywordEnd >= 0) {
    // keywordEnd is relative to the model's line: map it to the client's text.
    const kwEnd = keywordEnd + base;
    const gapEnd = leadingEnd(text, kwEnd);
    if (gapEnd > kwEnd && gapEnd < trailStart && text.slice(kwEnd, gapEnd) !== ' ') out.push(edit(line, kwEnd, gapEnd, ' '));
  }
  if (o.trimTrailing && trailStart < text.length) out.push(edit(line, trailStart, text.length, ''));
}

/** Whitespace edits for the lines `from..to` (inclusive) of a document. */
export function formatLines(df: Dockerfile, clientLines: string[], o: FormatOptions, from = 0, to = Number.MAX_SAFE_INTEGER): TextEdit[] {
  const out: TextEdit[] = [];
  const last = Math.min(to, df.lines.length - 1, clientLines.length - 1);
  const first = Math.max(0, from);
  const roles: LineRole[] = new Array<LineRole>(Math.max(0, last - first + 1)).fill('blank');
  const keywordEnds = new Map<number, number>();
  const set = (line: number, role: LineRole): void => {
    if (line >= first && line <= last) roles[line - first] = role;
  };
  for (const c of df.comments) if (c.line >= first && c.line <= last) set(c.line, c.insideInstruction ? (o.keepContinuations ? 'skip' : 'continuation') : 'comment');
  // Directives: leading whitespace is allowed there and harmless; only trailing space goes.
  for (const d of df.directives) set(d.line, 'skip');
  for (const ins of firstInstructionFrom(df, first)) {
    if (ins.startLine > last) break;
    set(ins.startLine, 'first');
    keywordEnds.set(ins.startLine, ins.keywordRange.end.character);
    for (let l = ins.startLine + 1; l <= ins.textEndLine; l++) {
      const role = roles[l - first];
      if (role === 'comment' || role === 'skip') continue;
      const blank = df.lines[l].trim() === '';
      set(l, blank ? 'blank' : o.keepContinuations ? 'skip' : 'continuation');
    }
    for (let l = ins.textEndLine + 1; l <= ins.endLine; l++) set(l, 'skip');
  }
  for (const l of df.heredocLines) set(l, 'skip');
  for (let l = first; l <= last; l++) {
    const base = df.hasBom && l === 0 ? 1 : 0;
    lineEdits(out, l, clientLines[l], base, roles[l - first], o, keywordEnds.get(l) ?? -1);
  }
  return out;
}

function* firstInstructionFrom(df: Dockerfile, line: number): Generator<Dockerfile['instructions'][number]> {
  const list = df.instructions;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].endLine < line) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < list.length; i++) yield list[i];
}

function clientLinesOf(df: Dockerfile): string[] {
  if (!df.hasBom || df.lines.length === 0) return df.lines;
  const copy = df.lines.slice();
  copy[0] = `\uFEFF${copy[0]}`;
  return copy;
}

export function formatDocument(df: Dockerfile, opts: FormattingOptions | undefined, keepContinuations: boolean): TextEdit[] {
  return formatLines(df, clientLinesOf(df), formatOptions(opts, keepContinuations));
}

export function formatRange(df: Dockerfile, startLine: number, endLine: number, opts: FormattingOptions | undefined, keepContinuations: boolean): TextEdit[] {
  return formatLines(df, clientLinesOf(df), formatOptions(opts, keepContinuations), startLine, endLine);
}

/**
 * After Enter: tidy the line just finished, and indent the new line when it continues an
 * instruction (the previous line ends with the escape character).
 */
export function formatOnType(df: Dockerfile, line: number, opts: FormattingOptions | undefined, keepContinuations: boolean): TextEdit[] {
  if (line <= 0 || line >= df.lines.length) return [];
  const o = formatOptions(opts, keepContinuations);
  const lines = clientLinesOf(df);
  const out = formatLines(df, lines, { ...o, keepContinuations: true }, line - 1, line - 1);
  const current = lines[line];
  const previous = df.lines[line - 1].trimEnd();
  const continues = previous.endsWith(df.escapeChar) && !df.heredocLines.has(line - 1) && !/^\s*#/.test(previous);
  if (continues && !keepContinuations && !df.heredocLines.has(line)) {
    const lead = leadingEnd(current, 0);
    if (current.slice(0, lead) !== o.indent) out.push(edit(line, 0, lead, o.indent));
  }
  return out;
}

export const formattingFeature: Feature = {
  capabilities: () => ({
    documentFormattingProvider: true,
    documentRangeFormattingProvider: true,
    documentOnTypeFormattingProvider: { firstTriggerCharacter: '\n' },
  }),
  register(ctx: ServerContext) {
    const keep = (): boolean => ctx.settings.get().format.ignoreMultilineInstructions;
    ctx.connection.onDocumentFormatting(
      safeHandler(ctx, 'textDocument/formatting', (p: DocumentFormattingParams) => {
        const m = ctx.model(p.textDocument.uri);
        return m ? formatDocument(m.df, p.options, keep()) : [];
      }),
    );
    ctx.connection.onDocumentRangeFormatting(
      safeHandler(ctx, 'textDocument/rangeFormatting', (p: DocumentRangeFormattingParams) => {
        const m = ctx.model(p.textDocument.uri);
        return m ? formatRange(m.df, p.range.start.line, p.range.end.line, p.options, keep()) : [];
      }),
    );
    ctx.connection.onDocumentOnTypeFormatting(
      safeHandler(ctx, 'textDocument/onTypeFormatting', (p: DocumentOnTypeFormattingParams) => {
        const m = ctx.model(p.textDocument.uri);
        return m ? formatOnType(m.df, p.position.line, p.options, keep()) : [];
      }),
    );
  },
};
