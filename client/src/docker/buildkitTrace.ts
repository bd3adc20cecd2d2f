/**
 * BuildKit's progress, as the engine streams it for `version=2` builds: `aux` messages with id
 * `moby.buildkit.trace` whose value is a base64 protobuf `StatusResponse` (moby/buildkit
 * api/services/control/control.proto). Decoded here by hand (a few fields, no generated code) and
 * turned into the same typed events as the classic builder's stream. Pure; no I/O.
 */

export interface BuildkitVertex {
  readonly digest: string;
  readonly name: string;
  readonly cached: boolean;
  readonly started: boolean;
  readonly completed: boolean;
  readonly error?: string;
}

export interface BuildkitLog {
  readonly vertex: string;
  readonly stream: number;
  readonly msg: Buffer;
}

export interface BuildkitStatus {
  readonly vertexes: BuildkitVertex[];
  readonly logs: BuildkitLog[];
  readonly warnings: Array<{ vertex: string; short: string }>;
}

/** Minimal protobuf reader: varints, length-delimited fields; fixed-size fields are skipped. */
class ProtoReader {
  private pos = 0;
  constructor(private readonly buf: Buffer) {}

  get done(): boolean {
    return this.pos >= this.buf.length;
  }

  varint(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      if (this.pos >= this.buf.length) throw new RangeError('truncated varint');
      const b = this.buf[this.pos++]!;
      // Beyond 2^53 precision is lost; only lengths, tags, booleans and small ints are read here.
      result += (b & 0x7f) * 2 ** shift;
      if (!(b & 0x80)) return result;
      shift += 7;
      if (shift > 63) throw new RangeError('varint too long');
    }
  }

  bytes(): Buffer {
    const len = this.varint();
    if (this.pos + len > this.buf.length) throw new RangeError('truncated field');
    const out = this.buf.subarray(this.pos, this.pos + len);
    this.pos += len;
    return out;
  }

  skip(wireType: number): void {
    if (wireType === 0) this.varint();
    else if (wireType === 1) this.pos += 8;
    else if (wireType === 2) this.bytes();
    else if (wireType === 5) this.pos += 4;
    else throw new RangeError(`unsupported wire type ${wireType}`);
  }

  /** Iterates over (field number, wire type) pairs. */
  *fields(): Generator<[number, number]> {
    while (!this.done) {
      const key = this.varint();
      yield [Math.floor(key / 8), key & 7];
    }
  }
}

function decodeVertex(buf: Buffer): BuildkitVertex {
  const r = new ProtoReader(buf);
  let digest = '';
  let name = '';
  let cached = false;
  let started = false;
  let completed = false;
  let error: string | undefined;
  for (const [field, wire] of r.fields()) {
    if (field === 1 && wire === 2) digest = r.bytes().toString('utf8');
    else if (field === 3 && wire === 2) name = r.bytes().toString('utf8');
    else if (field === 4 && wire === 0) cached = r.varint() !== 0;
    else if (field === 5 && wire === 2) {
      r.bytes();
      started = true;
    } else if (field === 6 && wire === 2) {
      r.bytes();
      completed = true;
    } else if (field === 7 && wire === 2) error = r.bytes().toString('utf8') || undefined;
    else r.skip(wire);
  }
  return { digest, name, cached, started, completed, error };
}

function decodeLog(buf: Buffer): BuildkitLog {
  const r = new ProtoReader(buf);
  let vertex = '';
  let stream = 1;
  let msg: Buffer = Buffer.alloc(0);
  for (const [field, wire] of r.fields()) {
    if (field === 1 && wire === 2) vertex = r.bytes().toString('utf8');
    else if (field === 3 && wire === 0) stream = r.varint();
    else if (field === 4 && wire === 2) msg = Buffer.from(r.bytes());
    else r.skip(wire);
  }
  return { vertex, stream, msg };
}

function decodeWarning(buf: Buffer): { vertex: string; short: string } {
  const r = new ProtoReader(buf);
  let vertex = '';
  let short = '';
  for (const [field, wire] of r.fields()) {
    if (field === 1 && wire === 2) vertex = r.bytes().toString('utf8');
    else if (field === 3 && wire === 2) short = r.bytes().toString('utf8');
    else r.skip(wire);
  }
  return { vertex, short };
}

