/**
 * Container logs of a container without a TTY come multiplexed: frames of an 8-byte header
 * (stream type, 3 zero bytes, big-endian length) followed by the payload. This splits them back
 * into stdout and stderr, frame by frame across chunk boundaries. Pure; fed chunk by chunk.
 */

export type LogStreamName = 'stdin' | 'stdout' | 'stderr';

export interface LogFrame {
  readonly stream: LogStreamName;
  readonly data: Buffer;
}

const NAMES: Record<number, LogStreamName> = { 0: 'stdin', 1: 'stdout', 2: 'stderr' };

export class LogDemuxer {
  private pending: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): LogFrame[] {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    const out: LogFrame[] = [];
    let offset = 0;
    while (this.pending.length - offset >= 8) {
      const type = this.pending[offset]!;
      const size = this.pending.readUInt32BE(offset + 4);
      if (this.pending.length - offset - 8 < size) break;
      const data = this.pending.subarray(offset + 8, offset + 8 + size);
      out.push({ stream: NAMES[type] ?? 'stdout', data });
      offset += 8 + size;
    }
    this.pending = offset ? Buffer.from(this.pending.subarray(offset)) : this.pending;
    return out;
  }

  /** Bytes left over at the end (a truncated frame). */
  get leftover(): number {
    return this.pending.length;
  }
}

/** Builds one frame; used by tests and by nothing else. */
export function encodeLogFrame(stream: LogStreamName, data: Buffer | string): Buffer {
  const payload = typeof data === 'string' ? Buffer.from(data) : data;
  const header = Buffer.alloc(8);
  header[0] = stream === 'stdin' ? 0 : stream === 'stdout' ? 1 : 2;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
}
