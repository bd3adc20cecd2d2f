import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * Finds the Docker engine the way the docker CLI does, so that whatever works in the user's
 * terminal works here too (Microsoft's extension dropped its own Engine API client because its
 * discovery differed from the CLI's). Order: our setting → DOCKER_HOST (+ DOCKER_TLS_VERIFY /
 * DOCKER_CERT_PATH) → DOCKER_CONTEXT → `currentContext` of config.json → the default socket →
 * Docker Desktop / rootless / Podman sockets that exist.
 */

export type EngineSource = 'setting' | 'DOCKER_HOST' | 'DOCKER_CONTEXT' | 'context' | 'default' | 'docker-desktop' | 'rootless' | 'podman';

export interface EngineTls {
  /** Verify the server certificate against ca.pem (DOCKER_TLS_VERIFY / a context without SkipTLSVerify). */
  readonly verify: boolean;
  /** Paths of the PEM files, present only when the file exists. */
  readonly caFile?: string;
  readonly certFile?: string;
  readonly keyFile?: string;
}

export interface EngineEndpoint {
  /** Normalised address, e.g. `unix:///var/run/docker.sock`, `tcp://10.0.0.5:2376`, `ssh://me@box`. */
  readonly host: string;
  readonly transport: 'unix' | 'npipe' | 'tcp' | 'ssh';
  readonly socketPath?: string;
  readonly hostname?: string;
  readonly port?: number;
  readonly username?: string;
  readonly tls?: EngineTls;
  /** Which rule chose this engine (logged, and shown when the engine is unreachable). */
  readonly source: EngineSource;
  /** The docker context name when the source is a context. */
  readonly contextName?: string;
}

/** Everything discovery reads from the machine; tests pass a fake home and env. */
export interface DiscoveryEnvironment {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly homeDir: string;
  readonly platform: NodeJS.Platform;
  readonly uid?: number;
  exists(file: string): boolean;
  readText(file: string): string | undefined;
}

export interface ResolveEndpointOptions {
  /** `dockerfileStudio.docker.host`; empty means "not set". */
  readonly setting?: string;
  readonly environment?: Partial<DiscoveryEnvironment>;
}

export function systemDiscoveryEnvironment(): DiscoveryEnvironment {
  return {
    env: process.env,
    homeDir: os.homedir(),
    platform: process.platform,
    uid: typeof process.getuid === 'function' ? process.getuid() : undefined,
    exists: (f) => fs.existsSync(f),
    readText: (f) => {
      try {
        return fs.readFileSync(f, 'utf8');
      } catch {
        return undefined;
      }
    },
  };
}

export class EngineConfigError extends Error {
  constructor(message: string, readonly source: EngineSource) {
    super(message);
    this.name = 'EngineConfigError';
  }
}

export function resolveEngineEndpoint(opts: ResolveEndpointOptions = {}): EngineEndpoint {
  const e: DiscoveryEnvironment = { ...systemDiscoveryEnvironment(), ...opts.environment };
  const setting = opts.setting?.trim();
  if (setting) return parseHost(setting, 'setting', tlsFromEnv(e));
  const dockerHost = e.env.DOCKER_HOST?.trim();
  if (dockerHost) return parseHost(dockerHost, 'DOCKER_HOST', tlsFromEnv(e));
  const envContext = e.env.DOCKER_CONTEXT?.trim();
  if (envContext && envContext !== 'default') return fromContext(e, envContext, 'DOCKER_CONTEXT');
  const current = currentContextName(e);
  if (current && current !== 'default') return fromContext(e, current, 'context');
  return defaultSocket(e);
}

/** One-line English description for logs: "unix:///var/run/docker.sock (DOCKER_HOST)". */
export function describeEndpoint(ep: EngineEndpoint): string {
  const why = ep.contextName ? `${ep.source} "${ep.contextName}"` : ep.source;
  const tls = ep.tls ? (ep.tls.verify ? ', TLS verified' : ', TLS without verification') : '';
  return `${ep.host} (${why}${tls})`;
}

function configDir(e: DiscoveryEnvironment): string {
  return e.env.DOCKER_CONFIG?.trim() || path.join(e.homeDir, '.docker');
}

/** The CLI turns TLS on when DOCKER_TLS_VERIFY (or DOCKER_TLS) is non-empty; certs default to ~/.docker. */
function tlsFromEnv(e: DiscoveryEnvironment): EngineTls | undefined {
  const verify = !!e.env.DOCKER_TLS_VERIFY;
  const tls = verify || !!e.env.DOCKER_TLS;
  if (!tls) return undefined;
  const dir = e.env.DOCKER_CERT_PATH?.trim() || configDir(e);
  return tlsFiles(e, dir, verify);
}

function tlsFiles(e: DiscoveryEnvironment, dir: string, verify: boolean): EngineTls {
  const pick = (name: string) => {
    const f = path.join(dir, name);
    return e.exists(f) ? f : undefined;
  };
  return { verify, caFile: pick('ca.pem'), certFile: pick('cert.pem'), keyFile: pick('key.pem') };
}