/** Decodes one `StatusResponse` (the base64 string of a `moby.buildkit.trace` aux message). */
export function decodeBuildkitStatus(base64: string): BuildkitStatus {
  const r = new ProtoReader(Buffer.from(base64, 'base64'));
  const out: BuildkitStatus = { vertexes: [], logs: [], warnings: [] };
  for (const [field, wire] of r.fields()) {
    if (field === 1 && wire === 2) out.vertexes.push(decodeVertex(r.bytes()));
    else if (field === 3 && wire === 2) out.logs.push(decodeLog(r.bytes()));
    else if (field === 4 && wire === 2) out.warnings.push(decodeWarning(r.bytes()));
    else r.skip(wire); // 2 = VertexStatus (pull/transfer progress): not needed for the log
  }
  return out;
}

/** "[build 2/4] RUN make" → stage label, step within the stage, total, instruction. */
export function parseVertexName(name: string): { stage?: string; step: number; total: number; instruction: string } | undefined {
  const m = /^\[(?:(\S+) )?(\d+)\/(\d+)\] (.*)$/s.exec(name);
  if (!m) return undefined;
  return { stage: m[1], step: Number(m[2]), total: Number(m[3]), instruction: m[4]!.trim() };
}

export type BuildkitEvent =
  | { type: 'output'; text: string }
  | { type: 'step'; step: number; total: number; instruction: string; stage?: string }
  /** A numbered vertex came from the cache: which step, so the build can mark its line "cached". */
  | { type: 'cache-hit'; step?: number; total?: number; stage?: string }
  | { type: 'vertex-error'; name: string; error: string; step?: number; total?: number; stage?: string; lastOutput: string[] };

const LAST_LINES = 12;

/**
 * Follows the vertexes across trace messages (each message repeats a vertex as it changes) and
 * writes a log like `docker build --progress=plain`: "#3 [2/3] RUN …", its output lines,
 * "#3 DONE", "#3 CACHED" or "#3 ERROR: …".
 */
export class BuildkitProgress {
  private readonly numbers = new Map<string, number>();
  private readonly seen = new Map<string, BuildkitVertex>();
  private readonly names = new Map<string, string>();
  private readonly output = new Map<string, string[]>();

  push(status: BuildkitStatus): BuildkitEvent[] {
    const events: BuildkitEvent[] = [];
    for (const v of status.vertexes) {
      const before = this.seen.get(v.digest);
      this.seen.set(v.digest, v);
      if (v.name) this.names.set(v.digest, v.name);
      let n = this.numbers.get(v.digest);
      if (n === undefined) {
        n = this.numbers.size + 1;
        this.numbers.set(v.digest, n);
      }
      const parsed = parseVertexName(v.name);
      if (!before || (!before.started && v.started)) {
        if (!before) {
          events.push({ type: 'output', text: `#${n} ${v.name}\n` });
          if (parsed) events.push({ type: 'step', ...parsed });
        }
      }
      if (v.cached && !before?.cached) {
        events.push({ type: 'output', text: `#${n} CACHED\n` });
        if (parsed) events.push({ type: 'cache-hit', step: parsed.step, total: parsed.total, stage: parsed.stage });
      }
      if (v.error && !before?.error) {
        events.push({ type: 'output', text: `#${n} ERROR: ${v.error}\n` });
        events.push({ type: 'vertex-error', name: v.name, error: v.error, ...(parsed ? { step: parsed.step, total: parsed.total, stage: parsed.stage } : {}), lastOutput: [...(this.output.get(v.digest) ?? [])] });
      } else if (v.completed && !before?.completed && !v.cached) {
        events.push({ type: 'output', text: `#${n} DONE\n` });
      }
    }
    for (const log of status.logs) {
      const n = this.numbers.get(log.vertex) ?? 0;
      const text = log.msg.toString('utf8');
      const lines = text.split('\n');
      if (lines[lines.length - 1] === '') lines.pop();
      const buf = this.output.get(log.vertex) ?? [];
      for (const line of lines) {
        // eslint-disable-next-line no-control-regex
        const plain = line.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').replace(/\r/g, '');
        if (plain.trim()) buf.push(plain);
      }
      this.output.set(log.vertex, buf.slice(-LAST_LINES));
      events.push({ type: 'output', text: lines.map((l) => `#${n} ${l}\n`).join('') });
    }
    for (const w of status.warnings) {
      events.push({ type: 'output', text: `#${this.numbers.get(w.vertex) ?? 0} WARN: ${w.short}\n` });
    }
    return events;
  }
}
