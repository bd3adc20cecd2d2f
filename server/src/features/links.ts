// Document links on the image of each FROM: Docker Hub's page for images that live there
// (official images under /_/<name>, others under /r/<namespace>/<name>). Images from other
// registries, stage names, `scratch` and images built from variables get no link: we would
// only be guessing where they live.
import type { DocumentLink, DocumentLinkParams } from 'vscode-languageserver/node';
import type { Feature, ServerContext } from '../serverContext';
import { safeHandler } from './safeHandler';

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;

/** The Docker Hub page of an image reference, or undefined when it is not a Hub image. */
export function dockerHubUrl(image: string): string | undefined {
  if (!image || /[$\s"'`]/.test(image)) return undefined;
  let name = image;
  const at = name.indexOf('@');
  if (at >= 0) name = name.slice(0, at);
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  if (colon > slash) name = name.slice(0, colon);
  let parts = name.split('/');
  const first = parts[0];
  if (parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    if (first !== 'docker.io' && first !== 'index.docker.io' && first !== 'registry-1.docker.io') return undefined;
    parts = parts.slice(1);
  }
  if (parts.length === 2 && parts[0] === 'library') parts = parts.slice(1);
  if (!parts.every((p) => COMPONENT.test(p))) return undefined;
  if (parts.length === 1) return parts[0] === 'scratch' ? undefined : `https://hub.docker.com/_/${parts[0]}`;
  if (parts.length === 2) return `https://hub.docker.com/r/${parts[0]}/${parts[1]}`;
  return undefined;
}

export function linksFor(ctx: ServerContext, params: DocumentLinkParams): DocumentLink[] {
  const m = ctx.model(params.textDocument.uri);
  if (!m) return [];
  const out: DocumentLink[] = [];
  // Names of the stages seen so far: `FROM build` after `AS build` is a stage, not an image.
  const earlierStages = new Set<string>();
  for (const stage of m.df.stages) {
    const isStage = earlierStages.has(stage.image.toLowerCase());
    if (stage.name) earlierStages.add(stage.name.toLowerCase());
    if (!stage.imageRange || isStage) continue;
    const url = dockerHubUrl(stage.image);
    if (url) out.push({ range: stage.imageRange, target: url });
  }
  return out;
}

export const linksFeature: Feature = {
  capabilities: () => ({ documentLinkProvider: { resolveProvider: false } }),
  register(ctx) {
    ctx.connection.onDocumentLinks(safeHandler(ctx, 'textDocument/documentLink', (p: DocumentLinkParams) => linksFor(ctx, p)));
  },
};
