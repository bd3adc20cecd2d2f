import { connectEngine, describeEndpoint, EngineUnavailableError, explainEngineError, type ConnectOptions, type EngineConnection, type EngineProblem } from './engine';

/**
 * The extension's one engine connection, shared by build, run, containers, images, layers and
 * registries: connects lazily, remembers the result, and tells listeners when the state changes
 * (status item, views' welcome content). No vscode import: settings and logging are injected.
 */

export type EngineState =
  | { readonly kind: 'unknown' }
  | { readonly kind: 'connecting' }
  | { readonly kind: 'connected'; readonly connection: EngineConnection }
  | { readonly kind: 'unavailable'; readonly problem: EngineProblem; readonly where?: string };

export interface EngineServiceDeps {
  /** The `dockerfileStudio.docker.host` setting, read at every (re)connect. */
  readonly hostSetting: () => string | undefined;
  readonly log: (level: 'info' | 'warn', message: string) => void;
  /** Test seam: how to connect. */
  readonly connect?: (opts: ConnectOptions) => Promise<EngineConnection>;
  /** Test seam: the clock (ms). */
  readonly now?: () => number;
}

/**
 * After a failed connection, callers get the same explanation without a new attempt for this
 * long: a view refreshing while the engine is down must not hammer the socket (or an ssh host).
 * The Retry button and setting changes (`refresh`) always try at once.
 */
export const RECONNECT_PAUSE_MS = 3000;

export class EngineService {
  private current: EngineState = { kind: 'unknown' };
  private pending: Promise<EngineConnection> | undefined;
  private lastFailureAt = -Infinity;
  private readonly listeners = new Set<(s: EngineState) => void>();

  constructor(private readonly deps: EngineServiceDeps) {}

  get state(): EngineState {
    return this.current;
  }

  onDidChange(listener: (s: EngineState) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** The connection, connecting first when needed; throws EngineUnavailableError. */
  async get(): Promise<EngineConnection> {
    if (this.current.kind === 'connected') return this.current.connection;
    if (this.current.kind === 'unavailable' && !this.pending && this.clock() - this.lastFailureAt < RECONNECT_PAUSE_MS) {
      throw new EngineUnavailableError(this.current.problem);
    }
    return this.connect();
  }

  private clock(): number {
    return (this.deps.now ?? Date.now)();
  }

  /** Forgets the connection (setting changed, or the user asked to retry) and connects again. */
  async refresh(): Promise<EngineState> {
    this.pending = undefined;
    try {
      await this.connect();
    } catch {
      // the state carries the problem
    }
    return this.current;
  }

  /**
   * Call when an operation failed: if the engine itself is gone (not a build error), the state
   * flips to unavailable so views show why instead of stale data.
   */
  async recheck(): Promise<EngineState> {
    if (this.current.kind !== 'connected') return this.refresh();
    const { docker, endpoint } = this.current.connection;
    try {
      await docker.ping();
    } catch (err) {
      this.set({ kind: 'unavailable', problem: explainEngineError(err, endpoint), where: describeEndpoint(endpoint) });
    }
    return this.current;
  }

  private connect(): Promise<EngineConnection> {
    this.pending ??= (async () => {
      this.set({ kind: 'connecting' });
      try {
        const connection = await (this.deps.connect ?? connectEngine)({ setting: this.deps.hostSetting(), timeoutMs: 5000 });
        this.deps.log('info', `Docker engine ${connection.version.version} (API ${connection.version.apiVersion}) at ${describeEndpoint(connection.endpoint)}`);
        this.set({ kind: 'connected', connection });
        return connection;
      } catch (err) {
        const problem = explainEngineError(err);
        const where = err instanceof EngineUnavailableError && err.endpoint ? describeEndpoint(err.endpoint) : undefined;
        this.deps.log('warn', `Docker engine unavailable${where ? ` at ${where}` : ''}: ${problem.kind}: ${problem.detail}`);
        this.lastFailureAt = this.clock();
        this.set({ kind: 'unavailable', problem, where });
        throw err instanceof EngineUnavailableError ? err : new EngineUnavailableError(problem);
      } finally {
        this.pending = undefined;
      }
    })();
    return this.pending;
  }

  private set(state: EngineState): void {
    this.current = state;
    for (const l of this.listeners) l(state);
  }
}
