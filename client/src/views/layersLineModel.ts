// Pure matching of an image's history to the Dockerfile lines that made it. The engine records
// each step's instruction (created_by); we align those, newest to oldest, with the instructions
// of the Dockerfile's last stage. Content-based matching also holds after a rebuild with cached
// steps, because a cached step keeps its recorded instruction.
import { cleanCreatedBy } from '../docker/layers/history';

export interface DockerfileInstruction {
  keyword: string;
  /** Arguments with continuations joined. */
  args: string;
  /** 0-based first line of the instruction. */
  line: number;
}

/**
 * Splits a Dockerfile into instructions with their first line: comments, blank lines, line
 * continuations (the escape directive's character) and heredoc bodies are handled; enough for
 * matching, not a parser (the language server owns parsing).
 */
export function splitInstructions(text: string): DockerfileInstruction[] {
  const lines = text.split(/\r?\n/);
  let escape = '\\';
  const out: DockerfileInstruction[] = [];
  let i = 0;
  let directives = true;
  while (i < lines.length) {
    const raw = lines[i];
    const trimmed = raw.trim();
    if (directives) {
      const d = /^#\s*escape\s*=\s*([\\`])\s*$/i.exec(trimmed);
      if (d) escape = d[1];
      if (!/^#\s*\w+\s*=/.test(trimmed)) directives = false;
    }
    if (trimmed === '' || trimmed.startsWith('#')) {
      i++;
      continue;
    }
    const start = i;
    let body = '';
    for (;;) {
      const t = lines[i] ?? '';
      const tt = t.trimEnd();
      if (i > start && t.trim().startsWith('#')) {
        i++; // comments inside a continued instruction are dropped
        continue;
      }
      if (tt.endsWith(escape) && i < lines.length - 1) {
        body += `${tt.slice(0, -1)} `;
        i++;
        continue;
      }
      body += t;
      i++;
      break;
    }
    const m = /^\s*(\S+)\s*([\s\S]*)$/.exec(body);
    if (!m) continue;
    const keyword = m[1].toUpperCase();
    const args = m[2].trim();
    out.push({ keyword, args, line: start });
    // Skip heredoc bodies (RUN <<EOF … EOF): their lines are not instructions.
    for (const h of args.matchAll(/<<-?\s*["']?([A-Za-z_][A-Za-z0-9_]*)["']?/g)) {
      const end = h[1];
      while (i < lines.length && lines[i].trim() !== end) i++;
      i++;
    }
  }
  return out;
}

/** The instructions of the last stage (after its FROM): those are the image's own steps. */
export function lastStage(instructions: DockerfileInstruction[]): DockerfileInstruction[] {
  let from = -1;
  instructions.forEach((ins, k) => {
    if (ins.keyword === 'FROM') from = k;
  });
  return instructions.slice(from + 1);
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** 0: different instruction; 1: same keyword; 2: same keyword and recognisably the same arguments. */
export function matchScore(historyInstruction: string, ins: DockerfileInstruction): number {
  const cleaned = squash(historyInstruction);
  const space = cleaned.indexOf(' ');
  const keyword = (space < 0 ? cleaned : cleaned.slice(0, space)).toUpperCase();
  if (keyword !== ins.keyword) return 0;
  const hArgs = space < 0 ? '' : cleaned.slice(space + 1);
  const dArgs = squash(ins.args.replace(/^(--\S+\s+)+/, '')); // flags (--chown, --mount…) are not recorded alike
  if (hArgs === squash(ins.args) || hArgs === dArgs) return 2;
  switch (keyword) {
    case 'COPY':
    case 'ADD': {
      // Classic builder: "COPY file:<sha> in /dest"; BuildKit: "COPY src dest". Compare destinations.
      const dest = (s: string): string => s.split(' ').pop() ?? '';
      return dest(hArgs) === dest(dArgs) ? 2 : 1;
    }
    case 'ENV':
    case 'LABEL': {
      // "ENV A b" is recorded as "ENV A=b".
      const legacy = /^(\S+)\s+(.*)$/.exec(dArgs);
      return legacy && !legacy[1].includes('=') && hArgs === `${legacy[1]}=${legacy[2]}` ? 2 : 1;
    }
    case 'CMD':
    case 'ENTRYPOINT': {
      // Both forms are recorded as a JSON-ish list; compare the words.
      const words = (s: string): string => s.replace(/[[\]",]/g, ' ').replace(/\s+/g, ' ').replace(/^\/bin\/sh -c /, '').trim();
      return words(hArgs) === words(dArgs) ? 2 : 1;
    }
    default:
      return 1;
  }
}

export interface LineMatch {
  /** Index into the history in build order (oldest first). */
  step: number;
  /** 0-based Dockerfile line. */
  line: number;
  exact: boolean;
}

/**
 * Order-preserving alignment (dynamic programming) of history steps (oldest first, raw created_by)
 * with the last stage's instructions, maximising the summed match scores. Returns undefined when
 * the Dockerfile is not recognisably the one that built the image: the newest step must match
 * exactly and at least half of the matched steps must be exact.
 */
export function matchHistoryToDockerfile(createdBy: string[], dockerfileText: string): LineMatch[] | undefined {
  const steps = createdBy.map(cleanCreatedBy);
  const ins = lastStage(splitInstructions(dockerfileText));
  if (!steps.length || !ins.length) return undefined;
  const n = steps.length;
  const m = ins.length;
  // best[i][j]: best score aligning steps[0..i) with ins[0..j). The walk back starts at the newest
  // step, so when a base-image step and one of ours tie (both "CMD …"), ours gets the line.
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  const score: number[][] = steps.map((s) => ins.map((d) => matchScore(s, d)));
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const sc = score[i - 1][j - 1];
      best[i][j] = Math.max(sc ? sc + best[i - 1][j - 1] : 0, best[i - 1][j], best[i][j - 1]);
    }
  }
  const matches: LineMatch[] = [];
  let i = n;
  let j = m;
  while (i > 0 && j > 0) {
    const sc = score[i - 1][j - 1];
    if (sc && best[i][j] === sc + best[i - 1][j - 1]) {
      matches.push({ step: i - 1, line: ins[j - 1].line, exact: sc === 2 });
      i--;
      j--;
    } else if (best[i][j] === best[i - 1][j]) i--;
    else j--;
  }
  matches.reverse();
  const newest = matches[matches.length - 1];
  if (!newest || newest.step !== n - 1 || !newest.exact) return undefined;
  const exact = matches.filter((x) => x.exact).length;
  return exact * 2 >= matches.length ? matches : undefined;
}

export interface SizeAnnotation {
  line: number;
  /** "+5.24 MB", "+0 B" or "no layer" (metadata-only step). */
  text: string;
  bytes: number;
  emptyLayer: boolean;
}

/**
 * What to show on the Dockerfile after a build: for each instruction that the image's history
 * matches, the bytes its layer added (history entries newest first, as the engine lists them).
 */
export function sizeAnnotations(history: { createdBy: string; size: number }[], dockerfileText: string, formatBytes: (n: number) => string, isMetadata: (instruction: string, size: number) => boolean): SizeAnnotation[] {
  const oldestFirst = history.slice().reverse();
  const matches = matchHistoryToDockerfile(oldestFirst.map((h) => h.createdBy), dockerfileText) ?? [];
  return matches.map((m) => {
    const h = oldestFirst[m.step];
    const emptyLayer = isMetadata(cleanCreatedBy(h.createdBy), h.size);
    return { line: m.line, bytes: h.size, emptyLayer, text: emptyLayer ? 'no layer' : `+${formatBytes(h.size)}` };
  });
}

export interface WasteAnnotation {
  /** The line whose layer deleted or overwrote the bytes. */
  line: number;
  bytes: number;
  /** Lines whose layers added those bytes (the bytes stay there). */
  addedAtLines: number[];
  paths: number;
}

/**
 * Where wasted bytes were hidden, on the Dockerfile: for each instruction whose layer deleted or
 * overwrote files that an earlier instruction's layer added, how many bytes and from which lines.
 * `layerOfStep[step]` is the analysis' history → layer index; `lineOfStep` comes from matching.
 */
export function wasteAnnotations(
  layerOfStep: (number | undefined)[],
  wasted: { addedIn: number[]; removedIn: number[]; sizes: number[] }[],
  lineOfStep: Map<number, number>,
): WasteAnnotation[] {
  const lineOfLayer = new Map<number, number>();
  layerOfStep.forEach((layer, step) => {
    const line = lineOfStep.get(step);
    if (layer !== undefined && line !== undefined) lineOfLayer.set(layer, line);
  });
  const byLine = new Map<number, { bytes: number; added: Set<number>; paths: number }>();
  for (const w of wasted) {
    w.removedIn.forEach((removedLayer, i) => {
      const line = lineOfLayer.get(removedLayer);
      if (line === undefined) return;
      const entry = byLine.get(line) ?? { bytes: 0, added: new Set<number>(), paths: 0 };
      entry.bytes += w.sizes[i] ?? 0;
      entry.paths += 1;
      const addedLine = lineOfLayer.get(w.addedIn[i]);
      if (addedLine !== undefined) entry.added.add(addedLine);
      byLine.set(line, entry);
    });
  }
  return [...byLine]
    .map(([line, e]) => ({ line, bytes: e.bytes, addedAtLines: [...e.added].sort((a, b) => a - b), paths: e.paths }))
    .filter((a) => a.bytes > 0)
    .sort((a, b) => a.line - b.line);
}

export interface LayerFactForServer {
  path: string;
  bytes: number;
  /** 0-based line of the instruction whose layer added this copy. */
  addedAtLine: number;
}

/**
 * The wasted files of an analysis as facts for the language server's `deleted-in-later-layer`
 * rule: one per stored copy whose adding layer maps to a Dockerfile line (base-image layers have
 * none and are left out), absolute paths, biggest first, at most `limit`.
 */
export function layerFactsForServer(
  layerOfStep: (number | undefined)[],
  wasted: { path: string; addedIn: number[]; sizes: number[] }[],
  lineOfStep: Map<number, number>,
  limit = 500,
): LayerFactForServer[] {
  const lineOfLayer = new Map<number, number>();
  layerOfStep.forEach((layer, step) => {
    const line = lineOfStep.get(step);
    if (layer !== undefined && line !== undefined) lineOfLayer.set(layer, line);
  });
  const out: LayerFactForServer[] = [];
  for (const w of wasted) {
    const path = `/${w.path.replace(/^(\.\/|\/)+/, '')}`;
    w.addedIn.forEach((layer, i) => {
      const line = lineOfLayer.get(layer);
      const bytes = w.sizes[i] ?? 0;
      if (line !== undefined && bytes > 0) out.push({ path, bytes, addedAtLine: line });
    });
  }
  return out.sort((a, b) => b.bytes - a.bytes).slice(0, limit);
}
