// A message reader for stream transports that parses the base protocol's frames synchronously and
// hands each message to the connection in the same turn of the event loop. vscode-jsonrpc's stream
// reader decodes every body through a chain of promises; on a request of a few hundred bytes that
// chain was about a tenth of the server's whole round trip (measured: docs/bench/lsp-notes.md).
//
// Chunks are kept in a list and joined once a whole frame has arrived, so a 10 MB document sent in
// 64 KB chunks is copied once, not once per chunk.
import { AbstractMessageReader, type DataCallback, type Disposable, type Message, type MessageReader } from 'vscode-languageserver/node';

/** The part of a Node readable stream the reader needs (process.stdin, a socket). */
export interface FrameSource {
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'close' | 'end', listener: () => void): unknown;
  off(event: 'data', listener: (chunk: Buffer) => void): unknown;
}

/** A header block longer than this without its blank line is not the base protocol: drop it. */
export const MAX_HEADER_BYTES = 64 * 1024;

const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');

export class FrameReader extends AbstractMessageReader implements MessageReader {
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** Header length and body length of the frame being received, once its header is complete. */
  private frame: { headerBytes: number; bodyBytes: number } | undefined;

  constructor(private readonly source: FrameSource) {
    super();
    source.on('error', (error) => this.fireError(error));
    source.on('close', () => this.fireClose());
    source.on('end', () => this.fireClose());
  }

  listen(callback: DataCallback): Disposable {
    const onData = (chunk: Buffer): void => this.receive(chunk, callback);
    this.source.on('data', onData);
    return { dispose: () => void this.source.off('data', onData) };
  }

  /** Adds a chunk and delivers every message it completes, in order. */
  receive(chunk: Buffer, deliver: (message: Message) => void): void {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    for (;;) {
      if (!this.frame && !this.readHeader()) return;
      const frame = this.frame;
      if (!frame || this.buffered < frame.headerBytes + frame.bodyBytes) return;
      const all = this.joined();
      const end = frame.headerBytes + frame.bodyBytes;
      const body = all.toString('utf8', frame.headerBytes, end);
      this.keep(all, end);
      this.frame = undefined;
      let message: Message;
      try {
        message = JSON.parse(body) as Message;
      } catch (error) {
        this.fireError(new Error(`A message from the client is not valid JSON (${error instanceof Error ? error.message : String(error)}); it was skipped.`));
        continue;
      }
      deliver(message);
    }
  }

  /** Parses the header block if it has fully arrived. False while more bytes are needed. */
  private readHeader(): boolean {
    while (this.buffered > 0) {
      const all = this.joined();
      const end = all.indexOf(HEADER_END);
      if (end < 0) {
        if (all.length > MAX_HEADER_BYTES) {
          this.fireError(new Error(`Received ${all.length} bytes without a complete message header; they were dropped.`));
          this.keep(all, all.length);
        }
        return false;
      }
      const length = contentLength(all.toString('ascii', 0, end));
      if (length !== undefined) {
        this.frame = { headerBytes: end + HEADER_END.length, bodyBytes: length };
        return true;
      }
      this.fireError(new Error('A message header has no valid Content-Length; the header was dropped.'));
      this.keep(all, end + HEADER_END.length);
    }
    return false;
  }

  /** All buffered bytes as one Buffer (joins the chunk list only when there is more than one). */
  private joined(): Buffer {
    if (this.chunks.length > 1) this.chunks = [Buffer.concat(this.chunks, this.buffered)];
    return this.chunks[0] ?? Buffer.alloc(0);
  }

  /**
   * Drops the first `consumed` bytes of `all`, keeping the rest as the only chunk. A rest of a big
   * buffer is copied: a view would keep the whole (e.g. a 10 MB document's frame) alive.
   */
  private keep(all: Buffer, consumed: number): void {
    const rest = all.subarray(consumed);
    this.chunks = rest.length === 0 ? [] : all.length > MAX_HEADER_BYTES ? [Buffer.from(rest)] : [rest];
    this.buffered = all.length - consumed;
  }
}

/** The value of the Content-Length header (case-insensitive), or undefined when missing or invalid. */
export function contentLength(headers: string): number | undefined {
  for (const line of headers.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0 || line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
    const value = line.slice(colon + 1).trim();
    return /^\d+$/.test(value) ? Number(value) : undefined;
  }
  return undefined;
}
