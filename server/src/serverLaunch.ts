// How the language server process is started: the Node flags and environment the extension
// uses (client/src/languageClient.ts). The LSP tests and the benchmark start it the same way, so
// what we measure is what users run. Each setting is explained in docs/DESIGN.md ("Memory and
// threads: how the server process is started").
import { availableParallelism, cpus } from 'node:os';

export interface ServerLaunch {
  /** Flags for the node process that runs dist/server.js. */
  execArgv: string[];
  /** Added to the environment the server inherits. */
  env: Record<string, string>;
}

/**
 * V8's background threads (JIT compiler jobs, parallel and concurrent GC) for a machine with
 * `cores` CPUs. Node starts 4 whatever the machine; on 2 cores they preempt the main thread,
 * which does all of the server's work, in exactly the seconds after a big file opens (1 000
 * involuntary context switches per ~2 s lint burst instead of ~100). Leaving the main thread a
 * core of its own, at most Node's 4: 2 cores -> 1, 4 -> 3, 8 or more -> 4.
 */
export function v8PoolSize(cores: number): number {
  return Math.max(1, Math.min(4, Math.floor(cores) - 1));
}

function coreCount(): number {
  // availableParallelism (Node >= 18.14) respects CPU affinity; cpus() is the fallback for older
  // extension hosts. An empty cpus() (some containers) counts as one core.
  return typeof availableParallelism === 'function' ? availableParallelism() : Math.max(1, cpus().length);
}

/**
 * The extension host forks the server with its own executable (Electron running as Node in the
 * desktop editor), and a flag that executable does not know would stop the server from starting
 * ("bad option"). The pool size is a Node option, not a V8 flag, so it is passed only when the
 * running Node says it knows it.
 */
function knowsNodeOption(name: string): boolean {
  return process.allowedNodeEnvironmentFlags?.has(name) ?? false;
}

export function serverLaunch(cores: number = coreCount()): ServerLaunch {
  const pool = knowsNodeOption('--v8-pool-size') ? [`--v8-pool-size=${v8PoolSize(cores)}`] : [];
  return {
    execArgv: ['--max-semi-space-size=2', '--heap-growing-percent=50', ...pool],
    env: { MALLOC_MMAP_THRESHOLD_: '131072' },
  };
}
