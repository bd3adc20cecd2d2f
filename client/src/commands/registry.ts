import * as vscode from 'vscode';
import type { ExtensionContextOwner } from '../contextOwner';
import { log } from '../log';
import { buildAndRunCommands } from './buildAndRun';
import { registryCommands } from './registryCommands';
import { imagesViewCommands } from '../views/imagesCommands';

/** One registration table for every command; each command lives in its own file. */
export function registerCommands(owner: ExtensionContextOwner): void {
  const table: Record<string, (...args: unknown[]) => unknown> = {
    'dockerfileStudio.restartServer': () => owner.server.restart(),
    'dockerfileStudio.showLog': () => log().show(),
    ...buildAndRunCommands(owner),
    ...registryCommands(owner),
    ...imagesViewCommands(owner),
  };
  for (const [id, handler] of Object.entries(table)) {
    owner.context.subscriptions.push(vscode.commands.registerCommand(id, handler));
  }
}
