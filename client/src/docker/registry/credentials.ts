import { execFile } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_DOMAIN, DOCKER_HUB_API_HOST, LEGACY_DEFAULT_DOMAIN } from './referenceGrammar';

/**
 * Where registry logins come from. The VS Code side implements CredentialsProvider over
 * SecretStorage; this file reads the docker CLI's own logins (~/.docker/config.json: plain
 * `auths` entries, `credsStore` and per-registry `credHelpers`). Secrets never reach a log:
 * RegistryCredentials has no toString, and callers log only the username.
 */

export interface RegistryCredentials {
  readonly username: string;
  readonly password: string;
  /** Where they came from, for "signed in as x (docker CLI)" texts; never the secret. */
  readonly source: 'secret-storage' | 'docker-config' | 'credential-helper' | 'explicit';
}

export interface CredentialsProvider {
  /** `registry` is the host as written in references ("docker.io", "localhost:5000"). */
  get(registry: string): Promise<RegistryCredentials | undefined>;
}

export const noCredentials: CredentialsProvider = { get: async () => undefined };

export function staticCredentials(username: string, password: string): CredentialsProvider {
  return { get: async () => ({ username, password, source: 'explicit' }) };
}

/** Asks each provider in turn; the first answer wins (e.g. SecretStorage, then the docker CLI). */
export function chainCredentials(...providers: CredentialsProvider[]): CredentialsProvider {
  return {
    async get(registry) {
      for (const p of providers) {
        const c = await p.get(registry);
        if (c) return c;
      }
      return undefined;
    },
  };
}

/** The keys the docker CLI may have stored a login under, for a registry host. */
export function configKeysFor(registry: string): string[] {
  if (registry === DEFAULT_DOMAIN || registry === LEGACY_DEFAULT_DOMAIN || registry === DOCKER_HUB_API_HOST) {
    return ['https://index.docker.io/v1/', 'index.docker.io', 'docker.io', 'registry-1.docker.io', 'https://index.docker.io/v1'];
  }
  return [registry, `https://${registry}`, `http://${registry}`, `https://${registry}/v1/`, `https://${registry}/v2/`, `http://${registry}/v1/`];
}

/** "https://host:5000/v1/" → "host:5000"; how the CLI matches stored keys to a registry. */
export function hostOfConfigKey(key: string): string {
  let k = key.replace(/^[a-z]+:\/\//i, '');
  const slash = k.indexOf('/');
  if (slash >= 0) k = k.slice(0, slash);
  return k === LEGACY_DEFAULT_DOMAIN ? DEFAULT_DOMAIN : k;
}

interface DockerConfigFile {
  auths?: Record<string, { auth?: string; username?: string; password?: string; identitytoken?: string }>;
  credsStore?: string;
  credHelpers?: Record<string, string>;
}

/** Runs `docker-credential-<name> get` with the server URL on stdin; resolves its stdout. */
export type HelperRunner = (program: string, input: string, timeoutMs: number) => Promise<string>;

export const execHelper: HelperRunner = (program, input, timeoutMs) =>
  new Promise((resolve, reject) => {
    // An argument array, never a shell string: the helper name comes from a file the user controls.
    const child = execFile(program, ['get'], { timeout: timeoutMs, maxBuffer: 1024 * 1024, windowsHide: true }, (err, stdout) => {
      if (err) reject(err);
      else resolve(stdout);
    });
    child.stdin?.end(input);
  });

export interface DockerConfigOptions {
  /** Directory holding config.json (default: $DOCKER_CONFIG or ~/.docker). */
  readonly configDir?: string;
  readonly runHelper?: HelperRunner;
  readonly helperTimeoutMs?: number;
  /** Receives helper failures (the helper's error text, which carries no secret). */
  readonly onWarning?: (text: string) => void;
}

export function dockerConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.DOCKER_CONFIG || path.join(os.homedir(), '.docker');
}

/** A helper name may only be a plain word: it becomes part of a program name we execute. */
const HELPER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export class DockerConfigCredentials implements CredentialsProvider {
  private readonly dir: string;
  private readonly runHelper: HelperRunner;

  constructor(private readonly options: DockerConfigOptions = {}) {
    this.dir = options.configDir ?? dockerConfigDir();
    this.runHelper = options.runHelper ?? execHelper;
  }

  private async readConfig(): Promise<DockerConfigFile | undefined> {
    try {
      return JSON.parse(await fs.readFile(path.join(this.dir, 'config.json'), 'utf8')) as DockerConfigFile;
    } catch {
      return undefined;
    }
  }

  /** Registries the docker CLI has logins for (hosts, without secrets). */
  async knownRegistries(): Promise<string[]> {
    const cfg = await this.readConfig();
    if (!cfg) return [];
    const keys = new Set<string>();
    for (const k of Object.keys(cfg.auths ?? {})) keys.add(hostOfConfigKey(k));
    for (const k of Object.keys(cfg.credHelpers ?? {})) keys.add(hostOfConfigKey(k));
    return [...keys].sort();
  }

  async get(registry: string): Promise<RegistryCredentials | undefined> {
    const cfg = await this.readConfig();
    if (!cfg) return undefined;
    const wanted = new Set(configKeysFor(registry).map(hostOfConfigKey));
    const helperKey = Object.keys(cfg.credHelpers ?? {}).find((k) => wanted.has(hostOfConfigKey(k)));
    const helper = helperKey !== undefined ? cfg.credHelpers![helperKey] : cfg.credsStore;
    if (helper) {
      const fromHelper = await this.fromHelper(helper, registry);
      if (fromHelper) return fromHelper;
    }
    for (const [key, entry] of Object.entries(cfg.auths ?? {})) {
      if (!wanted.has(hostOfConfigKey(key))) continue;
      if (entry.auth) {
        const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        if (colon > 0) return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1), source: 'docker-config' };
      }
      if (entry.username && entry.password) return { username: entry.username, password: entry.password, source: 'docker-config' };
    }
    return undefined;
  }

  private async fromHelper(helper: string, registry: string): Promise<RegistryCredentials | undefined> {
    if (!HELPER_NAME.test(helper)) {
      this.options.onWarning?.(`ignoring credential helper with an unusual name: ${JSON.stringify(helper)}`);
      return undefined;
    }
    // Helpers store Docker Hub under the legacy index URL, everything else under the host.
    for (const serverUrl of registry === DEFAULT_DOMAIN || registry === LEGACY_DEFAULT_DOMAIN ? ['https://index.docker.io/v1/'] : [registry, `https://${registry}`]) {
      let out: string;
      try {
        out = await this.runHelper(`docker-credential-${helper}`, serverUrl, this.options.helperTimeoutMs ?? 10_000);
      } catch (err) {
        // "credentials not found in native keychain" is the normal "no login" answer.
        const text = err instanceof Error ? err.message : String(err);
        if (!/not found/i.test(text)) this.options.onWarning?.(`docker-credential-${helper} failed: ${text.split('\n')[0]}`);
        continue;
      }
      try {
        const parsed = JSON.parse(out) as { Username?: string; Secret?: string };
        if (parsed.Secret) return { username: parsed.Username ?? '', password: parsed.Secret, source: 'credential-helper' };
      } catch {
        this.options.onWarning?.(`docker-credential-${helper} returned something that is not JSON`);
      }
    }
    return undefined;
  }
}
