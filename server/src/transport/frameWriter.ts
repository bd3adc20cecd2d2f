// A message writer for stream transports (`--stdio`, sockets, pipes) that sends each message as one
// write: header and body in a single string. vscode-jsonrpc's stream writer writes the header,
// waits for its callback, then writes the body, each step behind a semaphore that hops through
// setImmediate. On a pipe every write is its own syscall that wakes the reader, so a client paid
// two wake-ups per message, and profiles of 9 000 small requests showed the two writes as the
// largest costs in the server (≈ 60 µs each). JSON.stringify is synchronous, so messages go out
// in the order `write` is called without any queue of our own.
import { AbstractMessageWriter, type Message, type MessageWriter } from 'vscode-languageserver/node';

/** The part of a Node writable stream the writer needs (process.stdout, a socket). */
export interface FrameSink {
  write(chunk: string, encoding: BufferEncoding, callback: (error?: Error | null) => void): boolean;
  end(): void;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
}

/** `Content-Length: N\r\n\r\n{json}`: the base protocol's framing, with N counted in UTF-8 bytes. */
export function frame(msg: Message): string {
  const json = JSON.stringify(msg);
  return `Content-Length: ${Buffer.byteLength(json, 'utf8')}\r\n\r\n${json}`;
}

export class FrameWriter extends AbstractMessageWriter implements MessageWriter {
  private errorCount = 0;

  constructor(private readonly sink: FrameSink) {
    super();
    sink.on('error', (error) => this.fireError(error));
    sink.on('close', () => this.fireClose());
  }

  write(msg: Message): Promise<void> {
    let text: string;
    try {
      text = frame(msg);
    } catch (error) {
      // A value JSON can't hold (a cycle, a BigInt) is a bug in one handler: report it, send nothing.
      this.fireError(error, msg, ++this.errorCount);
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    return new Promise((resolve, reject) => {
      this.sink.write(text, 'utf8', (error) => {
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
