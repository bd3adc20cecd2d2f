// Lints open documents once per version and keeps the results, so diagnostics, code actions and
// hovers on diagnostics all read the same findings. Diagnostics use the sliced path: a long lint
// runs in slices of a few milliseconds with the event loop free in between, so completion, hover
// and every other request keep answering while a huge file is being linted, and a newer version
// cancels the lint of an older one.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultConfig, type LayerFact, type LintConfig } from './rules/config';
import { LintRun, withExternal, type ExternalFinding } from './rules/engine';
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

/** A lint under way for one document version. */
interface Pending {
  version: number;
  df: Dockerfile;
  config: LintConfig;
  run: LintRun;
  /** Resolves with the results, or undefined when a newer version (or a close) cancelled it. */
  promise: Promise<LintResult[] | undefined>;
  settle: (results: LintResult[] | undefined) => void;
}

/** How long one slice of a lint may run before the event loop gets a turn. */
export const LINT_SLICE_MS = 20;

/**
 * A lint still running after this long (a file of many thousands of lines, or a slow machine)
 * hands out what it has found so far once, so the editor shows findings instead of nothing.
 */
export const INTERIM_AFTER_MS = 1000;

export class LintService {
  private readonly cache = new Map<string, Entry>();
  private readonly pending = new Map<string, Pending>();
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

  /** The results for this version, now (finishing a sliced lint of it synchronously if one runs). */
  results(doc: TextDocument, df: Dockerfile): LintResult[] {
    const hit = this.cached(doc, df);
    if (hit) return hit;
    const p = this.pendingFor(doc, df) ?? this.start(doc, df);
    return this.finish(doc.uri, p, p.run.results());
  }

  /**
   * The results for this version, computed in slices of `sliceMs`. Resolves with undefined when
   * the lint was cancelled because a newer version or a close came first. A lint that runs longer
   * than `interimAfterMs` calls `onInterim` once with the findings of the rules done so far.
   */
  resultsSliced(
    doc: TextDocument,
    df: Dockerfile,
    sliceMs = LINT_SLICE_MS,
    onInterim?: (soFar: LintResult[]) => void,
    interimAfterMs = INTERIM_AFTER_MS,
  ): Promise<LintResult[] | undefined> {
    const hit = this.cached(doc, df);
    if (hit) return Promise.resolve(hit);
    const existing = this.pendingFor(doc, df);
    if (existing) return existing.promise;
    const p = this.start(doc, df);
    const started = performance.now();
    let interimDue = onInterim !== undefined;
    const slice = (): void => {
      if (this.pending.get(doc.uri) !== p) return; // cancelled or finished synchronously meanwhile
      try {
        if (p.run.step(performance.now() + sliceMs)) {
          this.finish(doc.uri, p, p.run.results());
          return;
        }
        if (interimDue && performance.now() - started >= interimAfterMs) {
          // Nothing found yet is not worth a publish: look again after the next slice.
          const soFar = p.run.resultsSoFar();
          if (soFar.length) {
            interimDue = false;
            onInterim?.(soFar);
          }
        }
        setImmediate(slice);
      } catch (err) {
        // The engine catches rule errors; anything else must not leave the promise hanging.
        this.onRuleError(`lint failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        this.finish(doc.uri, p, []);
      }
    };
    // The first slice runs at once: small files finish here, with no extra turn of the event loop.
    slice();
    return p.promise;
  }

  private cached(doc: TextDocument, df: Dockerfile): LintResult[] | undefined {
    const hit = this.cache.get(doc.uri);
    return hit && hit.version === doc.version && hit.df === df ? hit.results : undefined;
  }

  private pendingFor(doc: TextDocument, df: Dockerfile): Pending | undefined {
    const p = this.pending.get(doc.uri);
    return p && p.version === doc.version && p.df === df ? p : undefined;
  }

  /** Begin a lint of this version; a lint of another version of the same document is cancelled. */
  private start(doc: TextDocument, df: Dockerfile): Pending {
    this.cancel(doc.uri);
    const s = this.settings();
    const base = this.configFor(doc.uri);
    const facts = this.layerFacts.get(doc.uri);
    const config: LintConfig = {
      ...base,
      severities: { ...base.severities, ...(s.lint.rules as Record<string, Severity | 'off'>) },
      shellcheck: base.shellcheck && s.lint.shellcheck,
      ...(facts ? { layerFacts: facts } : {}),
    };
    let shells = this.shellCaches.get(doc.uri);
    if (!shells) this.shellCaches.set(doc.uri, (shells = new ShellCache()));
    shells.nextVersion();
    const run = new LintRun(df, config, {
      // Linting switched off: no rule runs, the results are empty.
      rules: s.lint.enable ? undefined : [],
      shellCache: shells,
      onRuleError: (rule, err) => this.onRuleError(`rule ${rule.id} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`),
    });
    let settle: Pending['settle'] = () => undefined;
    const promise = new Promise<LintResult[] | undefined>((resolve) => (settle = resolve));
    const p: Pending = { version: doc.version, df, config, run, promise, settle };
    this.pending.set(doc.uri, p);
    return p;
  }

  private finish(uri: string, p: Pending, ruleResults: LintResult[]): LintResult[] {
    if (this.pending.get(uri) === p) this.pending.delete(uri);
    const entry: Entry = { version: p.version, ruleResults, config: p.config, df: p.df, results: ruleResults };
    entry.results = this.merged(uri, entry);
    this.cache.set(uri, entry);
    p.settle(entry.results);
    return entry.results;
  }

  private cancel(uri: string): void {
    const p = this.pending.get(uri);
    if (!p) return;
    this.pending.delete(uri);
    p.settle(undefined);
  }

  private merged(uri: string, entry: Entry): LintResult[] {
    const ext = this.external.get(uri);
    if (!ext || ext.version !== entry.version || !ext.findings.length || !this.settings().lint.enable) return entry.ruleResults;
    return withExternal(entry.df, entry.config, entry.ruleResults, ext.findings);
  }

  /**
   * Attach findings computed asynchronously for a version. When that version's rule results are
   * cached they are merged at once (no re-lint: a late ShellCheck answer on a big file must not
   * hold up the next keystroke); otherwise the lint of that version merges them when it ends.
   */
  setExternal(uri: string, version: number, findings: ExternalFinding[]): void {
    this.external.set(uri, { version, findings });
    const entry = this.cache.get(uri);
    if (entry && entry.version === version) entry.results = this.merged(uri, entry);
  }

  /** Replace (or with undefined, drop) the layer facts of a uri; the next lint uses them. */
  setLayerFacts(uri: string, facts: LayerFact[] | undefined): void {
    if (facts) this.layerFacts.set(uri, facts);
    else this.layerFacts.delete(uri);
    this.invalidate(uri);
  }

  /** Forget computed results (configuration changed); the next request lints again. */
  invalidate(uri?: string): void {
    if (uri) {
      this.cache.delete(uri);
      this.cancel(uri);
      return;
    }
    this.cache.clear();
    for (const u of [...this.pending.keys()]) this.cancel(u);
  }

  forget(uri: string): void {
    this.invalidate(uri);
    this.external.delete(uri);
    this.shellCaches.delete(uri);
  }
}
