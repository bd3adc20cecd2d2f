import type { ScannedDockerfile, ScannedInstruction } from './dockerfileScan';
import { stepInstructions } from './dockerfileScan';
import { msg, type LocalizableMessage } from './message';

/**
 * Maps what the engine said about a failed build back onto the Dockerfile: the failing step's
 * instruction and lines, the exit code, the last lines it printed, and a sentence that says why.
 */

export type BuildFailureKind = 'step' | 'parse' | 'engine' | 'cancelled';

export interface BuildFailure {
  readonly kind: BuildFailureKind;
  /** The engine's own message, unchanged. */
  readonly message: string;
  readonly exitCode?: number;
  /** 1-based step number of the classic builder, when known. */
  readonly step?: number;
  readonly instruction?: string;
  /** 0-based line range in the Dockerfile. */
  readonly line?: number;
  readonly endLine?: number;
  /** The failing command's last output lines (no ANSI codes). */
  readonly lastOutput: readonly string[];
  /** What happened and why, for the diagnostic and the notification. */
  readonly explanation: LocalizableMessage;
  /** A likely cause for well-known exit codes (127, 126, apt-get's 100). */
  readonly hint?: LocalizableMessage;
}

// Classic: "returned a non-zero code: 3"; BuildKit: "exit code: 3".
const EXIT_CODE = /(?:returned a non-zero code|exit code): (\d+)/;
const PARSE_LINE = /(?:parse error (?:on )?line|line) (\d+): (.+)$/i;

export function exitCodeHint(exitCode: number, instruction: string): LocalizableMessage | undefined {
  if (exitCode === 127) return msg('Exit code 127 means the shell could not find the command: install it in an earlier step or check its spelling.');
  if (exitCode === 126) return msg('Exit code 126 means the file exists but cannot be executed: check its permissions (chmod +x) and its first line.');
  if (exitCode === 100 && /apt(-get)?\s/.test(instruction)) {
    return msg('Exit code 100 from apt-get usually means it asked a question nobody could answer (add -y) or could not find a package (run apt-get update in the same RUN).');
  }
  return undefined;
}

export interface FailureContext {
  readonly scan: ScannedDockerfile;
  readonly target?: string;
  readonly step?: number;
  readonly total?: number;
  /** BuildKit numbers steps per stage ("[build 2/4]"): the stage label and the step within it. */
  readonly buildkit?: boolean;
  readonly stage?: string;
  readonly lastOutput: readonly string[];
}

/** A build `error` message (or an HTTP error thrown before the stream began) → a located failure. */
export function describeBuildError(message: string, ctx: FailureContext): BuildFailure {
  const parse = PARSE_LINE.exec(message);
  if (parse && /parse error|unknown instruction|dockerfile/i.test(message)) {
    const line = Number(parse[1]) - 1;
    const reason = parse[2]!.trim();
    const ins = ctx.scan.instructions.find((i) => i.line <= line && line <= i.endLine);
    return {
      kind: 'parse',
      message,
      line,
      endLine: ins?.endLine ?? line,
      instruction: ins ? `${ins.keyword} ${ins.args}`.trim() : undefined,
      lastOutput: [],
      explanation: msg('The Dockerfile cannot be read on line {0}: {1}', line + 1, reason),
    };
  }
  const unknown = /unknown instruction: (\S+)/i.exec(message);
  if (unknown) {
    const word = unknown[1]!.toUpperCase();
    const ins = ctx.scan.instructions.find((i) => i.keyword === word);
    return {
      kind: 'parse',
      message,
      line: ins?.line,
      endLine: ins?.endLine,
      instruction: ins ? `${ins.keyword} ${ins.args}`.trim() : undefined,
      lastOutput: [],
      explanation: msg('"{0}" is not a Dockerfile instruction; check its spelling.', unknown[1]!),
    };
  }
  const ins = ctx.step === undefined ? undefined : ctx.buildkit ? instructionForBuildkitStep(ctx.scan, ctx.stage, ctx.step, ctx.target) : instructionForStep(ctx.scan, ctx.step, ctx.target);
  const exit = EXIT_CODE.exec(message);
  if (exit) {
    const exitCode = Number(exit[1]);
    const instruction = ins ? `${ins.keyword} ${ins.args}` : '';
    const hint = exitCodeHint(exitCode, instruction);
    const explanation = msg('This step\'s command failed with exit code {0}; the build stopped here.', exitCode);
    return {
      kind: 'step',
      message,
      exitCode,
      step: ctx.step,
      instruction: instruction || undefined,
      line: ins?.line,
      endLine: ins?.endLine,
      lastOutput: ctx.lastOutput,
      explanation,
      hint,
    };
  }
  return {
    kind: 'engine',
    message,
    step: ctx.step,
    instruction: ins ? `${ins.keyword} ${ins.args}` : undefined,
    line: ins?.line,
    endLine: ins?.endLine,
    lastOutput: ctx.lastOutput,
    explanation: ins ? msg('This step failed: {0}', message) : msg('The build failed: {0}', message),
  };
}

export function instructionForStep(scan: ScannedDockerfile, step: number, target?: string): ScannedInstruction | undefined {
  return stepInstructions(scan, target)[step - 1];
}

/**
 * BuildKit's "[label n/m]": the label is the stage's name, "stage-<index>" for an unnamed stage of
 * a multi-stage file, or absent for a single-stage file (then the built stage); n counts only the
 * instructions that become build operations — FROM, WORKDIR, RUN, COPY, ADD (verified against the
 * engine: ENV, LABEL, USER, EXPOSE, CMD… are not numbered).
 */
export function instructionForBuildkitStep(scan: ScannedDockerfile, stage: string | undefined, step: number, target?: string): ScannedInstruction | undefined {
  let index: number | undefined;
  if (stage) {
    index = scan.stages.find((s) => s.name?.toLowerCase() === stage.toLowerCase())?.index;
    const m = /^stage-(\d+)$/.exec(stage);
    if (index === undefined && m) index = Number(m[1]);
  } else {
    index = target ? scan.stages.find((s) => s.name?.toLowerCase() === target.toLowerCase())?.index : undefined;
    index ??= scan.stages.length - 1;
  }
  if (index === undefined) return undefined;
  return scan.instructions.filter((i) => i.stage === index && BUILDKIT_NUMBERED.has(i.keyword))[step - 1];
}

const BUILDKIT_NUMBERED = new Set(['FROM', 'WORKDIR', 'RUN', 'COPY', 'ADD']);

export function cancelledFailure(step?: number): BuildFailure {
  return { kind: 'cancelled', message: 'build cancelled', step, lastOutput: [], explanation: msg('The build was cancelled.') };
}
