import { formatMessage, msg, type LocalizableMessage } from '../message';

/**
 * Registry failures explained for someone learning Docker: what happened, why, what to do.
 * Built from HTTP status, the Registry API error body ({"errors":[{"code":"NAME_UNKNOWN",…}]})
 * and Node's network error codes.
 */

export type RegistryProblemKind =
  | 'unauthorized'
  | 'wrong-credentials'
  | 'denied'
  | 'not-found'
  | 'name-invalid'
  | 'http-vs-https'
  | 'tls'
  | 'unreachable'
  | 'host-not-found'
  | 'timeout'
  | 'cancelled'
  | 'unsupported'
  | 'not-a-registry'
  | 'too-many-requests'
  | 'unknown';

export interface RegistryProblem {
  readonly kind: RegistryProblemKind;
  readonly summary: LocalizableMessage;
  readonly fix: LocalizableMessage;
  readonly status?: number;
  /** Registry error code (NAME_UNKNOWN…) or Node error code (ECONNREFUSED…), for the log. */
  readonly code?: string;
  readonly detail: string;
}

export class RegistryError extends Error {
  constructor(readonly problem: RegistryProblem) {
    super(`${formatMessage(problem.summary)} ${formatMessage(problem.fix)}`);
    this.name = 'RegistryError';
  }
  get kind(): RegistryProblemKind {
    return this.problem.kind;
  }
}

export interface RegistryErrorBody {
  readonly code: string;
  readonly message?: string;
}

export function parseErrorBody(body: Buffer | string): RegistryErrorBody[] {
  try {
    const parsed = JSON.parse(body.toString()) as { errors?: Array<{ code?: unknown; message?: unknown }> };
    return (parsed.errors ?? []).filter((e) => typeof e.code === 'string').map((e) => ({ code: String(e.code), ...(typeof e.message === 'string' ? { message: e.message } : {}) }));
  } catch {
    return [];
  }
}

