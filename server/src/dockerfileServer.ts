// Wires the LSP connection to the features. Each feature lives in its own file under features/
// and exports a `Feature`: the capabilities it adds and a function that registers its handlers.
import { TextDocuments, TextDocumentSyncKind, type Connection, type InitializeParams, type InitializeResult, type ServerCapabilities } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ParsedDocuments } from './documents';
import { features } from './features';
import { ServerSettings } from './settings';
import { LintService } from './lintService';
import { clearConfigCache, configForDocument, setWorkspaceRoots } from './rules/configFiles';
import { fileURLToPath } from 'node:url';
import type { ServerContext } from './serverContext';

export class DockerfileServer {
  private readonly documents = new TextDocuments(TextDocument);
  private readonly parsed = new ParsedDocuments();

  constructor(private readonly connection: Connection) {}

  listen(): void {
    const settings = new ServerSettings(this.connection);
    const ctx: ServerContext = {
      connection: this.connection,
      documents: this.documents,
      parsed: this.parsed,
      settings,
      lint: new LintService(() => settings.get(), configForDocument, (msg) => this.connection.console.error(msg)),
      republish: () => undefined,
      model: (uri) => {
        const doc = this.documents.get(uri);
        return doc ? { doc, df: this.parsed.get(doc) } : undefined;
      },
    };
    this.connection.onInitialize((params: InitializeParams): InitializeResult => {
      settings.initialize(params);
      const roots = (params.workspaceFolders ?? []).map((f) => f.uri).concat(params.rootUri ? [params.rootUri] : []);
      setWorkspaceRoots(roots.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u)));
      let capabilities: ServerCapabilities = { textDocumentSync: TextDocumentSyncKind.Incremental };
      for (const f of features) capabilities = { ...capabilities, ...f.capabilities(params) };
      return { capabilities, serverInfo: { name: 'dockerfile-studio', version: '0.1.0' } };
    });
    this.connection.onInitialized(() => settings.initialized());
    // A changed .hadolint.yaml changes the findings of every open Dockerfile.
    this.connection.onDidChangeWatchedFiles(() => {
      clearConfigCache();
      ctx.lint.invalidate();
      for (const doc of this.documents.all()) ctx.republish(doc);
    });
    for (const f of features) f.register(ctx);
    this.documents.onDidClose((e) => this.parsed.forget(e.document.uri));
    this.documents.listen(this.connection);
    this.connection.listen();
  }
}
