// Inline suppressions and per-file switches found in comments and directives:
//   # hadolint ignore=DL3008,DL3009        the next instruction
//   # hadolint global ignore=DL3008         the whole file
//   # hadolint stage ignore=DL3008          the build stage that starts below (or contains) it
//   # hadolint shell=powershell             shell rules off for what follows
//   # dockerfile-studio ignore=rule-id      the next instruction (our ids or any alias)
//   # dockerfile-studio global ignore=…     the whole file
//   # check=skip=A,B;error=true;experimental=C   BuildKit's directive
import type { Dockerfile } from '../model/types';

export interface Suppressions {
  /** Names ignored for the whole file. */
  global: string[];
  /** Names ignored per instruction start line. */
  byLine: Map<number, string[]>;
  /** Names ignored for whole build stages (`# hadolint stage ignore=…`), by line span. */
  byStage: { startLine: number; endLine: number; names: string[] }[];
  /** Lines from which the shell is declared non-POSIX by a `shell=` pragma. */
  nonPosixShellFrom: number | undefined;
  /** BuildKit `# check=` directive. */
  check: { skip: string[]; skipAll: boolean; error: boolean; experimental: string[]; experimentalAll: boolean };
  /** BuildKit `# check=skip=A,B` (or `skip=all`) comments right above an instruction: that instruction only. */
  checkSkipByLine: Map<number, string[]>;
}

const PRAGMA = /^\s*(hadolint|dockerfile-studio)\s+(global\s+|stage\s+)?(ignore|shell)\s*=\s*(.*)$/i;
/** `# check=skip=A,B // why` below the directive block: BuildKit applies it to the next instruction. */
const LOCAL_CHECK = /^\s*check\s*=\s*(.*)$/i;

function splitNames(s: string): string[] {
  return s.split(/[\s,]+/).map((x) => x.trim()).filter(Boolean);
}

/**
 * @param isKnownName when given, a `# hadolint …ignore=` list that names something unknown is
 *   dropped as a whole, as hadolint does (its pragma parser rejects the comment).
 */
export function readSuppressions(df: Dockerfile, isKnownName?: (name: string) => boolean): Suppressions {
  const out: Suppressions = { global: [], byLine: new Map(), byStage: [], nonPosixShellFrom: undefined, check: { skip: [], skipAll: false, error: false, experimental: [], experimentalAll: false }, checkSkipByLine: new Map() };
  const instructionStarts = new Set(df.instructions.map((i) => i.startLine));
  const commentLines = new Set(df.comments.map((c) => c.line));
  const nextInstruction = (line: number): number | undefined => {
    let l = line + 1;
    while (commentLines.has(l)) l++;
    return instructionStarts.has(l) ? l : undefined;
  };
  for (const c of df.comments) {
    const local = LOCAL_CHECK.exec(c.text);
    if (local) {
      const target = nextInstruction(c.line);
      const skip = /(?:^|;)\s*skip\s*=\s*([^;\s]*)/i.exec(local[1]);
      if (target !== undefined && skip) out.checkSkipByLine.set(target, [...(out.checkSkipByLine.get(target) ?? []), ...splitNames(skip[1])]);
      continue;
    }
    const m = PRAGMA.exec(c.text);
    if (!m) continue;
    // A trailing `# why` comment is not part of the list (found with a search, not /\s+#.*$/,
    // which backtracks on long runs of spaces).
    const hash = m[4].search(/\s#/);
    const value = hash >= 0 ? m[4].slice(0, hash).trimEnd() : m[4];
    if (m[3].toLowerCase() === 'shell') {
      if (!/^(sh|bash|ash|dash|zsh|ksh|\/bin\/(ba|a|da|z|k)?sh)$/i.test(value.trim())) out.nonPosixShellFrom ??= c.line;
      continue;
    }
    const names = splitNames(value);
    if (isKnownName && m[1].toLowerCase() === 'hadolint' && !names.every((n) => /^SC\d+$/i.test(n) || isKnownName(n))) continue;
    if (m[2]?.trim().toLowerCase() === 'stage') {
      // The stage whose FROM comes next, else the stage the comment sits in.
      const next = nextInstruction(c.line);
      const stage = df.stages.find((s) => s.from.startLine === next) ?? [...df.stages].reverse().find((s) => s.from.startLine < c.line);
      if (stage) out.byStage.push({ startLine: stage.from.startLine, endLine: stage.endLine, names });
      continue;
    }
    if (m[2]) {
      out.global.push(...names);
      continue;
    }
    // An ignore comment covers the instruction right below it (other comments may sit between).
    let line = c.line + 1;
    while (commentLines.has(line)) line++;
    if (instructionStarts.has(line)) out.byLine.set(line, [...(out.byLine.get(line) ?? []), ...names]);
  }
  // Only the first `check` directive counts (a build-arg check setting is written above the file's own).
  for (const d of df.directives.filter((x) => x.name === 'check').slice(0, 1)) {
    for (const part of d.value.split(';')) {
      const eq = part.indexOf('=');
      if (eq < 0) continue;
      const key = part.slice(0, eq).trim().toLowerCase();
      const val = part.slice(eq + 1).trim();
      if (key === 'skip') {
        const names = splitNames(val);
        if (names.some((n) => n.toLowerCase() === 'all')) out.check.skipAll = true;
        out.check.skip.push(...names);
      } else if (key === 'error') out.check.error = val.toLowerCase() === 'true';
      else if (key === 'experimental') {
        const names = splitNames(val);
        if (names.some((n) => n.toLowerCase() === 'all')) out.check.experimentalAll = true;
        out.check.experimental.push(...names);
      }
    }
  }
  return out;
}
