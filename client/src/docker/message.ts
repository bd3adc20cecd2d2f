/**
 * A user-facing sentence that can be translated later. client/src/docker never imports vscode, so it
 * cannot call vscode.l10n.t itself: it returns the English template (which is also the key of the
 * Korean bundle l10n/bundle.l10n.ko.json) plus its arguments, and the VS Code side translates with
 * `vscode.l10n.t(msg.message, ...msg.args)`.
 */
export interface LocalizableMessage {
  /** English text with {0}, {1}… placeholders; the key of the translation bundle. */
  readonly message: string;
  readonly args: readonly string[];
}

export function msg(message: string, ...args: Array<string | number>): LocalizableMessage {
  return { message, args: args.map(String) };
}

/** Fills the placeholders (English); used for logs, errors and tests. */
export function formatMessage(m: LocalizableMessage): string {
  return m.message.replace(/\{(\d+)\}/g, (whole, i: string) => m.args[Number(i)] ?? whole);
}
