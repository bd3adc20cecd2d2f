// Outside VS Code (the CLI) there is no vscode.l10n: messages are looked up in the same Korean
// bundle the extension ships, so each sentence is translated once for both.
import koBundle from '../../../../l10n/bundle.l10n.ko.json';
import { formatMessage, type LocalizableMessage } from '../message';

export type CliLocale = 'en' | 'ko';

const ko = koBundle as Record<string, string>;

export function localize(m: LocalizableMessage, locale: CliLocale): string {
  const template = locale === 'ko' ? (ko[m.message] ?? m.message) : m.message;
  return formatMessage({ message: template, args: m.args });
}
