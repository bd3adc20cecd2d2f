// The RUN scripts hadolint's shell rules read: every RUN, and the RUN triggers of ONBUILD
// (hadolint checks `ONBUILD RUN …` the same way, since it runs in every child image).
import type { Instruction } from '../../model/types';
import type { RuleContext } from '../types';
import { commandsOf, type HCommand } from './shellView';

export interface RunScript {
  /** The RUN instruction, or the RUN trigger of an ONBUILD (ranges and scripts come from it). */
  run: Instruction;
  /** The instruction as it sits in the file (the ONBUILD for a trigger). */
  host: Instruction;
  commands: HCommand[];
  script: string;
}

/** Is this instruction a RUN or an ONBUILD RUN? Returns the RUN part. */
export function runPart(ins: Instruction): Instruction | undefined {
  if (ins.name === 'RUN') return ins;
  if (ins.name === 'ONBUILD' && ins.trigger?.name === 'RUN') return ins.trigger;
  return undefined;
}

const runCache = new WeakMap<RuleContext, RunScript[]>();

/** RUN scripts in file order, skipping those a non-POSIX shell (SHELL, `# hadolint shell=`) runs. */
export function runScripts(ctx: RuleContext, options: { onbuild?: boolean } = {}): RunScript[] {
  // Some 40 rules read the same RUN list: build it once per lint.
  let all = runCache.get(ctx);
  if (!all) {
    all = [];
    for (const ins of ctx.df.instructions) {
      const run = runPart(ins);
      if (!run || !ctx.isPosixShell(ins)) continue;
      all.push({ run, host: ins, commands: commandsOf(ctx, run), script: ctx.scriptOf(run) });
    }
    runCache.set(ctx, all);
  }
  return options.onbuild === false ? all.filter((r) => r.run === r.host) : all;
}

/** One command of a RUN script, with the script it belongs to. */
export interface ScriptCommand {
  script: RunScript;
  command: HCommand;
  /** Position among all commands of the file, so lists of several names merge in file order. */
  order: number;
}

const NO_COMMANDS: readonly ScriptCommand[] = [];
const byNameCache = new WeakMap<RuleContext, Map<string, ScriptCommand[]>>();

/**
 * The commands called `names` in the RUN scripts, in file order. Most shell rules care about one
 * tool (apt-get, pip, wget…); looking them up by name instead of walking every command of every
 * RUN for every such rule matters most while V8 still interprets the lint (a fresh server's first
 * files), where each walk cost a visible share of a lint.
 */
export function commandsNamed(ctx: RuleContext, names: string | readonly string[]): readonly ScriptCommand[] {
  let index = byNameCache.get(ctx);
  if (!index) {
    index = new Map();
    let order = 0;
    for (const script of runScripts(ctx)) {
      for (const command of script.commands) {
        let list = index.get(command.name);
        if (!list) index.set(command.name, (list = []));
        list.push({ script, command, order: order++ });
      }
    }
    byNameCache.set(ctx, index);
  }
  if (typeof names === 'string') return index.get(names) ?? NO_COMMANDS;
  const lists = names.flatMap((n) => index.get(n) ?? []);
  return lists.length && names.length > 1 ? lists.sort((a, b) => a.order - b.order) : lists;
}

/**
 * hadolint reports "cleanup missing" rules (DL3009, DL3060) only where the leftovers end up in the
 * final image: in the last stage, or in a stage that a later FROM builds on.
 */
export function stageEndsInImage(ctx: RuleContext, host: Instruction): boolean {
  const stages = ctx.df.stages;
  if (host.stageIndex < 0) return stages.length === 0;
  const last = stages.length - 1;
  if (host.stageIndex === last) return true;
  const stage = stages[host.stageIndex];
  if (stage.from.argsText === stages[last].from.argsText) return true;
  return stage.name !== undefined && stages.some((s) => s.image === stage.name);
}

/** Targets of `RUN --mount=type=<type>` flags. */
export function mountTargets(run: Instruction, types: string[]): string[] {
  const out: string[] = [];
  for (const f of run.flags) {
    if (f.name !== 'mount' || !f.value) continue;
    const kv = new Map<string, string>();
    for (const part of f.value.split(',')) {
      const eq = part.indexOf('=');
      kv.set((eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase(), eq < 0 ? '' : part.slice(eq + 1).trim());
    }
    if (!types.includes(kv.get('type') ?? 'bind')) continue;
    const target = kv.get('target') ?? kv.get('dst') ?? kv.get('destination');
    if (target) out.push(target);
  }
  return out;
}

const scopeCache = new WeakMap<RuleContext, Map<Instruction, Map<string, string>>>();

/**
 * Values of the variables a RUN can see, the way hadolint resolves them for version checks: ARG
 * defaults anywhere before it, ENV values of its stage and the stages it is built FROM. Computed
 * in one pass per lint for every RUN that uses a variable.
 */
export function variablesAt(ctx: RuleContext, host: Instruction): Map<string, string> {
  let scopes = scopeCache.get(ctx);
  if (!scopes) {
    scopes = new Map();
    const args = new Map<string, string>();
    const envByStage: Map<string, string>[] = [];
    let env = new Map<string, string>();
    const stageByName = new Map<string, number>();
    for (const ins of ctx.df.instructions) {
      if (ins.name === 'FROM') {
        const s = ctx.df.stages[ins.stageIndex];
        const parent = stageByName.get(s.image.toLowerCase());
        env = new Map(parent !== undefined ? envByStage[parent] : []);
        envByStage[ins.stageIndex] = env;
        if (s.name) stageByName.set(s.name.toLowerCase(), s.index);
        continue;
      }
      if (ins.name === 'ARG') for (const p of ins.pairs) if (p.value !== undefined) args.set(p.key, p.value);
      if (ins.name === 'ENV') for (const p of ins.pairs) if (p.value !== undefined) env.set(p.key, p.value);
      const run = runPart(ins);
      if (run && ctx.scriptOf(run).includes('$')) scopes.set(ins, new Map([...args, ...env]));
    }
    scopeCache.set(ctx, scopes);
  }
  return scopes.get(host) ?? new Map();
}

/** Replace `$NAME` / `${NAME}` with known values (unknown ones become empty, as at build time). */
export function expandVariables(word: string, vars: Map<string, string>): string {
  if (!word.includes('$')) return word;
  return word.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)[^}]*\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_, a: string | undefined, b: string | undefined) => vars.get((a ?? b) as string) ?? '');
}