function nodeCode(err: unknown): string | undefined {
  let e: unknown = err;
  for (let depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

const WRONG_PROTOCOL_CODES = new Set(['ERR_SSL_WRONG_VERSION_NUMBER', 'EPROTO', 'ERR_SSL_PACKET_LENGTH_TOO_LONG', 'ERR_SSL_HTTP_REQUEST']);

/** Turns a network-level failure (no HTTP answer) into a problem. */
export function explainNetworkError(err: unknown, url: string): RegistryProblem {
  const where = safeHost(url);
  const detail = err instanceof Error ? err.message : String(err);
  const code = nodeCode(err);
  if (err instanceof RegistryError) return err.problem;
  if (code === 'ABORT_ERR' || (err instanceof Error && err.name === 'AbortError')) {
    return { kind: 'cancelled', summary: msg('The request to {0} was cancelled.', where), fix: msg('Run it again when you are ready.'), code, detail };
  }
  if (url.startsWith('https:') && (WRONG_PROTOCOL_CODES.has(code ?? '') || /wrong version number|packet length too long|http request/i.test(detail))) {
    return {
      kind: 'http-vs-https',
      summary: msg('{0} answered an HTTPS request in plain HTTP: this registry does not use TLS.', where),
      fix: msg('Mark the registry as insecure (plain HTTP) in Dockerfile Studio, and for push/pull add "{0}" to "insecure-registries" in /etc/docker/daemon.json and restart Docker. Only do this on a network you trust: plain HTTP sends passwords and images unencrypted.', where),
      code,
      detail,
    };
  }
  if (code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'EPIPE') {
    return {
      kind: 'unreachable',
      summary: msg('Nothing is answering at {0} ({1}).', where, code),
      fix: msg('Check that the registry is running and that host and port are right (a registry started with "docker run -p 5000:5000 registry" listens on port 5000), and that no firewall or security group blocks the port.'),
      code,
      detail,
    };
  }
  if (code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') {
    return {
      kind: 'timeout',
      summary: msg('{0} did not answer in time.', where),
      fix: msg('Check the address and your network: a firewall that silently drops packets looks like this. Then refresh.'),
      code,
      detail,
    };
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return { kind: 'host-not-found', summary: msg('The host name in {0} could not be resolved.', where), fix: msg('Check the spelling of the registry address and your DNS/network connection.'), code, detail };
  }
  if (code && (code.startsWith('ERR_TLS') || code.includes('CERT') || code.startsWith('ERR_SSL'))) {
    return {
      kind: 'tls',
      summary: msg('The TLS certificate of {0} was not accepted ({1}).', where, code),
      fix: msg('If the registry uses a self-signed certificate, trust its CA (for Docker: /etc/docker/certs.d/{0}/ca.crt), or mark the registry as insecure in Dockerfile Studio.', where),
      code,
      detail,
    };
  }
  return { kind: 'unknown', summary: msg('The request to {0} failed: {1}', where, detail), fix: msg('See the log for details, check the registry address and retry.'), ...(code ? { code } : {}), detail };
}

/** What a request was looking for; each kind has its own sentence so it can be translated whole. */
export type Subject =
  | { readonly kind: 'repository'; readonly name: string }
  | { readonly kind: 'manifest'; readonly name: string }
  | { readonly kind: 'blob'; readonly name: string }
  | { readonly kind: 'catalog' }
  | { readonly kind: 'token-service' };

function notFoundSummary(where: string, subject: Subject | undefined, code: string): LocalizableMessage {
  switch (subject?.kind) {
    case 'repository':
      return msg('{0} has no repository "{1}" ({2}).', where, subject.name, code);
    case 'manifest':
      return msg('{0} has no image "{1}" ({2}).', where, subject.name, code);
    case 'blob':
      return msg('{0} is missing the layer or config {1} ({2}).', where, subject.name, code);
    case 'catalog':
      return msg('{0} does not offer a repository list ({1}).', where, code);
    case 'token-service':
      return msg('The token service of {0} was not found ({1}).', where, code);
    default:
      return msg('{0} could not find what was asked for ({1}).', where, code);
  }
}

export interface HttpFailureContext {
  readonly url: string;
  readonly status: number;
  readonly body: Buffer;
  /** Credentials were sent with the request that failed. */
  readonly sentCredentials: boolean;
  /** What we were looking for, for not-found texts. */
  readonly subject?: Subject;
}

/** Turns an HTTP error answer into a problem. */
export function explainHttpFailure(ctx: HttpFailureContext): RegistryProblem {
  const where = safeHost(ctx.url);
  const errors = parseErrorBody(ctx.body);
  const code = errors[0]?.code;
  const detail = `HTTP ${ctx.status}${errors.length ? ': ' + errors.map((e) => `${e.code} ${e.message ?? ''}`.trim()).join('; ') : ''}`;
  const base = { status: ctx.status, ...(code ? { code } : {}), detail };
  const text = ctx.body.toString('utf8', 0, Math.min(ctx.body.length, 400));
  if (ctx.status === 400 && /HTTP request to an HTTPS server/i.test(text)) {
    return { kind: 'http-vs-https', summary: msg('{0} expects HTTPS, but the request used plain HTTP.', where), fix: msg('Remove the "insecure (plain HTTP)" mark from this registry so HTTPS is used.'), ...base };
  }
  if (ctx.status === 401) {
    if (ctx.sentCredentials) {
      return {
        kind: 'wrong-credentials',
        summary: msg('{0} refused the user name or password (401 Unauthorized).', where),
        fix: msg('Check the user name and password (or access token) for this registry and sign in again; passwords are case-sensitive.'),
        ...base,
      };
    }
    return { kind: 'unauthorized', summary: msg('{0} requires you to sign in (401 Unauthorized).', where), fix: msg('Add credentials for this registry (Sign In on the registry), or log in with "docker login {0}".', where), ...base };
  }
  if (ctx.status === 403 || code === 'DENIED') {
    return { kind: 'denied', summary: msg('{0} understood who you are but does not allow this action (403 Forbidden).', where), fix: msg('Ask the registry administrator for the needed permission (pull, push or delete) on this repository.'), ...base };
  }
  if (ctx.status === 429 || code === 'TOOMANYREQUESTS') {
    return { kind: 'too-many-requests', summary: msg('{0} is limiting how many requests you may make (429 Too Many Requests).', where), fix: msg('Wait a while, or sign in: anonymous users get lower limits on Docker Hub.'), ...base };
  }
  if (code === 'NAME_INVALID' || code === 'TAG_INVALID') {
    return { kind: 'name-invalid', summary: msg('{0} rejected the name: {1}', where, errors[0]?.message ?? code), fix: msg('Use a lowercase repository name (letters, digits, ".", "_", "-", "/") and a tag of letters, digits, "_", "." and "-".'), ...base };
  }
  if (ctx.status === 405 || code === 'UNSUPPORTED') {
    return {
      kind: 'unsupported',
      summary: msg('{0} does not allow this operation (405 {1}).', where, code ?? 'Method Not Allowed'),
      fix: msg('Deleting is switched off in many registries. For the open-source registry, start it with REGISTRY_STORAGE_DELETE_ENABLED=true (storage: delete: enabled: true); Docker Hub, GHCR and others only delete through their web interface.'),
      ...base,
    };
  }
  if (ctx.status === 404) {
    if (!code && !/errors/.test(text) && ctx.url.endsWith('/v2/')) {
      return { kind: 'not-a-registry', summary: msg('{0} answered, but not as a Docker registry (no /v2/ API).', where), fix: msg('Check the address and port: it should point at the registry itself, not at a web interface in front of it.'), ...base };
    }
    return {
      kind: 'not-found',
      summary: notFoundSummary(where, ctx.subject, code ?? '404 Not Found'),
      fix: msg('Check the repository name and tag (names are case-sensitive and lowercase); refresh the registry view to see what exists.'),
      ...base,
    };
  }
  return { kind: 'unknown', summary: msg('{0} answered with an error: {1}', where, detail), fix: msg('See the log for details and retry.'), ...base };
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
