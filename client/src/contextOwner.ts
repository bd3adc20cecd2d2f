import * as vscode from 'vscode';
import { log } from './log';
import { ServerHandle } from './languageClient';
import { registerCommands } from './commands/registry';
import { EngineService } from './docker/engineService';
import { warnAboutDuplicateDiagnostics } from './duplicateExtensions';

/**
 * Owns every disposable of the extension: the language client, commands, views and the engine
 * connection. Features register themselves here so deactivation tears everything down.
 */
export class ExtensionContextOwner {
  readonly server: ServerHandle;
  /** The shared Docker engine connection (build, run, containers, images, layers, registries). */
  readonly engine: EngineService;

  constructor(readonly context: vscode.ExtensionContext) {
    this.server = new ServerHandle(context);
    this.engine = new EngineService({
      hostSetting: () => vscode.workspace.getConfiguration('dockerfileStudio').get<string>('docker.host', ''),
      log: (level, message) => (level === 'warn' ? log().warn(message) : log().info(message)),
    });
    context.subscriptions.push(log());
  }

  async start(): Promise<void> {
    log().info(`Dockerfile Studio ${String(this.context.extension.packageJSON.version)} activating`);
    registerCommands(this);
    await this.server.start();
    void warnAboutDuplicateDiagnostics(this.context).catch((err: unknown) => log().warn(`duplicate check failed: ${String(err)}`));
  }

  async stop(): Promise<void> {
    await this.server.stop();
  }
}
