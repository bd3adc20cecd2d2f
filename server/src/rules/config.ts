// Lint configuration: hadolint's `.hadolint.yaml` keys, BuildKit's `# check=` directive, our own
// settings, merged into one object the engine reads.
import type { Severity } from './types';

export type Threshold = Severity | 'none';

export interface LintConfig {
  /** Rules (ids or aliases) switched off. */
  ignored: string[];
  /** Severity per rule (id or alias); 'off' disables. */
  severities: Record<string, Severity | 'off'>;
  /** Registries FROM may pull from (hadolint DL3026); empty = any. */
  trustedRegistries: string[];
  /** Required labels and their types (hadolint DL3049–DL3058). */
  labelSchema: Record<string, string>;
  strictLabels: boolean;
  /** Results below this severity do not fail the CLI. */
  failureThreshold: Threshold;
  /** Opt-in rules enabled by id or alias (hadolint's DL3057, BuildKit experimental checks). */
  enabled: string[];
  /** Run ShellCheck on RUN scripts when it is installed. */
  shellcheck: boolean;
  /** Lines of the build context's `.dockerignore` (BuildKit CopyIgnoredFile); undefined = unknown. */
  dockerignore?: string[];
  /**
   * Wasted files of the last analysed image built from this Dockerfile (sent by the client after
   * a layer analysis): path, bytes, and the 0-based line of the instruction whose layer added them.
   * undefined = no analysis; `deleted-in-later-layer` then only knows what the text says.
   */
  layerFacts?: LayerFact[];
}

export interface LayerFact {
  path: string;
  bytes: number;
  addedAtLine: number;
}

export function defaultConfig(): LintConfig {
  return { ignored: [], severities: {}, trustedRegistries: [], labelSchema: {}, strictLabels: false, failureThreshold: 'info', enabled: [], shellcheck: true };
}

const HADOLINT_LEVELS: Record<string, Severity> = { error: 'error', warning: 'warning', info: 'info', style: 'hint' };

/** Turn a parsed `.hadolint.yaml` object into our config (unknown keys are ignored). */
export function fromHadolintYaml(raw: unknown, base: LintConfig = defaultConfig()): LintConfig {
  if (!raw || typeof raw !== 'object') return base;
  const r = raw as Record<string, unknown>;
  const out: LintConfig = { ...base, severities: { ...base.severities }, ignored: [...base.ignored] };
  const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  out.ignored.push(...strings(r.ignored));
  const override = r.override as Record<string, unknown> | undefined;
  if (override && typeof override === 'object') {
    for (const [level, rules] of Object.entries(override)) {
      const sev = HADOLINT_LEVELS[level];
      if (sev) for (const id of strings(rules)) out.severities[id] = sev;
    }
  }
  if (r.trustedRegistries !== undefined) out.trustedRegistries = strings(r.trustedRegistries);
  const schema = r['label-schema'];
  if (schema && typeof schema === 'object') out.labelSchema = Object.fromEntries(Object.entries(schema as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
  if (typeof r['strict-labels'] === 'boolean') out.strictLabels = r['strict-labels'];
  const threshold = r['failure-threshold'];
  if (typeof threshold === 'string') {
    out.failureThreshold = threshold === 'none' ? 'none' : (HADOLINT_LEVELS[threshold] ?? out.failureThreshold);
  }
  if (typeof r['no-fail'] === 'boolean' && r['no-fail']) out.failureThreshold = 'none';
  return out;
}
