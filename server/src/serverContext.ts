import type { Connection, ServerCapabilities, InitializeParams, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ParsedDocuments } from './documents';
import type { Dockerfile } from './model/types';
import type { ServerSettings } from './settings';
import type { LintService } from './lintService';

/** What every feature gets: the connection, the open documents and their parsed models. */
export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  parsed: ParsedDocuments;
  settings: ServerSettings;
  lint: LintService;
  /** Re-lint and publish diagnostics for a document (set by the diagnostics feature). */
  republish: (doc: TextDocument) => void;
  /** The open document and its model (parsed once per version), or undefined if not open. */
  model(uri: string): { doc: TextDocument; df: Dockerfile } | undefined;
}

/** One LSP feature: the capabilities it advertises and the handlers it registers. */
export interface Feature {
  capabilities(params: InitializeParams): Partial<ServerCapabilities>;
  register(ctx: ServerContext): void;
}
