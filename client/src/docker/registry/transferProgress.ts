/**
 * Push and pull answers from the engine are JSON message streams. This module classifies each
 * message into a typed event and keeps per-layer state, so the UI can say "layer 3/5 pushed,
 * 1.2 MB of 2.8 MB" and an `error` message always fails the operation. Pure: objects in, data out.
 */

export type LayerPhase =
  // push
  | 'preparing'
  | 'waiting'
  | 'pushing'
  | 'pushed'
  | 'exists'
  | 'mounted'
  // pull
  | 'pull-queued'
  | 'downloading'
  | 'verifying'
  | 'downloaded'
  | 'extracting'
  | 'pulled'
  | 'already-present'
  | 'retrying';

export type TransferEvent =
  | { readonly type: 'layer'; readonly id: string; readonly phase: LayerPhase; readonly current?: number; readonly total?: number }
  /** A line for the log: "The push refers to repository [...]", "Status: Downloaded newer image …". */
  | { readonly type: 'status'; readonly text: string }
  | { readonly type: 'digest'; readonly digest: string; readonly tag?: string; readonly size?: number }
  | { readonly type: 'error'; readonly message: string }
  | { readonly type: 'unknown'; readonly raw: unknown };

const PHASES: ReadonlyArray<[RegExp, LayerPhase]> = [
  [/^Preparing$/i, 'preparing'],
  [/^Waiting$/i, 'waiting'],
  [/^Pushing$/i, 'pushing'],
  [/^Pushed$/i, 'pushed'],
  [/^Layer already exists$/i, 'exists'],
  [/^Mounted from /i, 'mounted'],
  [/^Pulling fs layer$/i, 'pull-queued'],
  [/^Downloading$/i, 'downloading'],
  [/^Verifying Checksum$/i, 'verifying'],
  [/^Download complete$/i, 'downloaded'],
  [/^Extracting$/i, 'extracting'],
  [/^Pull complete$/i, 'pulled'],
  [/^Already exists$/i, 'already-present'],
  [/^Retrying in /i, 'retrying'],
];

/** Phases after which a layer counts as done for the "n/m" figure. */
const DONE: ReadonlySet<LayerPhase> = new Set(['pushed', 'exists', 'mounted', 'pulled', 'already-present']);

interface RawMessage {
  status?: unknown;
  id?: unknown;
  progressDetail?: { current?: unknown; total?: unknown };
  error?: unknown;
  errorDetail?: { message?: unknown };
  aux?: { Tag?: unknown; Digest?: unknown; Size?: unknown };
}

export function classifyTransferMessage(raw: unknown): TransferEvent[] {
  if (!raw || typeof raw !== 'object') return [{ type: 'unknown', raw }];
  const m = raw as RawMessage;
  if (m.errorDetail || m.error !== undefined) {
    const message = typeof m.errorDetail?.message === 'string' ? m.errorDetail.message : String(m.error);
    return [{ type: 'error', message }];
  }
  if (m.aux && typeof m.aux.Digest === 'string') {
    return [{ type: 'digest', digest: m.aux.Digest, ...(typeof m.aux.Tag === 'string' ? { tag: m.aux.Tag } : {}), ...(typeof m.aux.Size === 'number' ? { size: m.aux.Size } : {}) }];
  }
  if (typeof m.status !== 'string') return [{ type: 'unknown', raw }];
  const status = m.status;
  const id = typeof m.id === 'string' ? m.id : undefined;
  if (id) {
    const phase = PHASES.find(([re]) => re.test(status))?.[1];
    if (phase) {
      const current = typeof m.progressDetail?.current === 'number' ? m.progressDetail.current : undefined;
      const total = typeof m.progressDetail?.total === 'number' ? m.progressDetail.total : undefined;
      return [{ type: 'layer', id, phase, ...(current !== undefined ? { current } : {}), ...(total !== undefined ? { total } : {}) }];
    }
  }
  // "1.0: digest: sha256:… size: 528" (push) and "Digest: sha256:…" (pull).
  const pushed = /^(\S+): digest: (\S+) size: (\d+)/.exec(status);
  if (pushed) return [{ type: 'digest', tag: pushed[1]!, digest: pushed[2]!, size: Number(pushed[3]) }];
  const pulled = /^Digest: (\S+)/.exec(status);
  if (pulled) return [{ type: 'digest', digest: pulled[1]! }];
  return [{ type: 'status', text: id ? `${id}: ${status}` : status }];
}

export interface LayerState {
  readonly id: string;
  readonly phase: LayerPhase;
  readonly current: number;
  readonly total: number;
}

export interface TransferSnapshot {
  readonly layers: readonly LayerState[];
  readonly layersDone: number;
  readonly layersTotal: number;
  /** Bytes moved so far over layers whose size is known. */
  readonly bytesDone: number;
  readonly bytesTotal: number;
  readonly digest?: string;
  readonly size?: number;
  readonly errors: readonly string[];
}

/** Folds events into per-layer state; `snapshot()` is what a progress notification shows. */
export class TransferTracker {
  private readonly layers = new Map<string, LayerState>();
  private digest?: string;
  private size?: number;
  private readonly errors: string[] = [];

  apply(event: TransferEvent): void {
    switch (event.type) {
      case 'layer': {
        const prev = this.layers.get(event.id);
        const total = event.total ?? prev?.total ?? 0;
        let current = event.current ?? prev?.current ?? 0;
        if (DONE.has(event.phase) || event.phase === 'downloaded' || event.phase === 'verifying') current = Math.max(current, total);
        // Extracting reports its own counter over the same bytes; keep the download figure.
        if (event.phase === 'extracting') current = prev?.current ?? current;
        this.layers.set(event.id, { id: event.id, phase: event.phase, current, total });
        break;
      }
      case 'digest':
        this.digest = event.digest;
        if (event.size !== undefined) this.size = event.size;
        break;
      case 'error':
        this.errors.push(event.message);
        break;
      default:
        break;
    }
  }

  snapshot(): TransferSnapshot {
    const layers = [...this.layers.values()];
    return {
      layers,
      layersDone: layers.filter((l) => DONE.has(l.phase)).length,
      layersTotal: layers.length,
      bytesDone: layers.reduce((n, l) => n + Math.min(l.current, l.total || l.current), 0),
      bytesTotal: layers.reduce((n, l) => n + l.total, 0),
      ...(this.digest ? { digest: this.digest } : {}),
      ...(this.size !== undefined ? { size: this.size } : {}),
      errors: [...this.errors],
    };
  }
}
