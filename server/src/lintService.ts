// Lints open documents once per version and keeps the results, so diagnostics, code actions and
// hovers on diagnostics all read the same findings.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultConfig, type LayerFact, type LintConfig } from './rules/config';
import { lint, withExternal, type ExternalFinding } from './rules/engine';
import { ShellCache } from './rules/context';
import type { LintResult, Severity } from './rules/types';
import type { Dockerfile } from './model/types';
import type { StudioSettings } from './settings';

interface Entry {
  version: number;
  /** What the rules found (no ShellCheck), so late ShellCheck findings merge without re-linting. */
  ruleResults: LintResult[];
  config: LintConfig;
  df: Dockerfile;
  results: LintResult[];
}

export class LintService {
  private readonly cache = new Map<string, Entry>();
  /** Extra findings per uri (ShellCheck), merged into that version's results. */
  private readonly external = new Map<string, { version: number; findings: ExternalFinding[] }>();
  /** Parsed RUN scripts per uri, reused by the next version's lint for unchanged scripts. */
  private readonly shellCaches = new Map<string, ShellCache>();
  /**
   * Measured wasted files per uri from the client's last layer analysis. Kept when the document
   * closes: they describe the built image, which outlives the editor tab.
   */
  private readonly layerFacts = new Map<string, LayerFact[]>();

  constructor(
    private readonly settings: () => StudioSettings,
    private readonly configFor: (uri: string) => LintConfig = () => defaultConfig(),
    private readonly onRuleError: (message: string) => void = () => undefined,
  ) {}

  results(doc: TextDocument, df: Dockerfile): LintResult[] {
    const hit = this.cache.get(doc.uri);
    if (hit && hit.version === doc.version && hit.df === df) return hit.results;
    const s = this.settings();
    if (!s.lint.enable) {
      this.cache.set(doc.uri, { version: doc.version, ruleResults: [], config: defaultConfig(), df, results: [] });
      return [];
    }
    const base = this.configFor(doc.uri);
    const facts = this.layerFacts.get(doc.uri);
    const config: LintConfig = { ...base, severities: { ...base.severities, ...(s.lint.rules as Record<string, Severity | 'off'>) }, shellcheck: base.shellcheck && s.lint.shellcheck, ...(facts ? { layerFacts: facts } : {}) };
    let shells = this.shellCaches.get(doc.uri);
    if (!shells) this.shellCaches.set(doc.uri, (shells = new ShellCache()));
    shells.nextVersion();
    const ruleResults = lint(df, config, {
      shellCache: shells,
      onRuleError: (rule, err) => this.onRuleError(`rule ${rule.id} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`),
    });
    const entry: Entry = { version: doc.version, ruleResults, config, df, results: ruleResults };
    entry.results = this.merged(doc.uri, entry);
    this.cache.set(doc.uri, entry);
    return entry.results;
  }

  private merged(uri: string, entry: Entry): LintResult[] {
    const ext = this.external.get(uri);
    if (!ext || ext.version !== entry.version || !ext.findings.length) return entry.ruleResults;
    return withExternal(entry.df, entry.config, entry.ruleResults, ext.findings);
  }

  /**
   * Attach findings computed asynchronously for a version. When that version's rule results are
   * cached they are merged at once (no re-lint: a late ShellCheck answer on a big file must not
   * hold up the next keystroke); otherwise the next `results` call merges them.
   */
  setExternal(uri: string, version: number, findings: ExternalFinding[]): void {
    this.external.set(uri, { version, findings });
    const entry = this.cache.get(uri);
    if (entry && entry.version === version) entry.results = this.merged(uri, entry);
  }

  /** Replace (or with undefined, drop) the layer facts of a uri; the next `results` call uses them. */
  setLayerFacts(uri: string, facts: LayerFact[] | undefined): void {
    if (facts) this.layerFacts.set(uri, facts);
    else this.layerFacts.delete(uri);
    this.cache.delete(uri);
  }

  invalidate(uri?: string): void {
    if (uri) this.cache.delete(uri);
    else this.cache.clear();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    this.external.delete(uri);
    this.shellCaches.delete(uri);
  }
}
