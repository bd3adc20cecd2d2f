// The lint engine: runs every enabled rule over one parsed Dockerfile, then applies
// configuration (ignored rules, severity overrides, opt-in rules) and suppressions (pragmas,
// BuildKit's `# check=` directive). Pure; `LintRun` can run it in slices. ShellCheck findings
// come in as `external` results because running a process is the caller's business.
import { instructionAtLine, rangesOverlap } from '../model/query';
import type { Dockerfile } from '../model/types';
import type { LintConfig } from './config';
import { makeContext, type ShellCache } from './context';
import { allRules, ruleMatches, rulesByName } from './index';
import { readSuppressions, type Suppressions } from './suppressions';
import type { Finding, LintResult, Rule, RuleContext, RuleMeta, Severity } from './types';

export interface ExternalFinding {
  rule: RuleMeta;
  finding: Finding;
}

export interface LintOptions {
  /** Rules to run (default: all). */
  rules?: Rule[];
  /** Findings produced elsewhere (ShellCheck) that go through the same suppression logic. */
  external?: ExternalFinding[];
  /** Called when a rule throws; the other rules still run. */
  onRuleError?: (rule: RuleMeta, err: unknown) => void;
  /** Parsed RUN scripts of the previous lint of the same document, reused when a script is unchanged. */
  shellCache?: ShellCache;
}

/** A rule that BuildKit also has: its `# check=` directive applies. */
export function isBuildkitRule(meta: RuleMeta): boolean {
  return meta.source === 'buildkit' || meta.aliases.some((a) => /^[A-Z][a-z]/.test(a));
}

function anyMatch(meta: RuleMeta, names: string[]): boolean {
  return names.some((n) => ruleMatches(meta, n));
}

/** Does a name refer to this rule, or to a twin that reports the same problem (sameProblemAs)? */
function matchesRuleOrTwin(meta: RuleMeta, names: string[]): boolean {
  if (anyMatch(meta, names)) return true;
  const twins = meta.sameProblemAs;
  if (!twins?.length) return false;
  return names.some((n) => rulesByName(n).some((r) => twins.some((t) => ruleMatches(r.meta, t))));
}

function isEnabled(meta: RuleMeta, config: LintConfig, sup: Suppressions): boolean {
  const buildkit = isBuildkitRule(meta);
  if (meta.defaultOff) {
    // Giving an opt-in rule a severity (hadolint's `override:` lists, our settings) also switches it on.
    const override = severityOverride(meta, config);
    const optedIn = anyMatch(meta, config.enabled) || (override !== undefined && override !== 'off') || (buildkit && (sup.check.experimentalAll || anyMatch(meta, sup.check.experimental)));
    if (!optedIn) return false;
  }
  // Ignoring a rule also ignores its twin: the user asked not to hear about that problem.
  if (matchesRuleOrTwin(meta, config.ignored) || matchesRuleOrTwin(meta, sup.global)) return false;
  if (severityOverride(meta, config) === 'off') return false;
  if (buildkit && (sup.check.skipAll || anyMatch(meta, sup.check.skip))) return false;
  return true;
}

function severityOverride(meta: RuleMeta, config: LintConfig): Severity | 'off' | undefined {
  for (const name of [meta.id, ...meta.aliases]) {
    const s = config.severities[name];
    if (s) return s;
  }
  return undefined;
}

function knownName(name: string): boolean {
  return rulesByName(name).length > 0 || name.toLowerCase() === 'shellcheck';
}

/** Collects findings that survive configuration and suppressions, with their final severity. */
class ResultCollector {
  readonly results: LintResult[] = [];
  private static readonly noFixes: LintResult['fixes'] = [];

  constructor(
    private readonly df: Dockerfile,
    private readonly config: LintConfig,
    readonly sup: Suppressions,
  ) {}

  isEnabled(meta: RuleMeta): boolean {
    return isEnabled(meta, this.config, this.sup);
  }

  /**
   * A big file gives thousands of findings: settle everything that depends on the rule alone
   * (severity, BuildKit-ness) once per rule, and keep the per-finding work to suppression lookups.
   */
  reporterFor(meta: RuleMeta): (f: Finding) => void {
    const { df, sup, results } = this;
    const buildkit = isBuildkitRule(meta);
    let severity: Severity = meta.severity;
    const o = severityOverride(meta, this.config);
    if (o && o !== 'off') severity = o;
    if (sup.check.error && buildkit) severity = 'error';
    const hasLineSuppressions = sup.byLine.size > 0 || sup.byStage.length > 0 || (buildkit && sup.checkSkipByLine.size > 0);
    return (f) => {
      if (hasLineSuppressions && isSuppressedAt(df, sup, meta, buildkit, f.range.start.line)) return;
      results.push({ rule: meta, severity, range: f.range, message: f.message, fixes: f.fixes ?? ResultCollector.noFixes });
    };
  }

  addExternal(external: readonly ExternalFinding[]): void {
    for (const ext of external) if (this.isEnabled(ext.rule)) this.reporterFor(ext.rule)(ext.finding);
  }
}

function byPosition(a: LintResult, b: LintResult): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/**
 * A lint that can run in slices: `step` runs rules until a deadline passes, so a server can
 * answer other requests between slices of a long lint (a huge or pathological file). A rule is
 * never cut in the middle.
 */
