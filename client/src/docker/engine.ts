import * as fs from 'node:fs';
import * as https from 'node:https';
import Dockerode from 'dockerode';
import { describeEndpoint, resolveEngineEndpoint, type EngineEndpoint, type ResolveEndpointOptions } from './endpoint';
import { apiVersionAtLeast, EngineUnavailableError, explainEngineError, MIN_API_VERSION } from './engineErrors';
import { msg } from './message';

/**
 * The one way every part of the extension gets a Docker engine: resolve the endpoint like the CLI
 * does, build a Dockerode for it, and check it answers (with a timeout, so an unreachable engine
 * never hangs the UI). Layers, images and registry code reuse `connectEngine`.
 */

export { describeEndpoint, resolveEngineEndpoint, type EngineEndpoint, type ResolveEndpointOptions } from './endpoint';
export { explainEngineError, EngineUnavailableError, type EngineProblem, type EngineProblemKind } from './engineErrors';
export { formatMessage, type LocalizableMessage } from './message';

export interface EngineVersion {
  readonly version: string;
  readonly apiVersion: string;
  readonly os: string;
  readonly arch: string;
}

export interface EngineConnection {
  readonly docker: Dockerode;
  readonly endpoint: EngineEndpoint;
  readonly version: EngineVersion;
}

export interface ConnectOptions extends ResolveEndpointOptions {
  /** How long the ping may take before the engine counts as unreachable (default 5 s). */
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

const DOCKER_ENV_KEYS = ['DOCKER_HOST', 'DOCKER_TLS_VERIFY', 'DOCKER_CERT_PATH', 'DOCKER_CLIENT_TIMEOUT', 'DOCKER_PATH_PREFIX'];

/**
 * docker-modem merges its own DOCKER_HOST-based defaults into whatever options it gets (and reads
 * cert files from DOCKER_CERT_PATH, throwing if they are missing), so an explicit endpoint could be
 * silently replaced by the environment's. Constructing with those variables hidden makes the
 * endpoint we resolved the only input. The constructor is synchronous, so no other code observes it.
 */
function withoutDockerEnv<T>(make: () => T): T {
  const saved = new Map<string, string | undefined>();
  for (const k of DOCKER_ENV_KEYS) {
    saved.set(k, process.env[k]);
    delete process.env[k];
  }
  try {
    return make();
  } finally {
    for (const [k, v] of saved) if (v !== undefined) process.env[k] = v;
  }
}

export function createDockerClient(endpoint: EngineEndpoint): Dockerode {
  const options: Dockerode.DockerOptions & Record<string, unknown> = {};
  switch (endpoint.transport) {
    case 'unix':
    case 'npipe':
      options.socketPath = endpoint.socketPath;
      break;
    case 'ssh':
      options.protocol = 'ssh';
      options.host = endpoint.hostname;
      options.port = endpoint.port;
      options.username = endpoint.username;
      options.sshOptions = { agent: process.env.SSH_AUTH_SOCK };
      break;
    case 'tcp': {
      options.host = endpoint.hostname;
      options.port = endpoint.port;
      options.protocol = endpoint.tls ? 'https' : 'http';
      const tls = endpoint.tls;
      if (tls) {
        const ca = tls.caFile ? fs.readFileSync(tls.caFile) : undefined;
        const cert = tls.certFile ? fs.readFileSync(tls.certFile) : undefined;
        const key = tls.keyFile ? fs.readFileSync(tls.keyFile) : undefined;
        Object.assign(options, { ca, cert, key });
        // The CLI's "TLS without verify" still encrypts but accepts any server certificate.
        options.agent = new https.Agent({ ca, cert, key, rejectUnauthorized: tls.verify });
      }
      break;
    }
  }
  return withoutDockerEnv(() => new Dockerode(options));
}

/** Rejects after `ms` even when the transport ignores the abort signal (ssh). */
export async function withTimeout<T>(work: (signal: AbortSignal) => Promise<T>, ms: number, outer?: AbortSignal): Promise<T> {
  const ctrl = new AbortController();
  const onOuter = () => ctrl.abort(outer?.reason);
  outer?.addEventListener('abort', onOuter, { once: true });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const err = Object.assign(new Error(`timed out after ${ms} ms`), { code: 'ETIMEDOUT' });
      ctrl.abort(err);
      reject(err);
    }, ms);
  });
  try {
    return await Promise.race([work(ctrl.signal), timeout]);
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onOuter);
  }
}

interface AbortableInfo {
  ping(opts: { abortSignal: AbortSignal }): Promise<unknown>;
  version(opts: { abortSignal: AbortSignal }): Promise<Dockerode.DockerVersion>;
}

/** Pings and asks the version; throws EngineUnavailableError with an explained problem. */
export async function checkEngine(docker: Dockerode, endpoint: EngineEndpoint, timeoutMs = 5000, signal?: AbortSignal): Promise<EngineVersion> {
  let raw: Dockerode.DockerVersion;
  try {
    // @types/dockerode omits the options argument that dockerode accepts for ping/version.
    const api = docker as unknown as AbortableInfo;
    raw = await withTimeout(async (s) => {
      await api.ping({ abortSignal: s });
      return api.version({ abortSignal: s });
    }, timeoutMs, signal);
  } catch (err) {
    throw new EngineUnavailableError(explainEngineError(err, endpoint), endpoint);
  }
  const version: EngineVersion = { version: raw.Version, apiVersion: raw.ApiVersion, os: raw.Os, arch: raw.Arch };
  if (!apiVersionAtLeast(version.apiVersion, MIN_API_VERSION)) {
    const where = describeEndpoint(endpoint);
    throw new EngineUnavailableError(
      {
        kind: 'api-too-old',
        summary: msg('The Docker engine at {0} speaks API {1}, older than the {2} Dockerfile Studio needs.', where, version.apiVersion, MIN_API_VERSION),
        fix: msg('Update Docker Engine (or Docker Desktop) to a current release.'),
        detail: `API ${version.apiVersion} < ${MIN_API_VERSION}`,
      },
      endpoint,
    );
  }
  return version;
}

/** Resolve → create → check. Every failure (bad setting, unreachable engine) is an EngineUnavailableError. */
export async function connectEngine(opts: ConnectOptions = {}): Promise<EngineConnection> {
  let endpoint: EngineEndpoint;
  let docker: Dockerode;
  try {
    endpoint = resolveEngineEndpoint(opts);
    docker = createDockerClient(endpoint);
  } catch (err) {
    throw new EngineUnavailableError(explainEngineError(err));
  }
  const version = await checkEngine(docker, endpoint, opts.timeoutMs, opts.signal);
  return { docker, endpoint, version };
}
