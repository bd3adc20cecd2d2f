// Image history → readable steps. The engine records the classic builder's metadata steps as
// "/bin/sh -c #(nop)  ENV A=b", its RUN steps as "/bin/sh -c cmd" (or "|1 ARG=v /bin/sh -c cmd"
// when build args were set) and BuildKit's as "RUN /bin/sh -c cmd # buildkit". Users wrote
// `ENV A=b` and `RUN cmd`; that is what we show.
import type { HistoryEntry } from './imageLayout';

export interface HistoryStep {
  /** created_by as the engine stored it. */
  createdBy: string;
  /** The instruction as written in a Dockerfile, noise removed ("RUN apk add curl"). */
  instruction: string;
  created?: string;
  comment?: string;
  /** Metadata-only steps (ENV, CMD, LABEL, …) made no layer. */
  emptyLayer: boolean;
  /** Index into the image's layers for steps that made one. */
  layerIndex?: number;
}

const SHELL = '/bin/sh -c ';
const NOP = '#(nop)';

export function cleanCreatedBy(createdBy: string): string {
  let s = createdBy.trim();
  if (s.endsWith('# buildkit')) s = s.slice(0, -'# buildkit'.length).trimEnd();
  let isRun = false;
  if (s.startsWith('RUN ')) {
    isRun = true;
    s = s.slice(4).trimStart();
  }
  // "|2 A=1 B=2 /bin/sh -c …": the build args in effect; the command follows the shell.
  if (s.startsWith('|')) {
    const shell = s.indexOf(SHELL);
    if (shell > 0) s = s.slice(shell);
  }
  if (s.startsWith(SHELL)) {
    s = s.slice(SHELL.length).trimStart();
    if (s.startsWith(NOP)) return s.slice(NOP.length).trim();
    return `RUN ${s}`;
  }
  return isRun ? `RUN ${s}` : s;
}

/**
 * Pairs history entries with layers: entries marked empty_layer made none, every other entry made
 * the next layer, in order (the rule the engine itself follows).
 */
export function mapHistory(history: HistoryEntry[] | undefined, layerCount: number): HistoryStep[] {
  const steps: HistoryStep[] = [];
  let next = 0;
  for (const h of history ?? []) {
    const emptyLayer = h.empty_layer === true || next >= layerCount;
    const createdBy = h.created_by ?? '';
    steps.push({
      createdBy,
      instruction: cleanCreatedBy(createdBy),
      created: h.created,
      comment: h.comment,
      emptyLayer,
      layerIndex: emptyLayer ? undefined : next++,
    });
  }
  // Layers without history (hand-made images): keep them visible rather than dropping them.
  while (next < layerCount) steps.push({ createdBy: '', instruction: '', emptyLayer: false, layerIndex: next++ });
  return steps;
}
