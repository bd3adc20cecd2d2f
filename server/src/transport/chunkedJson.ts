// Serializes a message to UTF-8 bytes without ever holding its whole JSON as one string when it
// carries a long diagnostics list. A 10 000-line file publishes ~3 600 diagnostics, 1.5 MB of
// JSON: as one string that lands in V8's large-object space, which only a full collection frees,
// so every publish grew the heap by 1.5 MB until the next one. Element by element, each string
// dies young and the bytes live in a Buffer outside the heap, freed as soon as it is written.

/** Lists shorter than this are serialized in one go (no measurable cost either way). */
export const CHUNKED_MIN_ITEMS = 256;
const CHUNK_BYTES = 64 * 1024;

interface WithDiagnostics {
  params: { diagnostics: unknown[] };
}

function longDiagnostics(msg: unknown): msg is WithDiagnostics {
  const params = (msg as { params?: { diagnostics?: unknown } }).params;
  return Array.isArray(params?.diagnostics) && params.diagnostics.length >= CHUNKED_MIN_ITEMS;
}

/** Collects strings as UTF-8 into 64 KB Buffers. */
class ByteChunks {
  readonly chunks: Buffer[] = [];
  length = 0;
  private current = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;

  add(text: string): void {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (this.used + bytes > this.current.length) {
      this.flush();
      this.current = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, bytes));
    }
    this.used += this.current.write(text, this.used, 'utf8');
    this.length += bytes;
  }

  flush(): void {
    if (this.used > 0) this.chunks.push(this.current.subarray(0, this.used));
    this.current = Buffer.allocUnsafe(0);
    this.used = 0;
  }
}

/** The message's JSON as UTF-8 byte chunks: the same text JSON.stringify gives, built piecewise for long diagnostic lists. */
export function jsonChunks(msg: unknown): { chunks: Buffer[]; length: number } {
  const whole = (): { chunks: Buffer[]; length: number } => {
    const bytes = Buffer.from(JSON.stringify(msg), 'utf8');
    return { chunks: [bytes], length: bytes.length };
  };
  if (!longDiagnostics(msg)) return whole();
  const { diagnostics, ...restParams } = msg.params;
  // The message with an empty list at the end of params; the list's items go between its brackets.
  const shell = JSON.stringify({ ...msg, params: { ...restParams, diagnostics: [] } });
  const marker = '"diagnostics":[]}}';
  if (!shell.endsWith(marker)) return whole();
  const out = new ByteChunks();
  out.add(shell.slice(0, shell.length - 3));
  diagnostics.forEach((d, i) => out.add(i === 0 ? JSON.stringify(d) : `,${JSON.stringify(d)}`));
  out.add(']}}');
  out.flush();
  return { chunks: out.chunks, length: out.length };
}
