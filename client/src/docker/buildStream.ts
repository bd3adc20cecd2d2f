import { BuildkitProgress, decodeBuildkitStatus } from './buildkitTrace';

/**
 * The engine's build response is a protocol: a stream of JSON objects (`stream`, `status`, `aux`,
 * `errorDetail`/`error`). This module splits the bytes into objects and classifies every one into
 * typed events, so nothing is silently dropped and an `error` message always fails the build.
 * Pure: no I/O, fed chunk by chunk.
 */

export type BuildEvent =
  /** Raw text for the terminal, colours and newlines kept. */
  | { type: 'output'; text: string }
  /** "Step 3/7 : RUN make" (classic), or a BuildKit vertex "[build 3/7] RUN make" (with its stage label). */
  | { type: 'step'; step: number; total: number; instruction: string; stage?: string }
  /** BuildKit: a step failed (BuildKit runs stages in parallel, so this names which one). */
  | { type: 'vertex-error'; name: string; error: string; step?: number; total?: number; stage?: string; lastOutput: string[] }
  | { type: 'running-in'; containerId: string }
  /** Classic: " ---> Using cache" for the step just announced; BuildKit: names the cached step. */
  | { type: 'cache-hit'; step?: number; total?: number; stage?: string }
  /** " ---> 3f2a…": the image produced by a step. */
  | { type: 'step-image'; imageId: string }
  | { type: 'built'; imageId: string }
  | { type: 'tagged'; tag: string }
  /** Pull progress and other status lines (FROM with pull). */
  | { type: 'status'; status: string; id?: string; progress?: string }
  | { type: 'aux'; id?: string; imageId?: string; raw: unknown }
  | { type: 'error'; message: string; code?: number }
  /** A JSON object of a kind we do not know; kept so it can be logged. */
  | { type: 'unknown'; raw: unknown };

/**
 * Splits a byte stream into top-level JSON objects. The engine ends each with "\n", but proxies
 * and old engines may join or split them anywhere, so this tracks braces and strings instead.
 */
export class JsonObjectSplitter {
  private buffer = '';
  private depth = 0;
  private inString = false;
  private escaped = false;
  private scanned = 0;
  private start = -1;

  push(chunk: string): string[] {
    this.buffer += chunk;
    const out: string[] = [];
    const b = this.buffer;
    for (let i = this.scanned; i < b.length; i++) {
      const c = b[i];
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === '\\') this.escaped = true;
        else if (c === '"') this.inString = false;
        continue;
      }
      if (c === '"') this.inString = true;
      else if (c === '{') {
        if (this.depth === 0) this.start = i;
        this.depth++;
      } else if (c === '}') {
        this.depth--;
        if (this.depth === 0 && this.start >= 0) {
          out.push(b.slice(this.start, i + 1));
          this.start = -1;
        }
        if (this.depth < 0) this.depth = 0;
      }
    }
    if (this.depth === 0) {
      this.buffer = '';
      this.scanned = 0;
    } else {
      this.buffer = b.slice(this.start);
      this.scanned = this.buffer.length;
      this.start = 0;
    }
    return out;
  }

  /** Whatever is left when the stream ends (a truncated object). */
  rest(): string {
    return this.buffer.trim();
  }
}

const STEP = /^Step (\d+)\/(\d+) : (.*)$/;
const RUNNING_IN = /^ ---> Running in ([0-9a-f]{12,64})\s*$/;
const STEP_IMAGE = /^ ---> ([0-9a-f]{12,64})\s*$/;
const BUILT = /^Successfully built ([0-9a-f]{12,64})\s*$/;
const TAGGED = /^Successfully tagged (\S+)\s*$/;
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*[A-Za-z]/g;

/** Events derived from one line of `stream` text (besides the raw output event). */
export function classifyStreamLine(line: string): BuildEvent | undefined {
  const plain = line.replace(ANSI, '').replace(/\r$/, '');
  let m = STEP.exec(plain);
  if (m) return { type: 'step', step: Number(m[1]), total: Number(m[2]), instruction: m[3]!.trim() };
  m = RUNNING_IN.exec(plain);
  if (m) return { type: 'running-in', containerId: m[1]! };
  if (plain.trim() === '---> Using cache') return { type: 'cache-hit' };
  m = STEP_IMAGE.exec(plain);
  if (m) return { type: 'step-image', imageId: m[1]! };
  m = BUILT.exec(plain);
  if (m) return { type: 'built', imageId: m[1]! };
  m = TAGGED.exec(plain);
  if (m) return { type: 'tagged', tag: m[1]! };
  return undefined;
}

/** Classifies one decoded JSON message of the build stream. */
export function classifyBuildMessage(raw: unknown): BuildEvent[] {
  if (!raw || typeof raw !== 'object') return [{ type: 'unknown', raw }];
  const o = raw as Record<string, unknown>;
  const events: BuildEvent[] = [];
  if (typeof o.error === 'string' || (o.errorDetail && typeof o.errorDetail === 'object')) {
    const detail = (o.errorDetail ?? {}) as { message?: unknown; code?: unknown };
    const message = typeof detail.message === 'string' && detail.message ? detail.message : String(o.error ?? 'unknown build error');
    events.push({ type: 'error', message, code: typeof detail.code === 'number' ? detail.code : undefined });
    return events;
  }
  if (typeof o.stream === 'string') {
    events.push({ type: 'output', text: o.stream });
    for (const line of o.stream.split('\n')) {
      const e = classifyStreamLine(line);
      if (e) events.push(e);
    }
    return events;
  }
  if (typeof o.status === 'string') {
    return [{ type: 'status', status: o.status, id: typeof o.id === 'string' ? o.id : undefined, progress: typeof o.progress === 'string' ? o.progress : undefined }];
  }
  if ('aux' in o) {
    const aux = o.aux as { ID?: unknown } | undefined;
    return [{ type: 'aux', id: typeof o.id === 'string' ? o.id : undefined, imageId: typeof aux?.ID === 'string' ? aux.ID : undefined, raw }];
  }
  return [{ type: 'unknown', raw }];
}

/**
 * Feeds raw chunks, yields typed events; malformed JSON becomes an error event, not a crash.
 * BuildKit trace messages are decoded into the same events (steps, output, cache hits).
 */
export class BuildStreamParser {
  private readonly splitter = new JsonObjectSplitter();
  private readonly buildkit = new BuildkitProgress();

  push(chunk: string): BuildEvent[] {
    const out: BuildEvent[] = [];
    for (const text of this.splitter.push(chunk)) {
      for (const e of parseObject(text)) {
        if (e.type === 'aux' && e.id === 'moby.buildkit.trace') out.push(...this.trace(e.raw));
        else out.push(e);
      }
    }
    return out;
  }

  private trace(raw: unknown): BuildEvent[] {
    const aux = (raw as { aux?: unknown }).aux;
    if (typeof aux !== 'string') return [{ type: 'unknown', raw }];
    try {
      return this.buildkit.push(decodeBuildkitStatus(aux));
    } catch (err) {
      return [{ type: 'unknown', raw: `undecodable BuildKit trace: ${String(err)}` }];
    }
  }

  end(): BuildEvent[] {
    const rest = this.splitter.rest();
    if (!rest) return [];
    return [{ type: 'error', message: `the engine's build output ended in the middle of a message: ${rest.slice(0, 200)}` }];
  }
}

function parseObject(text: string): BuildEvent[] {
  try {
    return classifyBuildMessage(JSON.parse(text) as unknown);
  } catch {
    return [{ type: 'unknown', raw: text }];
  }
}
