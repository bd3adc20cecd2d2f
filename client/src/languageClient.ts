import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { serverLaunch } from '../../server/src/serverLaunch';
import { log } from './log';
import { NotificationReplay } from './notificationReplay';
import { ServerStatus } from './serverStatus';

/** Starts, stops and restarts the language server (dist/server.js over IPC). */
export class ServerHandle {
  private client: LanguageClient | undefined;
  private stateListener: vscode.Disposable | undefined;
  private replayListener: vscode.Disposable | undefined;
  private readonly status = new ServerStatus();
  private readonly replay = new NotificationReplay();

  constructor(private readonly context: vscode.ExtensionContext) {
    context.subscriptions.push(this.status);
  }

  async start(): Promise<void> {
    const module = this.context.asAbsolutePath(path.join('dist', 'server.js'));
    // The server's heap and thread settings for this machine (server/src/serverLaunch.ts); the
    // tests and the benchmark start it the same way. languageclient merges `env` into the
    // extension host's environment.
    const launch = serverLaunch();
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc, options: { execArgv: launch.execArgv, env: launch.env } },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: [...launch.execArgv, '--nolazy', '--inspect=6019'], env: launch.env } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { scheme: 'file', language: 'dockerfile' },
        { scheme: 'untitled', language: 'dockerfile' },
      ],
      outputChannel: log(),
      // Config files that change what the linter reports; the server re-lints when they change.
      synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/{.hadolint.yaml,.hadolint.yml,.dockerignore,*.dockerignore}') },
      // Settings are pulled by the server (workspace/configuration) and change live; the locale
      // comes from vscode.env.language in InitializeParams.
      initializationOptions: { settings: vscode.workspace.getConfiguration('dockerfileStudio') },
    };
    this.client = new LanguageClient('dockerfileStudio', 'Dockerfile Studio', serverOptions, clientOptions);
    this.stateListener?.dispose();
    this.stateListener = this.status.track(this.client);
    const client = this.client;
    // Every time the server (re)starts (first start, crash recovery), it hears the remembered facts again.
    this.replayListener?.dispose();
    this.replayListener = client.onDidChangeState((e) => {
      if (e.newState !== State.Running) return;
      void this.replay.replay((method, params) => client.sendNotification(method, params)).then((n) => {
        if (n) log().debug(`re-sent ${n} remembered notification(s) to the language server`);
      });
    });
    await this.client.start();
    log().info('language server started');
  }

  /**
   * Sends a notification to the server when it runs (facts it can do without when it does not).
   * With `replayKey`, the latest params per key are re-sent whenever the server restarts.
   */
  async notify(method: string, params: unknown, replayKey?: string): Promise<void> {
    if (replayKey !== undefined) this.replay.remember(method, replayKey, params);
    if (this.client?.isRunning()) await this.client.sendNotification(method, params);
  }

  async stop(): Promise<void> {
    const c = this.client;
    this.client = undefined;
    if (c) await c.stop();
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }
}
