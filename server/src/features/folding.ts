// Folding ranges: whole stages, instructions that span several lines, heredoc bodies and blocks
// of two or more comment lines (parser directives at the top count as comments). One pass.
import { FoldingRangeKind, type FoldingRange, type FoldingRangeParams } from 'vscode-languageserver/node';
import type { Dockerfile } from '../model/types';
import type { Feature, ServerContext } from '../serverContext';
import { safeHandler } from './safeHandler';

function isBlank(s: string | undefined): boolean {
  return s === undefined || s.trim() === '';
}

export function foldingRangesOf(df: Dockerfile): FoldingRange[] {
  const out: FoldingRange[] = [];
  const last = df.lines.length - 1;
  // Comment blocks: directives then comments, both in line order.
  const commentLines: number[] = [];
  for (const d of df.directives) commentLines.push(d.line);
  for (const c of df.comments) if (!c.insideInstruction) commentLines.push(c.line);
  for (let i = 0; i < commentLines.length; ) {
    let j = i;
    while (j + 1 < commentLines.length && commentLines[j + 1] === commentLines[j] + 1) j++;
    if (j > i) out.push({ startLine: commentLines[i], endLine: commentLines[j], kind: FoldingRangeKind.Comment });
    i = j + 1;
  }
  for (const stage of df.stages) {
    let end = Math.min(stage.endLine, last);
    while (end > stage.from.startLine && isBlank(df.lines[end])) end--;
    if (end > stage.from.startLine) out.push({ startLine: stage.from.startLine, endLine: end, kind: FoldingRangeKind.Region });
  }
  for (const ins of df.instructions) {
    if (ins.endLine > ins.startLine) {
      out.push({ startLine: ins.startLine, endLine: Math.min(ins.endLine, last) });
    }
    for (const h of ins.heredocs) {
      const start = h.bodyStartLine - 1;
      const end = Math.min(h.endLine ?? last, last);
      // The first heredoc usually starts on the instruction's own line: that fold already exists.
      if (start !== ins.startLine && end > start) out.push({ startLine: start, endLine: end });
    }
  }
  return out;
}

export const foldingFeature: Feature = {
  capabilities: () => ({ foldingRangeProvider: true }),
  register(ctx: ServerContext) {
    ctx.connection.onFoldingRanges(
      safeHandler(ctx, 'textDocument/foldingRange', (p: FoldingRangeParams) => {
        const m = ctx.model(p.textDocument.uri);
        return m ? foldingRangesOf(m.df) : [];
      }),
    );
  },
};
