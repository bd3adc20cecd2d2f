// Document symbols as a tree: each stage (named after `AS name`, else its image) holds its
// instructions; ARGs before the first FROM stay at the top level. Clients without hierarchical
// support get the same symbols flat, with the stage as container name.
import { SymbolKind, type DocumentSymbol, type DocumentSymbolParams, type SymbolInformation } from 'vscode-languageserver/node';
import type { Instruction, Range } from '../model/types';
import type { Feature, ServerContext } from '../serverContext';
import { safeHandler } from './safeHandler';

const MAX_NAME = 48;

const KIND: Record<string, SymbolKind> = {
  ARG: SymbolKind.Variable,
  ENV: SymbolKind.Variable,
  LABEL: SymbolKind.Property,
  RUN: SymbolKind.Function,
  CMD: SymbolKind.Event,
  ENTRYPOINT: SymbolKind.Event,
  HEALTHCHECK: SymbolKind.Event,
  SHELL: SymbolKind.Event,
  COPY: SymbolKind.File,
  ADD: SymbolKind.File,
  WORKDIR: SymbolKind.Field,
  VOLUME: SymbolKind.Field,
  EXPOSE: SymbolKind.Number,
  USER: SymbolKind.Key,
  ONBUILD: SymbolKind.Event,
};

function truncate(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_NAME ? `${oneLine.slice(0, MAX_NAME - 1)}…` : oneLine;
}

/** "RUN apt-get update && …", "ENV A, B": what a reader scanning the outline wants to see. */
function instructionName(ins: Instruction): string {
  let rest: string;
  if ((ins.name === 'ARG' || ins.name === 'ENV' || ins.name === 'LABEL') && ins.pairs.length > 0) rest = ins.pairs.map((p) => p.key).join(', ');
  else if (ins.json) rest = ins.json.join(' ');
  else rest = ins.argsText.length > 200 ? ins.argsText.slice(0, 200) : ins.argsText;
  const name = truncate(`${ins.keyword} ${rest}`);
  return name || ins.keyword || '?';
}

function rangeOf(ins: Instruction): Range {
  return ins.range;
}

function instructionSymbol(ins: Instruction): DocumentSymbol {
  return { name: instructionName(ins), kind: KIND[ins.name] ?? SymbolKind.Constant, range: rangeOf(ins), selectionRange: ins.keywordRange };
}

export function documentSymbolsFor(ctx: ServerContext, params: DocumentSymbolParams): DocumentSymbol[] {
  const m = ctx.model(params.textDocument.uri);
  if (!m) return [];
  const df = m.df;
  const out: DocumentSymbol[] = df.preamble.map(instructionSymbol);
  for (const stage of df.stages) {
    const last = stage.instructions[stage.instructions.length - 1] ?? stage.from;
    const name = truncate(stage.name ?? (stage.image || `stage ${stage.index}`)) || `stage ${stage.index}`;
    out.push({
      name,
      detail: truncate(`${stage.from.keyword} ${stage.from.argsText.slice(0, 200)}`),
      kind: SymbolKind.Class,
      range: { start: stage.from.range.start, end: last.range.end },
      selectionRange: stage.nameRange ?? stage.imageRange ?? stage.from.keywordRange,
      children: stage.instructions.map(instructionSymbol),
    });
  }
  return out;
}

function flatten(uri: string, symbols: DocumentSymbol[], container?: string, out: SymbolInformation[] = []): SymbolInformation[] {
  for (const s of symbols) {
    out.push({ name: s.name, kind: s.kind, location: { uri, range: s.range }, containerName: container });
    if (s.children) flatten(uri, s.children, s.name, out);
  }
  return out;
}

// Whether the client understands DocumentSymbol trees; learnt from the initialize request.
let hierarchical = true;

export const symbolsFeature: Feature = {
  capabilities: (params) => {
    hierarchical = params.capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true;
    return { documentSymbolProvider: { label: 'Dockerfile' } };
  },
  register(ctx) {
    ctx.connection.onDocumentSymbol(
      safeHandler(ctx, 'textDocument/documentSymbol', (p: DocumentSymbolParams) => {
        const tree = documentSymbolsFor(ctx, p);
        return hierarchical ? tree : flatten(p.textDocument.uri, tree);
      }),
    );
  },
};
