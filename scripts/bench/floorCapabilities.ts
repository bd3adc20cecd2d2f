// What the two do-nothing servers of the benchmark's floor runs (floorServer.ts, rawFloorServer.ts)
// advertise: every provider the harness times, so the same requests reach both.
import { TextDocumentSyncKind, type ServerCapabilities } from 'vscode-languageserver/node';

export const floorCapabilities: ServerCapabilities = {
  textDocumentSync: TextDocumentSyncKind.Incremental,
  completionProvider: {},
  hoverProvider: true,
  documentSymbolProvider: true,
  documentFormattingProvider: true,
  foldingRangeProvider: true,
  codeActionProvider: true,
  semanticTokensProvider: { legend: { tokenTypes: [], tokenModifiers: [] }, full: true },
};
