// A message writer for stream transports (`--stdio`, sockets, pipes) that sends each message as one
// write: header and body in a single buffer. vscode-jsonrpc's stream writer writes the header,
// waits for its callback, then writes the body, each step behind a semaphore that hops through
// setImmediate. On a pipe every write is its own syscall that wakes the reader, so a client paid
// two wake-ups per message, and profiles of 9 000 small requests showed the two writes as the
// largest costs in the server (≈ 60 µs each). JSON.stringify is synchronous, so messages go out
// in the order `write` is called without any queue of our own. The frame is a Buffer, not the
// header string concatenated with the JSON: writing that concatenation made V8 flatten it into a
// second copy of the body on its heap (1.5 MB per publish at 10 000 lines; RSS 102 → 110 MB in
// the benchmark), while a Buffer's bytes live outside the heap and are freed with it.
import { AbstractMessageWriter, type Message, type MessageWriter } from 'vscode-languageserver/node';
import { jsonChunks } from './chunkedJson';

/** The part of a Node writable stream the writer needs (process.stdout, a socket). */
export interface FrameSink {
  write(chunk: Buffer, callback: (error?: Error | null) => void): boolean;
  end(): void;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
}

/** `Content-Length: N\r\n\r\n{json}`: the base protocol's framing, with N counted in UTF-8 bytes. */
export function frame(msg: Message): Buffer {
  const body = jsonChunks(msg);
  const header = Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'latin1');
  return Buffer.concat([header, ...body.chunks], header.length + body.length);
}

export class FrameWriter extends AbstractMessageWriter implements MessageWriter {
  private errorCount = 0;

  constructor(private readonly sink: FrameSink) {
    super();
    sink.on('error', (error) => this.fireError(error));
    sink.on('close', () => this.fireClose());
  }

  write(msg: Message): Promise<void> {
    let bytes: Buffer;
    try {
      bytes = frame(msg);
    } catch (error) {
      // A value JSON can't hold (a cycle, a BigInt) is a bug in one handler: report it, send nothing.
      this.fireError(error, msg, ++this.errorCount);
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    return new Promise((resolve, reject) => {
      this.sink.write(bytes, (error) => {
        if (!error) return resolve();
        this.fireError(error, msg, ++this.errorCount);
        reject(error);
      });
    });
  }

  end(): void {
    this.sink.end();
  }
}
