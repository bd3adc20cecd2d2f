// Document highlight: every occurrence of the variable or stage name under the cursor, with
// declarations marked as writes and uses as reads.
import { DocumentHighlightKind, type DocumentHighlight, type DocumentHighlightParams } from 'vscode-languageserver/node';
import type { Feature, ServerContext } from '../serverContext';
import { safeHandler } from './safeHandler';
import { symbolIndex } from './symbolIndex';

export function highlightsFor(ctx: ServerContext, params: DocumentHighlightParams): DocumentHighlight[] | null {
  const m = ctx.model(params.textDocument.uri);
  if (!m) return null;
  const idx = symbolIndex(m.df);
  const occ = idx.at(params.position);
  if (!occ) return null;
  const entry = idx.symbols.get(occ.symbol);
  if (!entry) return null;
  return entry.occurrences.map((o) => ({
    range: o.range,
    kind: o.kind === 'variable' ? (o.declaration ? DocumentHighlightKind.Write : DocumentHighlightKind.Read) : DocumentHighlightKind.Text,
  }));
}

export const highlightFeature: Feature = {
  capabilities: () => ({ documentHighlightProvider: true }),
  register(ctx) {
    ctx.connection.onDocumentHighlight(safeHandler(ctx, 'textDocument/documentHighlight', (p: DocumentHighlightParams) => highlightsFor(ctx, p)));
  },
};
