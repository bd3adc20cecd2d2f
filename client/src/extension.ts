import * as vscode from 'vscode';
import { ExtensionContextOwner } from './contextOwner';

/** Entry point: everything with a lifetime is owned by one object, disposed on deactivate. */
let owner: ExtensionContextOwner | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  owner = new ExtensionContextOwner(context);
  await owner.start();
}

export async function deactivate(): Promise<void> {
  await owner?.stop();
  owner = undefined;
}
