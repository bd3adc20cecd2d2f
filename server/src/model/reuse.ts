// Incremental parsing: when a document changes, every instruction whose lines did not change is
// taken from the previous version's model instead of being parsed again. Typing changes one
// instruction, so an edit of a 10 000-line file builds one new instruction instead of 10 000, and
// (more important for memory) does not leave a whole model of garbage behind per keystroke: the
// unchanged instruction objects stay the same objects, already in V8's old generation.
//
// Instructions are never mutated after parsing, so sharing them between versions is safe even
// while a lint of the older version is still running.
import type { Dockerfile, Instruction } from './types';

/** Walks the previous model's instructions in line order, alongside the parser's own walk. */
export class InstructionReuse {
  private next = 0;

  constructor(private readonly previous: Dockerfile, private readonly lines: string[]) {}

  /**
   * The previous version's instruction starting at `startLine`, if it can stand for the one the
   * parser is about to build: same place in the instruction list and in the same stage, same
   * extent, and every one of its lines (heredoc bodies included) unchanged.
   */
  take(startLine: number, textEndLine: number, index: number, stageIndex: number): Instruction | undefined {
    const prev = this.previous.instructions;
    while (this.next < prev.length && prev[this.next].startLine < startLine) this.next++;
    const candidate = prev[this.next];
    if (!candidate || candidate.startLine !== startLine) return undefined;
    if (candidate.index !== index || candidate.stageIndex !== stageIndex || candidate.textEndLine !== textEndLine) return undefined;
    // An unterminated heredoc runs to the end of the document, so it depends on lines past its own.
    if (candidate.heredocs.some((h) => h.endLine === undefined)) return undefined;
    if (candidate.endLine >= this.lines.length) return undefined;
    const prevLines = this.previous.lines;
    for (let l = startLine; l <= candidate.endLine; l++) if (this.lines[l] !== prevLines[l]) return undefined;
    return candidate;
  }
}

/** Record the heredoc body lines of a reused instruction, as parsing it would have. */
export function markHeredocLines(ins: Instruction, heredocLines: Set<number>): void {
  for (const h of ins.heredocs) {
    const last = h.endLine ?? ins.endLine;
    for (let l = h.bodyStartLine; l <= last; l++) heredocLines.add(l);
  }
}
