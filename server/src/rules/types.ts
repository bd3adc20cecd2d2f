// Types of the lint engine. A rule is pure: it reads the parsed model and reports findings with
// English and Korean messages and optional fixes. The engine applies configuration and
// suppressions; the language server and the CLI only format the results.
import type { Dockerfile, Instruction, Range } from '../model/types';
import type { ShellCommand } from '../model/shell';
import type { LintConfig } from './config';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A text in both languages the product speaks. */
export interface Text {
  en: string;
  ko: string;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface RuleFix {
  title: Text;
  edits: TextEdit[];
  /** The fix a user would pick without thinking (marks the LSP code action preferred). */
  preferred?: boolean;
}

export type RuleSource = 'studio' | 'hadolint' | 'buildkit' | 'syntax' | 'shellcheck';

export interface RuleMeta {
  /** Stable kebab-case id (tests, docs and suppressions refer to it). */
  id: string;
  /** Equivalent codes of other linters: hadolint `DL3008`, BuildKit `JSONArgsRecommended`. */
  aliases: string[];
  severity: Severity;
  source: RuleSource;
  title: Text;
  /** Why it matters, in plain words for a learner. */
  why: Text;
  /** A short Dockerfile that triggers the rule, and the same fixed. */
  bad: string;
  good: string;
  /** Off unless enabled (hadolint's opt-in rules, BuildKit's experimental checks). */
  defaultOff?: boolean;
  /**
   * Names (ids or aliases) of other rules that report the same problem (a BuildKit check and its
   * hadolint twin). When both fire on the same line, the engine keeps the other rule's result and
   * adds this rule's aliases to it, so the user sees one diagnostic.
   */
  sameProblemAs?: string[];
}

export interface Finding {
  range: Range;
  message: Text;
  fixes?: RuleFix[];
}

export interface RuleContext {
  df: Dockerfile;
  config: LintConfig;
  /** The shell commands of a RUN (shell form or heredoc), parsed once per lint and cached. */
  shellOf(ins: Instruction): ShellCommand[];
  /** The script a RUN executes (shell-form arguments, or the heredoc bodies), cached. */
  scriptOf(ins: Instruction): string;
  /** True when the stage's shell is POSIX (not changed by SHELL to powershell/cmd or `# hadolint shell=`). */
  isPosixShell(ins: Instruction): boolean;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext, report: (f: Finding) => void): void;
}

/** One diagnostic after configuration and suppressions. */
export interface LintResult {
  rule: RuleMeta;
  severity: Severity;
  range: Range;
  message: Text;
  fixes: RuleFix[];
}
