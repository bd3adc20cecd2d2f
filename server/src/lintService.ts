// Lints open documents once per version and keeps the results, so diagnostics, code actions and
// hovers on diagnostics all read the same findings.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultConfig, type LayerFact, type LintConfig } from './rules/config';
import { lint, type ExternalFinding } from './rules/engine';
import type { LintResult, Severity } from './rules/types';
import type { Dockerfile } from './model/types';
import type { StudioSettings } from './settings';

interface Entry {
  version: number;
  results: LintResult[];
}

export class LintService {
  private readonly cache = new Map<string, Entry>();
  /** Extra findings per uri (ShellCheck), merged on the next lint. */
  private readonly external = new Map<string, { version: number; findings: ExternalFinding[] }>();
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
    if (hit && hit.version === doc.version) return hit.results;
    const s = this.settings();
    let results: LintResult[] = [];
    if (s.lint.enable) {
      const base = this.configFor(doc.uri);
      const facts = this.layerFacts.get(doc.uri);
      const config: LintConfig = { ...base, severities: { ...base.severities, ...(s.lint.rules as Record<string, Severity | 'off'>) }, shellcheck: base.shellcheck && s.lint.shellcheck, ...(facts ? { layerFacts: facts } : {}) };
      const ext = this.external.get(doc.uri);
      results = lint(df, config, {
        external: ext && ext.version === doc.version ? ext.findings : [],
        onRuleError: (rule, err) => this.onRuleError(`rule ${rule.id} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`),
      });
    }
    this.cache.set(doc.uri, { version: doc.version, results });
    return results;
  }

  /** Attach findings computed asynchronously for a version; the next `results` call merges them. */
  setExternal(uri: string, version: number, findings: ExternalFinding[]): void {
    this.external.set(uri, { version, findings });
    this.cache.delete(uri);
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
  }
}
