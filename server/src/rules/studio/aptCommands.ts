// Finds apt-get/apt subcommands in RUN scripts (shared by the apt-* studio rules).
import { effectiveCommand, type ShellCommand, type ShellWord } from '../../model/shell';
import type { Instruction } from '../../model/types';
import type { RuleContext } from '../types';

export interface AptCall {
  sub: string;
  cmd: ShellCommand;
  programWord: ShellWord;
}

const APT = new Set(['apt-get', 'apt', 'aptitude']);

/** The apt subcommands (update, install, …) a RUN runs, in order. */
export function aptCalls(ctx: RuleContext, ins: Instruction): AptCall[] {
  const out: AptCall[] = [];
  if (!ctx.isPosixShell(ins)) return out;
  for (const cmd of ctx.shellOf(ins)) {
    const { program, args, programWord } = effectiveCommand(cmd);
    if (!(APT.has(program) || program.endsWith('-apt-get')) || !programWord) continue;
    const sub = args.find((a) => !a.value.startsWith('-'))?.value;
    if (sub) out.push({ sub, cmd, programWord });
    // apt 2.x: `apt-get install --update` refreshes the lists first.
    if (sub === 'install' && args.some((a) => a.value === '--update')) out.splice(out.length - 1, 0, { sub: 'update', cmd, programWord });
  }
  return out;
}

export const INSTALLS = new Set(['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep', 'source', 'reinstall']);
