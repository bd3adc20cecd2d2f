// The server's settings, one typed path. Read from initializationOptions at start and from
// `workspace/configuration` (section "dockerfileStudio") when the client supports it.
import { DidChangeConfigurationNotification, type Connection, type InitializeParams } from 'vscode-languageserver/node';

export type Locale = 'en' | 'ko';
export type SeverityName = 'error' | 'warning' | 'info' | 'hint' | 'off';

export interface StudioSettings {
  language: 'auto' | Locale;
  lint: { enable: boolean; rules: Record<string, SeverityName>; shellcheck: boolean };
  format: { ignoreMultilineInstructions: boolean };
  completion: { allowNetwork: boolean };
}

export const defaultSettings: StudioSettings = {
  language: 'auto',
  lint: { enable: true, rules: {}, shellcheck: true },
  format: { ignoreMultilineInstructions: false },
  completion: { allowNetwork: false },
};

function merge(base: StudioSettings, raw: unknown): StudioSettings {
  if (!raw || typeof raw !== 'object') return base;
  const r = raw as Partial<Record<keyof StudioSettings, unknown>>;
  const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});
  const lint = obj(r.lint);
  const format = obj(r.format);
  const completion = obj(r.completion);
  return {
    language: r.language === 'en' || r.language === 'ko' || r.language === 'auto' ? r.language : base.language,
    lint: {
      enable: typeof lint.enable === 'boolean' ? lint.enable : base.lint.enable,
      rules: lint.rules && typeof lint.rules === 'object' ? (lint.rules as Record<string, SeverityName>) : base.lint.rules,
      shellcheck: typeof lint.shellcheck === 'boolean' ? lint.shellcheck : base.lint.shellcheck,
    },
    format: { ignoreMultilineInstructions: typeof format.ignoreMultilineInstructions === 'boolean' ? format.ignoreMultilineInstructions : base.format.ignoreMultilineInstructions },
    completion: { allowNetwork: typeof completion.allowNetwork === 'boolean' ? completion.allowNetwork : base.completion.allowNetwork },
  };
}

export class ServerSettings {
  private clientLocale: string | undefined;
  private canPull = false;
  private current: StudioSettings = defaultSettings;
  /** Defaults plus initializationOptions: the base every configuration answer is merged over. */
  private initial: StudioSettings = defaultSettings;
  private readonly listeners: (() => void)[] = [];

  constructor(private readonly connection: Connection) {}

  initialize(params: InitializeParams): void {
    this.clientLocale = params.locale;
    this.canPull = params.capabilities.workspace?.configuration === true;
    const opts = params.initializationOptions as Record<string, unknown> | undefined;
    this.initial = merge(defaultSettings, opts?.settings ?? opts);
    this.current = this.initial;
  }

  initialized(): void {
    if (!this.canPull) return;
    void this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'dockerfileStudio' }).catch(() => undefined);
    this.connection.onDidChangeConfiguration(() => {
      void this.refresh();
    });
    void this.refresh();
  }

  private async refresh(): Promise<void> {
    try {
      const raw: unknown = await this.connection.workspace.getConfiguration({ section: 'dockerfileStudio' });
      // Each answer is the whole section: merge it over the start-up settings (not over the last
      // answer), so a key the user removes falls back to its default.
      this.current = merge(this.initial, raw);
      for (const l of this.listeners) l();
    } catch (err) {
      this.connection.console.warn(`could not read settings: ${String(err)}`);
    }
  }

  get(): StudioSettings {
    return this.current;
  }

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** The language for texts: the setting, else the client's locale (`ko`, `ko-KR`, ... mean Korean). */
  locale(): Locale {
    if (this.current.language !== 'auto') return this.current.language;
    return this.clientLocale?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
  }
}
