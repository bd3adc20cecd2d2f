import * as http from 'node:http';
import * as https from 'node:https';

/**
 * The one place registry traffic leaves the process: node's http/https (not fetch) because we
 * need per-request TLS verification control (registries the user marked insecure, like the
 * engine's "insecure-registries"), a hard deadline that also covers a server that accepts the
 * connection and then never answers, and redirects that drop credentials when they leave the
 * registry's host (blob downloads are often redirected to object storage).
 */

export interface HttpRequest {
  readonly method: 'GET' | 'HEAD' | 'DELETE' | 'POST';
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Accept any server certificate (only for registries the user marked insecure). */
  readonly insecureTls?: boolean;
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  /** Largest body we read; larger ones fail instead of filling memory. */
  readonly maxBodyBytes?: number;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: Buffer;
  /** The URL that finally answered (after redirects). */
  readonly url: string;
}

export type HttpTransport = (req: HttpRequest) => Promise<HttpResponse>;

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_MAX_BODY = 32 * 1024 * 1024;
const MAX_REDIRECTS = 5;

export class BodyTooLargeError extends Error {
  readonly code = 'EBODYTOOLARGE';
}

function once(req: HttpRequest, url: URL): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const lib = url.protocol === 'https:' ? https : http;
    const timeoutMs = req.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const maxBody = req.maxBodyBytes ?? DEFAULT_MAX_BODY;
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.signal?.removeEventListener('abort', onAbort);
      fn();
    };
    const options: https.RequestOptions = {
      method: req.method,
      headers: { 'User-Agent': 'dockerfile-studio', ...req.headers, ...(req.body !== undefined ? { 'Content-Length': String(Buffer.byteLength(req.body)) } : {}) },
      agent: false,
    };
    if (url.protocol === 'https:') options.rejectUnauthorized = !req.insecureTls;
    const r = lib.request(url, options, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > maxBody) {
          finish(() => reject(new BodyTooLargeError(`response body larger than ${maxBody} bytes`)));
          res.destroy();
          r.destroy();
          return;
        }
        chunks.push(c);
      });
      res.on('end', () => {
        const headers: Record<string, string | undefined> = {};
        for (const [k, v] of Object.entries(res.headers)) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
        finish(() => resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks), url: url.toString() }));
      });
      res.on('error', (err) => finish(() => reject(err)));
      // A connection cut mid-body ends with 'close' and no 'end'.
      res.on('close', () => finish(() => reject(Object.assign(new Error(`connection to ${url.host} closed before the answer was complete`), { code: 'ECONNRESET' }))));
    });
    // One deadline for connect + answer: a registry that accepts and then stays silent must not hang us.
    const timer = setTimeout(() => {
      r.destroy(Object.assign(new Error(`no answer from ${url.host} within ${timeoutMs} ms`), { code: 'ETIMEDOUT' }));
    }, timeoutMs);
    const onAbort = () => r.destroy(Object.assign(new Error('cancelled'), { name: 'AbortError', code: 'ABORT_ERR' }));
    if (req.signal?.aborted) onAbort();
    else req.signal?.addEventListener('abort', onAbort, { once: true });
    r.on('error', (err) => finish(() => reject(err)));
    r.end(req.body);
  });
}

/** Sends the request, following redirects; Authorization is only kept while the host stays the same. */
export const nodeHttpTransport: HttpTransport = async (req) => {
  let url = new URL(req.url);
  let headers = { ...req.headers };
  let method = req.method;
  for (let hop = 0; ; hop++) {
    const res = await once({ ...req, method, headers }, url);
    const location = res.headers.location;
    if (![301, 302, 303, 307, 308].includes(res.status) || !location || hop >= MAX_REDIRECTS) return res;
    const next = new URL(location, url);
    if (next.host !== url.host || next.protocol !== url.protocol) {
      const { Authorization: _drop, authorization: _drop2, ...rest } = headers;
      headers = rest;
    }
    if (res.status === 303) method = 'GET';
    url = next;
  }
};
