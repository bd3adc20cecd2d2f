import * as vscode from 'vscode';

/**
 * The extension's one log channel. Everything the client logs goes here, with levels, so users
 * can raise the level from the Output view instead of us shipping console.log calls.
 */
let channel: vscode.LogOutputChannel | undefined;

export function log(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('Dockerfile Studio', { log: true });
  return channel;
}
