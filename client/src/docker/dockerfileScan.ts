/**
 * A small line scanner for what build and run need from a Dockerfile: the instructions with their
 * line ranges (to put a failed step's error on its line), the stages (target choices), the ARGs
 * (build-arg choices) and EXPOSE. The client may not import the Dockerfile parser libraries, and
 * this needs far less than a full parse: directives, comments, line continuations and heredocs.
 */

export interface ScannedInstruction {
  /** Upper-case keyword, e.g. "RUN". */
  readonly keyword: string;
  /** Everything after the keyword, continuations joined with a space. */
  readonly args: string;
  /** 0-based first and last line (inclusive) the instruction spans. */
  readonly line: number;
  readonly endLine: number;
  /** Index of the stage it belongs to; -1 for ARGs before the first FROM. */
  readonly stage: number;
}

export interface ScannedStage {
  readonly index: number;
  readonly name?: string;
  readonly image: string;
  readonly line: number;
}

export interface ScannedArg {
  readonly name: string;
  readonly defaultValue?: string;
  readonly line: number;
  /** -1 for ARGs before the first FROM (usable in FROM lines). */
  readonly stage: number;
}

export interface ScannedDockerfile {
  readonly instructions: readonly ScannedInstruction[];
  readonly stages: readonly ScannedStage[];
  readonly args: readonly ScannedArg[];
  /** Ports (with protocol) of EXPOSE lines, e.g. "80/tcp". */
  readonly exposed: readonly string[];
}

const DIRECTIVE = /^#\s*([a-zA-Z][a-zA-Z0-9_-]*)\s*=\s*(.*?)\s*$/;
const HEREDOC = /<<(-?)\s*(["']?)([A-Za-z_][A-Za-z0-9_.-]*)\2/g;

export function scanDockerfile(text: string): ScannedDockerfile {
  const lines = text.split(/\r?\n/);
  let escape = '\\';
  let i = 0;
  // Parser directives: only at the very top, before any comment, blank line or instruction.
  for (; i < lines.length; i++) {
    const m = DIRECTIVE.exec(lines[i]!);
    if (!m) break;
    if (m[1]!.toLowerCase() === 'escape' && (m[2] === '`' || m[2] === '\\')) escape = m[2];
  }
  const instructions: ScannedInstruction[] = [];
  const stages: ScannedStage[] = [];
  const args: ScannedArg[] = [];
  const exposed: string[] = [];
  const continues = (s: string) => s.trimEnd().endsWith(escape);

  for (i = 0; i < lines.length; i++) {
    const first = lines[i]!;
    const trimmed = first.trim();
    if (!trimmed || trimmed.startsWith('#')) continue;
    const start = i;
    let joined = '';
    let current = first;
    // Follow continuations; comment and blank lines inside them are dropped, as BuildKit does.
    for (;;) {
      if (continues(current)) {
        joined += `${current.trimEnd().slice(0, -1)} `;
        i++;
        while (i < lines.length && (lines[i]!.trim() === '' || lines[i]!.trim().startsWith('#'))) i++;
        if (i >= lines.length) break;
        current = lines[i]!;
      } else {
        joined += current;
        break;
      }
    }
    const m = /^\s*(\S+)\s*(.*)$/s.exec(joined);
    if (!m) continue;
    const keyword = m[1]!.toUpperCase();
    const rest = m[2]!.trim();
    // Heredocs: the body lines up to each terminator belong to this instruction.
    if (keyword === 'RUN' || keyword === 'COPY' || keyword === 'ADD') {
      for (const h of rest.matchAll(HEREDOC)) {
        const strip = h[1] === '-';
        const word = h[3]!;
        while (i + 1 < lines.length) {
          i++;
          const body = strip ? lines[i]!.replace(/^\t+/, '') : lines[i]!;
          if (body === word) break;
        }
      }
    }
    const stage = keyword === 'FROM' ? stages.length : stages.length - 1;
    instructions.push({ keyword, args: rest, line: start, endLine: i, stage });
    if (keyword === 'FROM') stages.push(parseFrom(rest, stages.length, start));
    else if (keyword === 'ARG') for (const a of parseArgs(rest)) args.push({ ...a, line: start, stage });
    else if (keyword === 'EXPOSE') exposed.push(...parseExpose(rest));
  }
  return { instructions, stages, args, exposed };
}

function parseFrom(rest: string, index: number, line: number): ScannedStage {
  const words = rest.split(/\s+/).filter((w) => w && !w.startsWith('--'));
  const image = words[0] ?? '';
  const name = words[1]?.toLowerCase() === 'as' ? words[2] : undefined;
  return { index, image, line, name };
}

function parseArgs(rest: string): Array<{ name: string; defaultValue?: string }> {
  const out: Array<{ name: string; defaultValue?: string }> = [];
  for (const m of rest.matchAll(/([A-Za-z_][A-Za-z0-9_]*)(?:=("(?:[^"\\]|\\.)*"|'[^']*'|\S*))?/g)) {
    let value = m[2];
    if (value !== undefined && /^(["']).*\1$/s.test(value)) value = value.slice(1, -1);
    out.push({ name: m[1]!, defaultValue: value });
  }
  return out;
}

function parseExpose(rest: string): string[] {
  const out: string[] = [];
  for (const word of rest.split(/\s+/)) {
    const m = /^(\d+)(?:-(\d+))?(?:\/(tcp|udp|sctp))?$/i.exec(word);
    if (!m) continue; // variables like $PORT cannot be known here
    const proto = (m[3] ?? 'tcp').toLowerCase();
    const from = Number(m[1]);
    const to = m[2] ? Number(m[2]) : from;
    for (let p = from; p <= to && p - from < 100; p++) out.push(`${p}/${proto}`);
  }
  return out;
}

/**
 * The classic builder numbers steps over the ARGs before the first FROM and then every
 * instruction of the stages up to the target (later stages are dropped), in file order.
 */
export function stepInstructions(scan: ScannedDockerfile, target?: string): ScannedInstruction[] {
  let lastStage = scan.stages.length - 1;
  if (target) {
    const t = scan.stages.find((s) => s.name?.toLowerCase() === target.toLowerCase());
    if (t) lastStage = t.index;
  }
  return scan.instructions.filter((ins) => ins.stage <= lastStage);
}

/** Default tag for a context folder: docker repository names are lower case, limited charset. */
export function defaultTagFor(folderName: string): string {
  const repo = folderName
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .replace(/[^a-z0-9]+$/, '');
  return `${repo || 'image'}:latest`;
}

/**
 * Line of the first FROM, for the "Build image · Run" CodeLens: a plain line scan that runs on
 * every keystroke, so it does not scan the whole file into instructions. Comments, directives and
 * blank lines never start with FROM, so the first line whose first word is FROM is the one.
 */
export function firstFromLine(text: string): number | undefined {
  let start = 0;
  for (let line = 0; start <= text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (/^\s*from\s/i.test(text.slice(start, Math.min(end, start + 200)))) return line;
    start = end + 1;
  }
  return undefined;
}
