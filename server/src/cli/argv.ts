// Command-line walking shared by `lint` and `layers`: options may be written `--name value` or
// `--name=value`, and each command only says what its options mean.

export interface CliOption {
  /** The option as written, without an `=value` part (`--format`, `-f`), or a plain argument. */
  name: string;
  /** The option's value: the part after `=`, else the next argument (consumed). */
  value(): string | undefined;
}

/**
 * Calls `visit` for each argument in order; `visit` returns an error message to stop at a bad
 * option. Returns that message, or undefined when every argument was accepted.
 */
export function walkArgs(argv: readonly string[], visit: (option: CliOption) => string | undefined): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const error = visit({ name: eq > 0 ? arg.slice(0, eq) : arg, value: () => inline ?? argv[++i] });
    if (error) return error;
  }
  return undefined;
}

/** `--language en|ko`: the language of messages; undefined when the value is not one of them. */
export function languageValue(value: string | undefined): 'en' | 'ko' | undefined {
  return value === 'en' || value === 'ko' ? value : undefined;
}

export const LANGUAGE_ERROR = '--language needs en or ko';

/** The language of CLI messages from the environment (LC_ALL, LC_MESSAGES, LANG): Korean or English. */
export function localeFromEnv(env: NodeJS.ProcessEnv): 'en' | 'ko' {
  const lang = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return lang.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}
