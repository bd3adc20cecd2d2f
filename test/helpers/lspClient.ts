// A test client that speaks LSP to the real bundled server (dist/server.js --stdio) over pipes.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { serverLaunch } from '../../server/src/serverLaunch';

const root = join(__dirname, '..', '..');
// The server is started with the flags and environment the extension uses, so tests run it as users get it.

export interface TestServer {
  conn: MessageConnection;
  proc: ChildProcess;
  init: InitializeResult;
  /** Open a document; resolves with the first diagnostics published for it. */
  open(uri: string, text: string, version?: number, timeoutMs?: number): Promise<Diagnostic[]>;
  /** Replace the whole text; resolves with the next diagnostics for it. */
  change(uri: string, text: string, version: number): Promise<Diagnostic[]>;
  request<R>(method: string, params: unknown): Promise<R>;
  /** Resolves with the next diagnostics published for `uri` (register before triggering them). */
  nextDiagnostics(uri: string, timeoutMs?: number): Promise<Diagnostic[]>;
  /** Settings answered to workspace/configuration (section "dockerfileStudio"). */
  settings: Record<string, unknown>;
  stderr(): string;
  close(): Promise<void>;
}

export interface StartOptions {
  locale?: string;
  settings?: Record<string, unknown>;
  initializationOptions?: unknown;
  /** Extra environment for the server process (e.g. a PATH with a stand-in executable). */
  env?: Record<string, string>;
}

export async function startServer(opts: StartOptions = {}): Promise<TestServer> {
  const launch = serverLaunch();
  const proc = spawn(process.execPath, [...launch.execArgv, join(root, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...launch.env, ...opts.env } });
  let err = '';
  proc.stderr?.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const waiters = new Map<string, ((d: Diagnostic[]) => void)[]>();
  const state = { settings: opts.settings ?? {} };
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    const list = waiters.get(p.uri);
    const w = list?.shift();
    if (w) w(p.diagnostics);
  });
  conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map((i) => (i.section === 'dockerfileStudio' ? state.settings : null)));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onNotification('window/logMessage', () => undefined);
  conn.listen();
  const init = await conn.sendRequest<InitializeResult>('initialize', {
    processId: process.pid,
    rootUri: null,
    locale: opts.locale ?? 'en',
    initializationOptions: opts.initializationOptions,
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
      textDocument: {
        completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } } },
        publishDiagnostics: { versionSupport: true },
        rename: { prepareSupport: true },
        semanticTokens: { requests: { full: true, range: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] },
      },
    },
  });
  await conn.sendNotification('initialized', {});
  // A server that dies must fail the test at once with its stderr, not leave requests waiting
  // forever (node:test has no default timeout).
  let closing = false;
  const died = new Promise<never>((_, reject) => {
    proc.once('exit', (code, signal) => {
      if (!closing) reject(new Error(`the language server exited (code ${code}, signal ${signal}); its stderr ends with:\n${err.slice(-2000)}`));
    });
  });
  died.catch(() => undefined); // nobody may be waiting when it happens
  const nextDiagnostics = (uri: string, timeoutMs = 10000): Promise<Diagnostic[]> =>
    new Promise<Diagnostic[]>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
      const list = waiters.get(uri) ?? [];
      list.push((d) => {
        clearTimeout(timer);
        resolve(d);
      });
      waiters.set(uri, list);
      died.catch(reject);
    });
  return {
    conn,
    proc,
    init,
    get settings() {
      return state.settings;
    },
    set settings(s: Record<string, unknown>) {
      state.settings = s;
    },
    async open(uri, text, version = 1, timeoutMs?: number) {
      const p = nextDiagnostics(uri, timeoutMs);
      await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version, text } });
      return p;
    },
    async change(uri, text, version) {
      const p = nextDiagnostics(uri);
      await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
      return p;
    },
    request: <R>(method: string, params: unknown) => Promise.race([conn.sendRequest<R>(method, params), died]),
    nextDiagnostics,
    stderr: () => err,
    async close() {
      closing = true;
      try {
        await Promise.race([conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
        await conn.sendNotification('exit');
      } catch {
        // the server may already be gone; the kill below makes sure
      }
      conn.dispose();
      proc.kill();
    },
  };
}
