import type { EngineEndpoint } from './endpoint';
import { describeEndpoint, EngineConfigError } from './endpoint';
import { formatMessage, msg, type LocalizableMessage } from './message';

/**
 * Turns the errors Node and the engine give (ENOENT, ECONNREFUSED, EACCES, TLS codes, HTTP 400
 * "client version is too new" …) into what a learner can act on: what happened and how to fix it.
 */

export type EngineProblemKind =
  | 'not-running'
  | 'permission'
  | 'timeout'
  | 'api-too-old'
  | 'tls'
  | 'host-not-found'
  | 'config'
  | 'ssh'
  | 'unknown';

export interface EngineProblem {
  readonly kind: EngineProblemKind;
  /** What went wrong, in plain words. */
  readonly summary: LocalizableMessage;
  /** What to do about it. */
  readonly fix: LocalizableMessage;
  /** The original error text, for the log. */
  readonly detail: string;
}

/** Minimum Engine API version our calls rely on (Docker 17.06+). */
export const MIN_API_VERSION = '1.30';

export class EngineUnavailableError extends Error {
  constructor(readonly problem: EngineProblem, readonly endpoint?: EngineEndpoint) {
    super(`${formatMessage(problem.summary)} ${formatMessage(problem.fix)}`);
    this.name = 'EngineUnavailableError';
  }
}

const TLS_CODES = new Set([
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_SIGNATURE_FAILURE',
  'EPROTO',
  'ERR_SSL_WRONG_VERSION_NUMBER',
]);

function errorCode(err: unknown): string | undefined {
  if (err && typeof err === 'object') {
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    const cause = (err as { cause?: unknown }).cause;
    if (cause && cause !== err) return errorCode(cause);
  }
  return undefined;
}

function errorText(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

export function explainEngineError(err: unknown, endpoint?: EngineEndpoint): EngineProblem {
  if (err instanceof EngineUnavailableError) return err.problem;
  const where = endpoint ? describeEndpoint(endpoint) : 'the Docker engine';
  const detail = errorText(err);
  const code = errorCode(err);
  const text = detail.toLowerCase();

  if (err instanceof EngineConfigError) {
    return {
      kind: 'config',
      summary: msg('The Docker host setting cannot be used: {0}', detail),
      fix: msg('Correct the "dockerfileStudio.docker.host" setting, DOCKER_HOST or your docker context, then retry.'),
      detail,
    };
  }
  if (code === 'EACCES' || code === 'EPERM' || text.includes('permission denied')) {
    return {
      kind: 'permission',
      summary: msg('Permission denied on the Docker socket {0}: your user may not talk to the engine.', where),
      fix: msg('Add yourself to the docker group with `sudo usermod -aG docker $USER`, then log out and back in (or reboot) so the new group applies.'),
      detail,
    };
  }
  if (code === 'ENOENT' || code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'EPIPE' || text.includes('socket hang up')) {
    return {
      kind: 'not-running',
      summary: msg('The Docker engine is not running or not listening at {0}.', where),
      fix: msg('Start Docker (Docker Desktop, or `sudo systemctl start docker` on Linux), or point DOCKER_HOST or the "dockerfileStudio.docker.host" setting at a running engine.'),
      detail,
    };
  }
  if (code === 'ETIMEDOUT' || code === 'ABORT_ERR' || code === 'ECONNABORTED' || /timed? ?out/.test(text) || (err instanceof Error && err.name === 'AbortError')) {
    return {
      kind: 'timeout',
      summary: msg('The Docker engine at {0} did not answer in time.', where),
      fix: msg('Check that the host is reachable and the engine is running, then retry.'),
      detail,
    };
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return {
      kind: 'host-not-found',
      summary: msg('The Docker host name in {0} could not be resolved.', where),
      fix: msg('Check the host name in DOCKER_HOST, your docker context or the "dockerfileStudio.docker.host" setting.'),
      detail,
    };
  }
  if ((code && TLS_CODES.has(code)) || /certificate|tls|ssl|https server/.test(text)) {
    return {
      kind: 'tls',
      summary: msg('The TLS connection to {0} failed: {1}', where, detail),
      fix: msg('Check DOCKER_CERT_PATH (ca.pem, cert.pem, key.pem) and DOCKER_TLS_VERIFY, or the TLS files of your docker context; an engine on port 2376 usually needs TLS, one on 2375 must not use it.'),
      detail,
    };
  }
  if (/client version .* is too (new|old)|minimum supported api version|api version .* too old|is too old/.test(text)) {
    return {
      kind: 'api-too-old',
      summary: msg('The Docker engine at {0} speaks an API version that is too old for Dockerfile Studio (it needs {1} or newer).', where, MIN_API_VERSION),
      fix: msg('Update Docker Engine (or Docker Desktop) to a current release.'),
      detail,
    };
  }
  if (/ssh|handshake|authentication methods failed/.test(text)) {
    return {
      kind: 'ssh',
      summary: msg('The SSH connection to {0} failed: {1}', where, detail),
      fix: msg('Check that `ssh` to this host works without a password prompt (an ssh-agent with your key loaded) and that your user may use Docker there.'),
      detail,
    };
  }
  return {
    kind: 'unknown',
    summary: msg('The Docker engine at {0} returned an error: {1}', where, detail),
    fix: msg('See the log for details; check that the engine is running and retry.'),
    detail,
  };
}

/** Compares dotted API versions ("1.41" vs "1.30"). */
export function apiVersionAtLeast(version: string, minimum: string): boolean {
  const a = version.split('.').map(Number);
  const b = minimum.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}
