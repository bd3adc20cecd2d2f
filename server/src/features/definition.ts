// Go to definition for ARG/ENV variables and stage names. A stage's `ARG X` leads to the global
// `ARG X` it redeclares; a reference leads to the declaration visible at that point.
import type { DefinitionParams, Location } from 'vscode-languageserver/node';
import type { Feature, ServerContext } from '../serverContext';
import { safeHandler } from './safeHandler';
import { symbolIndex } from './symbolIndex';

export function definitionFor(ctx: ServerContext, params: DefinitionParams): Location[] | null {
  const m = ctx.model(params.textDocument.uri);
  if (!m) return null;
  const idx = symbolIndex(m.df);
  const occ = idx.at(params.position);
  if (!occ) return null;
  const target = occ.target !== undefined ? idx.occurrences[occ.target] : occ.declaration ? occ : undefined;
  if (!target) return null;
  return [{ uri: params.textDocument.uri, range: target.range }];
}

export const definitionFeature: Feature = {
  capabilities: () => ({ definitionProvider: true }),
  register(ctx) {
    ctx.connection.onDefinition(safeHandler(ctx, 'textDocument/definition', (p: DefinitionParams) => definitionFor(ctx, p)));
  },
};
