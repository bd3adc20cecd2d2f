import { instructionForBuildkitStep, instructionForStep } from './buildFailure';
import type { BuildEvent } from './buildStream';
import { scanDockerfile, type ScannedDockerfile } from './dockerfileScan';

/**
 * Which Dockerfile steps of a build came from the build cache. The classic builder prints
 * "Step n/m : …" and then " ---> Using cache" for a reused step; BuildKit marks the vertex
 * "[stage n/m] …" cached. Both are mapped onto the Dockerfile's instructions (the same numbering
 * the failure mapping uses), so the editor can say "cached" on the line. Pure: fed build events.
 */

export interface BuildStepRecord {
  /** 0-based first and last line of the instruction when it was built. */
  readonly line: number;
  readonly endLine: number;
  /** "KEYWORD args" as scanned, continuations joined: compared with the text later. */
  readonly instruction: string;
  readonly cached: boolean;
}

export class StepCacheRecorder {
  private readonly byLine = new Map<number, { line: number; endLine: number; instruction: string; cached: boolean }>();
  /** Classic builder: the step the next " ---> Using cache" belongs to. */
  private currentLine: number | undefined;

  constructor(
    private readonly scan: ScannedDockerfile,
    private readonly builder: 'classic' | 'buildkit',
    private readonly target?: string,
  ) {}

  push(e: BuildEvent): void {
    if (e.type === 'step') {
      const ins = this.instruction(e.step, e.stage);
      this.currentLine = ins?.line;
      if (ins && !this.byLine.has(ins.line)) this.byLine.set(ins.line, { line: ins.line, endLine: ins.endLine, instruction: instructionText(ins), cached: false });
    } else if (e.type === 'cache-hit') {
      // BuildKit names the vertex; the classic builder means the step it announced last.
      const line = this.builder === 'buildkit' ? (e.step === undefined ? undefined : this.instruction(e.step, e.stage)?.line) : this.currentLine;
      const record = line === undefined ? undefined : this.byLine.get(line);
      if (record) record.cached = true;
    }
  }

  /** The steps seen so far, in Dockerfile order. */
  steps(): BuildStepRecord[] {
    return [...this.byLine.values()].sort((a, b) => a.line - b.line).map((r) => ({ ...r }));
  }

  private instruction(step: number, stage: string | undefined) {
    return this.builder === 'buildkit' ? instructionForBuildkitStep(this.scan, stage, step, this.target) : instructionForStep(this.scan, step, this.target);
  }
}

function instructionText(ins: { keyword: string; args: string }): string {
  return `${ins.keyword} ${ins.args}`.replace(/\s+/g, ' ').trim();
}

/**
 * The recorded steps placed on the Dockerfile as it reads now: an instruction is marked when a
 * recorded step has the same text (lines move when the user edits above it; a changed
 * instruction was not what the build cached). With several equal instructions (the same RUN in
 * two stages), the recorded one nearest to the line wins. Returns the 0-based lines that were
 * cached in that build.
 */
export function cachedLines(records: readonly BuildStepRecord[], dockerfileText: string): Set<number> {
  const out = new Set<number>();
  for (const ins of scanDockerfile(dockerfileText).instructions) {
    const text = instructionText(ins);
    let best: BuildStepRecord | undefined;
    for (const r of records) {
      if (r.instruction !== text) continue;
      if (!best || Math.abs(r.line - ins.line) < Math.abs(best.line - ins.line)) best = r;
    }
    if (best?.cached) out.add(ins.line);
  }
  return out;
}
