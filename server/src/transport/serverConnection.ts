// Creates the server's connection for the transport named on the command line. `--stdio` (other
// editors, the benchmarks) gets our own framing (frameReader.ts, frameWriter.ts); IPC (how the extension
// starts us), sockets and pipes keep vscode-languageserver's own transports.
import { format } from 'node:util';
import { createConnection, ProposedFeatures, type Connection, type MessageReader } from 'vscode-languageserver/node';
import { FrameReader } from './frameReader';
import { FrameWriter } from './frameWriter';

export function createServerConnection(argv: readonly string[] = process.argv.slice(2)): Connection {
  if (!argv.includes('--stdio')) return createConnection(ProposedFeatures.all);
  const shutdown = { received: false };
  const reader = noticingShutdown(new FrameReader(process.stdin), () => (shutdown.received = true));
  const connection = createConnection(ProposedFeatures.all, reader, new FrameWriter(process.stdout));
  exitWhenInputEnds(shutdown);
  keepStdoutForTheProtocol(connection);
  return connection;
}

/**
 * The reader, passing on every message and noticing a `shutdown` request on the way. Watching the
 * messages (not `connection.onShutdown`) leaves the connection's one shutdown handler to the
 * server's features.
 */
function noticingShutdown(reader: MessageReader, noticed: () => void): MessageReader {
  return {
    onError: reader.onError,
    onClose: reader.onClose,
    onPartialMessage: reader.onPartialMessage,
    dispose: () => reader.dispose(),
    listen: (callback) =>
      reader.listen((message) => {
        if ((message as { method?: string }).method === 'shutdown') noticed();
        callback(message);
      }),
  };
}

/**
 * The library ends a stdio server when its input closes, but only when it opened the streams
 * itself. With our own reader and writer we do the same: a client that goes away without `exit`
 * must not leave the server running. Exit code 0 only after a `shutdown` request, as the LSP asks.
 */
function exitWhenInputEnds(shutdown: { received: boolean }): void {
  const end = (): never => process.exit(shutdown.received ? 0 : 1);
  process.stdin.on('end', end);
  process.stdin.on('close', end);
}
/**
 * On stdio, stdout carries the protocol: one stray `console.log` (ours or a dependency's) would
 * corrupt the stream. Console output goes to the client's log instead, as the library does for
 * the streams it opens itself.
 */
function keepStdoutForTheProtocol(connection: Connection): void {
  const toLog = (send: (message: string) => void) => (...args: unknown[]): void => send(format(...args));
  console.log = toLog((m) => connection.console.log(m));
  console.info = toLog((m) => connection.console.info(m));
  console.debug = toLog((m) => connection.console.log(m));
  console.warn = toLog((m) => connection.console.warn(m));
  console.error = toLog((m) => connection.console.error(m));
}