export function parseHost(raw: string, source: EngineSource, tls?: EngineTls, contextName?: string): EngineEndpoint {
  const base = { source, contextName };
  let value = raw.trim();
  if (value.startsWith('unix://')) {
    const socketPath = value.slice('unix://'.length) || '/var/run/docker.sock';
    return { ...base, host: `unix://${socketPath}`, transport: 'unix', socketPath };
  }
  if (value.startsWith('npipe://')) {
    const socketPath = value.slice('npipe://'.length) || '//./pipe/docker_engine';
    return { ...base, host: `npipe://${socketPath}`, transport: 'npipe', socketPath };
  }
  if (value.startsWith('/')) return { ...base, host: `unix://${value}`, transport: 'unix', socketPath: value };
  if (!value.includes('://')) value = `tcp://${value}`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new EngineConfigError(`"${raw}" is not a Docker host address (expected unix:///path, tcp://host:port or ssh://user@host)`, source);
  }
  const scheme = url.protocol.replace(/:$/, '');
  if (scheme === 'ssh') {
    const port = url.port ? Number(url.port) : 22;
    const username = decodeURIComponent(url.username) || undefined;
    return { ...base, host: `ssh://${username ? `${username}@` : ''}${url.hostname}${url.port ? `:${port}` : ''}`, transport: 'ssh', hostname: url.hostname, port, username };
  }
  if (scheme === 'tcp' || scheme === 'http' || scheme === 'https') {
    if (!url.hostname) throw new EngineConfigError(`"${raw}" has no host name`, source);
    const useTls = tls ?? (scheme === 'https' ? { verify: true } : undefined);
    const port = url.port ? Number(url.port) : useTls ? 2376 : 2375;
    return { ...base, host: `tcp://${url.hostname}:${port}`, transport: 'tcp', hostname: url.hostname, port, tls: useTls };
  }
  throw new EngineConfigError(`"${raw}" uses the unsupported scheme "${scheme}" (expected unix, tcp, ssh or npipe)`, source);
}

function currentContextName(e: DiscoveryEnvironment): string | undefined {
  const text = e.readText(path.join(configDir(e), 'config.json'));
  if (!text) return undefined;
  try {
    const cfg = JSON.parse(text) as { currentContext?: unknown };
    return typeof cfg.currentContext === 'string' ? cfg.currentContext.trim() || undefined : undefined;
  } catch {
    return undefined; // the CLI also ignores an unreadable config for context selection
  }
}

interface ContextMeta {
  Name?: string;
  Endpoints?: { docker?: { Host?: string; SkipTLSVerify?: boolean } };
}

/** Contexts live in contexts/meta/<sha256(name)>/meta.json, TLS files in contexts/tls/<sha256(name)>/docker/. */
function fromContext(e: DiscoveryEnvironment, name: string, source: EngineSource): EngineEndpoint {
  const digest = createHash('sha256').update(name).digest('hex');
  const root = path.join(configDir(e), 'contexts');
  const text = e.readText(path.join(root, 'meta', digest, 'meta.json'));
  if (!text) throw new EngineConfigError(`docker context "${name}" was not found in ${path.join(root, 'meta')}`, source);
  let meta: ContextMeta;
  try {
    meta = JSON.parse(text) as ContextMeta;
  } catch {
    throw new EngineConfigError(`docker context "${name}" has an unreadable meta.json`, source);
  }
  const docker = meta.Endpoints?.docker;
  if (!docker?.Host) throw new EngineConfigError(`docker context "${name}" has no docker endpoint`, source);
  const tlsDir = path.join(root, 'tls', digest, 'docker');
  const hasTls = e.exists(path.join(tlsDir, 'ca.pem')) || e.exists(path.join(tlsDir, 'cert.pem'));
  const tls = hasTls ? tlsFiles(e, tlsDir, !docker.SkipTLSVerify) : undefined;
  return parseHost(docker.Host, source, tls, name);
}

function defaultSocket(e: DiscoveryEnvironment): EngineEndpoint {
  if (e.platform === 'win32') return parseHost('npipe:////./pipe/docker_engine', 'default');
  const runtimeDir = e.env.XDG_RUNTIME_DIR || (e.uid !== undefined ? `/run/user/${e.uid}` : undefined);
  const candidates: Array<[string, EngineSource]> = [
    ['/var/run/docker.sock', 'default'],
    [path.join(e.homeDir, '.docker', 'run', 'docker.sock'), 'docker-desktop'],
  ];
  if (runtimeDir) candidates.push([path.join(runtimeDir, 'docker.sock'), 'rootless']);
  if (runtimeDir) candidates.push([path.join(runtimeDir, 'podman', 'podman.sock'), 'podman']);
  candidates.push(['/run/podman/podman.sock', 'podman']);
  for (const [socket, source] of candidates) {
    if (e.exists(socket)) return parseHost(`unix://${socket}`, source);
  }
  // Nothing exists: report the CLI's default so the error says "is the daemon running?" about it.
  return parseHost('unix:///var/run/docker.sock', 'default');
}