export class LintRun {
  private readonly collector: ResultCollector;
  private readonly ctx: RuleContext;
  private readonly rules: Rule[];
  private next = 0;
  private finished: LintResult[] | undefined;

  constructor(
    df: Dockerfile,
    config: LintConfig,
    private readonly options: LintOptions = {},
  ) {
    this.collector = new ResultCollector(df, config, readSuppressions(df, knownName));
    this.ctx = makeContext(df, config, this.collector.sup, options.shellCache);
    this.rules = options.rules ?? allRules;
  }

  /** Run rules until `deadline` (a `performance.now()` time) has passed; true once every rule ran. */
  step(deadline = Infinity): boolean {
    while (this.finished === undefined) {
      if (this.next >= this.rules.length) {
        this.collector.addExternal(this.options.external ?? []);
        this.finished = mergeSameProblem(this.collector.results).sort(byPosition);
        break;
      }
      const rule = this.rules[this.next++];
      if (this.collector.isEnabled(rule.meta)) {
        try {
          rule.check(this.ctx, this.collector.reporterFor(rule.meta));
        } catch (err) {
          this.options.onRuleError?.(rule.meta, err);
        }
      }
      if (performance.now() > deadline) break;
    }
    return this.finished !== undefined;
  }

  /** What the rules that have run so far found (all of it once finished); runs nothing. */
  resultsSoFar(): LintResult[] {
    return this.finished ?? mergeSameProblem(this.collector.results).sort(byPosition);
  }

  /** The results; runs whatever is left first. */
  results(): LintResult[] {
    this.step();
    return this.finished as LintResult[];
  }
}

export function lint(df: Dockerfile, config: LintConfig, options: LintOptions = {}): LintResult[] {
  return new LintRun(df, config, options).results();
}

/**
 * `lint` results plus findings that arrived later (ShellCheck), without running the rules again:
 * the same as linting with `external`. The rules' results were merged among themselves already;
 * what is new is an external finding folding into a rule's result (mergeSameProblem).
 */
export function withExternal(df: Dockerfile, config: LintConfig, results: readonly LintResult[], external: readonly ExternalFinding[]): LintResult[] {
  if (!external.length) return [...results];
  const collector = new ResultCollector(df, config, readSuppressions(df, knownName));
  collector.addExternal(external);
  return mergeSameProblem([...results, ...collector.results].sort(byPosition));
}

/** Is a finding of `meta` on `line` silenced by a pragma on its instruction, its stage or a `# check=skip`? */
function isSuppressedAt(df: Dockerfile, sup: Suppressions, meta: RuleMeta, buildkit: boolean, line: number): boolean {
  const ins = instructionAtLine(df, line);
  const local = ins ? sup.byLine.get(ins.startLine) : undefined;
  if (local && matchesRuleOrTwin(meta, local)) return true;
  if (sup.byStage.some((st) => line >= st.startLine && line <= st.endLine && matchesRuleOrTwin(meta, st.names))) return true;
  const checkSkip = ins && buildkit ? sup.checkSkipByLine.get(ins.startLine) : undefined;
  return checkSkip !== undefined && (checkSkip.some((n) => n.toLowerCase() === 'all') || anyMatch(meta, checkSkip));
}

/**
 * One diagnostic per problem: a result whose rule declares `sameProblemAs` a rule that also fired
 * on the same line is folded into that result, which then carries both rules' aliases. A
 * ShellCheck finding points at one word of a script, and a RUN line can hold several problems,
 * so it folds only into a result at the same spot. The results passed in are not changed (the
 * language server keeps them to merge later ShellCheck answers into): a twin that takes in
 * another result is replaced by a copy.
 */
function mergeSameProblem(results: readonly LintResult[]): LintResult[] {
  if (!results.some((r) => r.rule.sameProblemAs?.length)) return [...results];
  const byLine = new Map<number, LintResult[]>();
  for (const r of results) {
    const list = byLine.get(r.range.start.line) ?? [];
    list.push(r);
    byLine.set(r.range.start.line, list);
  }
  const dropped = new Set<LintResult>();
  const merged = new Map<LintResult, LintResult>();
  for (const r of results) {
    const names = r.rule.sameProblemAs;
    if (!names?.length) continue;
    const sameSpot = (o: LintResult): boolean => r.rule.source !== 'shellcheck' || rangesOverlap(o.range, r.range);
    const twin = (byLine.get(r.range.start.line) ?? []).find((o) => o !== r && !dropped.has(o) && names.some((n) => ruleMatches(o.rule, n)) && sameSpot(o));
    if (!twin) continue;
    const into = merged.get(twin) ?? twin;
    // Keep the folded rule's fixes the twin does not already offer.
    const extraFixes = r.fixes.filter((fix) => !into.fixes.some((f) => f.title.en === fix.title.en));
    merged.set(twin, {
      ...into,
      rule: { ...into.rule, aliases: [...new Set([...into.rule.aliases, ...r.rule.aliases])] },
      fixes: extraFixes.length ? [...into.fixes, ...extraFixes] : into.fixes,
    });
    dropped.add(r);
  }
  return results.filter((r) => !dropped.has(r)).map((r) => merged.get(r) ?? r);
}

const ORDER: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0 };

/** Does a result reach the failure threshold (`none` never fails)? */
export function reachesThreshold(severity: Severity, threshold: Severity | 'none'): boolean {
  return threshold !== 'none' && ORDER[severity] >= ORDER[threshold];
}
