import * as vscode from 'vscode';
import type { LocalizableMessage } from '../docker/message';

/** Translates a message built by client/src/docker (English template = bundle key). */
export function localize(m: LocalizableMessage): string {
  return vscode.l10n.t(m.message, ...m.args);
}
