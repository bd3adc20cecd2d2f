// The client's layer analysis of an image built from a workspace Dockerfile, as facts the
// `deleted-in-later-layer` rule can quote ("removes 100 MB added at line 3"): stored per document
// uri by the LintService, which merges them into that document's LintConfig; the document is
// then linted and published again.
import type { Feature } from '../serverContext';
import type { LayerFact } from '../rules/config';

export const LAYER_FACTS_NOTIFICATION = 'dockerfileStudio/layerFacts';

/** The most facts kept per document: the analysis sends the biggest wasted files first. */
const MAX_FACTS = 500;

/** Validates the untrusted notification payload; undefined when it is not `{ uri, facts[] }`. */
export function parseLayerFacts(params: unknown): { uri: string; facts: LayerFact[] } | undefined {
  if (!params || typeof params !== 'object') return undefined;
  const { uri, facts } = params as { uri?: unknown; facts?: unknown };
  if (typeof uri !== 'string' || !Array.isArray(facts)) return undefined;
  const valid: LayerFact[] = [];
  for (const f of facts.slice(0, MAX_FACTS)) {
    if (!f || typeof f !== 'object') continue;
    const { path, bytes, addedAtLine } = f as Record<string, unknown>;
    if (typeof path !== 'string' || !path) continue;
    if (typeof bytes !== 'number' || !Number.isFinite(bytes) || bytes < 0) continue;
    if (typeof addedAtLine !== 'number' || !Number.isInteger(addedAtLine) || addedAtLine < 0) continue;
    valid.push({ path, bytes, addedAtLine });
  }
  return { uri, facts: valid };
}

export const layerFactsFeature: Feature = {
  capabilities: () => ({}),
  register(ctx) {
    ctx.connection.onNotification(LAYER_FACTS_NOTIFICATION, (params: unknown) => {
      const parsed = parseLayerFacts(params);
      if (!parsed) return;
      // An analysis with no wasted file is a fact too: the rule falls back to what the text says.
      ctx.lint.setLayerFacts(parsed.uri, parsed.facts.length ? parsed.facts : undefined);
      const doc = ctx.documents.get(parsed.uri);
      if (doc) ctx.republish(doc);
    });
  },
};
