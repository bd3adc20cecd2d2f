// One error wrapper for every LSP request handler: a bug in a feature must cost one answer, never
// the server. An exception becomes a JSON-RPC error (and a line in the client's log); a handler
// that wants to refuse on purpose (rename on a keyword) throws a ResponseError, passed on as is.
// A request cancelled before it starts is answered as cancelled without running the feature.
import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver/node';

export type SafeHandler<P, R> = (params: P, token: CancellationToken) => R | ResponseError<void>;

export function safeHandler<P, R>(ctx: { connection: Connection }, method: string, handler: (params: P, token: CancellationToken) => R): SafeHandler<P, R> {
  return (params, token) => {
    if (token?.isCancellationRequested) return new ResponseError<void>(LSPErrorCodes.RequestCancelled, `${method}: cancelled`);
    try {
      return handler(params, token);
    } catch (err) {
      if (err instanceof ResponseError) return err as ResponseError<void>;
      const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
      try {
        ctx.connection.console.error(`${method} failed: ${detail}`);
      } catch {
        // logging must never turn one failed request into a crash
      }
      return new ResponseError<void>(ErrorCodes.InternalError, `${method} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
}

/** A refusal the user should read (e.g. "keywords can't be renamed"), in their language. */
export function userError(message: string): ResponseError<void> {
  return new ResponseError<void>(LSPErrorCodes.RequestFailed, message);
}
