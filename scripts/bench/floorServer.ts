// A language server that does nothing: it answers every request the benchmark sends with an empty
// result and publishes no diagnostics, over the same transport as ours (createServerConnection).
// `npm run bench` times it against the anchor to show the floor of a request's round trip for any
// server built on vscode-languageserver: no handler can make a request faster than this.
// Run: node --import tsx scripts/bench/floorServer.ts --stdio
import { createServerConnection } from '../../server/src/transport/serverConnection';
import { floorCapabilities } from './floorCapabilities';

const connection = createServerConnection();
connection.onInitialize(() => ({ capabilities: floorCapabilities }));
const publishNothing = (p: { textDocument: { uri: string; version?: number } }): void => {
  void connection.sendDiagnostics({ uri: p.textDocument.uri, version: p.textDocument.version, diagnostics: [] });
};
connection.onDidOpenTextDocument(publishNothing);
connection.onDidChangeTextDocument(publishNothing);
connection.onCompletion(() => []);
connection.onHover(() => null);
connection.onDocumentSymbol(() => []);
connection.onDocumentFormatting(() => []);
connection.onFoldingRanges(() => []);
connection.onCodeAction(() => []);
connection.languages.semanticTokens.on(() => ({ data: [] }));
connection.listen();
