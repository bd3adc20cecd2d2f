// Find all references of an ARG/ENV variable or a stage name, scope-aware (see symbolIndex.ts):
// two stages that each declare `ENV X` have two different X, while a stage's `ARG X` and the
// global `ARG X` it redeclares are one.
import type { Location, ReferenceParams } from 'vscode-languageserver/node';
import type { Feature, ServerContext } from '../serverContext';
import { safeHandler } from './safeHandler';
import { symbolIndex } from './symbolIndex';

export function referencesFor(ctx: ServerContext, params: ReferenceParams): Location[] | null {
  const m = ctx.model(params.textDocument.uri);
  if (!m) return null;
  const idx = symbolIndex(m.df);
  const occ = idx.at(params.position);
  if (!occ) return null;
  const entry = idx.symbols.get(occ.symbol);
  if (!entry) return null;
  const includeDeclaration = params.context?.includeDeclaration !== false;
  return entry.occurrences.filter((o) => includeDeclaration || !o.declaration).map((o) => ({ uri: params.textDocument.uri, range: o.range }));
}

export const referencesFeature: Feature = {
  capabilities: () => ({ referencesProvider: true }),
  register(ctx) {
    ctx.connection.onReferences(safeHandler(ctx, 'textDocument/references', (p: ReferenceParams) => referencesFor(ctx, p)));
  },
};
