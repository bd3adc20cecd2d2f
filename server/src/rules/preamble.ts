// What comes before the first FROM, as several rules need it: which keyword a misspelt one was
// meant to be, and which instructions there have no stage to belong to.
import { INSTRUCTION_NAMES } from '../model/syntax';
import type { Dockerfile, Instruction } from '../model/types';
import { closest } from './closest';

/** The instruction a keyword that is none was probably meant to be (`FORM` → FROM), if any. */
export function intendedInstruction(keyword: string): string | undefined {
  return closest(keyword, INSTRUCTION_NAMES, { ignoreCase: true, maxDistance: keyword.length <= 3 ? 1 : 2 });
}

/**
 * The instructions before the first FROM that have no stage to belong to: known instructions other
 * than ARG. An unknown keyword is left to unknown-instruction (which explains it and offers the
 * fix), and a misspelt FROM (`FORM ubuntu`) ends the list: the lines below it belong to the stage
 * it meant to start, so one typo gives one diagnostic.
 */
export function stagelessInstructions(df: Dockerfile): Instruction[] {
  const out: Instruction[] = [];
  for (const ins of df.preamble) {
    if (!INSTRUCTION_NAMES.includes(ins.name)) {
      if (intendedInstruction(ins.keyword) === 'FROM') break;
      continue;
    }
    if (ins.name !== 'ARG') out.push(ins);
  }
  return out;
}
