import * as vscode from 'vscode';
import { chainCredentials, DockerConfigCredentials, type CredentialsProvider, type RegistryCredentials } from '../docker/registry/credentials';
import { RegistryClient } from '../docker/registry/registryClient';
import { log } from '../log';
import type { LoginInfo, RegistryEntry } from './registriesModel';

/**
 * Where the Registries view keeps its state: the registries the user added (globalState: hosts
 * and flags only), their logins (SecretStorage only, never settings or logs), the docker CLI's
 * own logins (~/.docker/config.json, read when asked), and one RegistryClient per registry so
 * tokens are reused while browsing.
 */

const LIST_KEY = 'dockerfileStudio.registries';
const SECRET_PREFIX = 'dockerfileStudio.registry/';

interface StoredEntry {
  host: string;
  insecure: boolean;
  protocol: 'auto' | 'https' | 'http';
}

export class RegistriesStore implements vscode.Disposable {
  private readonly clients = new Map<string, RegistryClient>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  readonly dockerCli: DockerConfigCredentials;
  private readonly secretsProvider: CredentialsProvider;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly context: vscode.ExtensionContext) {
    this.dockerCli = new DockerConfigCredentials({ onWarning: (w) => log().warn(`docker credentials: ${w}`) });
    this.secretsProvider = { get: (host) => this.secretFor(host) };
    // Another window signing in or out changes the same secret: drop cached clients and redraw.
    this.subscription = context.secrets.onDidChange((e) => {
      if (e.key.startsWith(SECRET_PREFIX)) this.forget(e.key.slice(SECRET_PREFIX.length));
    });
  }

  private userEntries(): StoredEntry[] {
    return this.context.globalState.get<StoredEntry[]>(LIST_KEY, []);
  }

  /** User registries plus the ones the docker CLI has logins for. */
  async entries(): Promise<RegistryEntry[]> {
    const user = this.userEntries().map((e): RegistryEntry => ({ ...e, origin: 'user' }));
    let cli: string[] = [];
    try {
      cli = await this.dockerCli.knownRegistries();
    } catch (err) {
      log().warn(`reading docker CLI logins failed: ${String(err)}`);
    }
    return [...user, ...cli.map((host): RegistryEntry => ({ host, insecure: false, protocol: 'auto', origin: 'docker-cli' }))];
  }

  async entry(host: string): Promise<RegistryEntry | undefined> {
    return (await this.entries()).find((e) => e.host === host);
  }

  async add(entry: StoredEntry): Promise<void> {
    const list = this.userEntries().filter((e) => e.host !== entry.host);
    list.push(entry);
    await this.context.globalState.update(LIST_KEY, list);
    this.forget(entry.host);
  }

  async remove(host: string): Promise<void> {
    await this.context.globalState.update(
      LIST_KEY,
      this.userEntries().filter((e) => e.host !== host),
    );
    await this.context.secrets.delete(SECRET_PREFIX + host);
    this.forget(host);
  }

  async signIn(host: string, username: string, password: string): Promise<void> {
    await this.context.secrets.store(SECRET_PREFIX + host, JSON.stringify({ username, password }));
    this.forget(host);
  }

  async signOut(host: string): Promise<void> {
    await this.context.secrets.delete(SECRET_PREFIX + host);
    this.forget(host);
  }

  private async secretFor(host: string): Promise<RegistryCredentials | undefined> {
    const raw = await this.context.secrets.get(SECRET_PREFIX + host);
    if (!raw) return undefined;
    try {
      const { username, password } = JSON.parse(raw) as { username?: string; password?: string };
      return username !== undefined && password !== undefined ? { username, password, source: 'secret-storage' } : undefined;
    } catch {
      return undefined;
    }
  }

  /** SecretStorage first, then the docker CLI's logins. */
  credentials(): CredentialsProvider {
    return chainCredentials(this.secretsProvider, this.dockerCli);
  }

  async login(host: string): Promise<LoginInfo> {
    const c = await this.credentials().get(host);
    return c ? { username: c.username, source: c.source } : {};
  }

  async client(host: string): Promise<RegistryClient> {
    let c = this.clients.get(host);
    if (!c) {
      const e = await this.entry(host);
      c = new RegistryClient({
        registry: host,
        protocol: e?.protocol ?? 'auto',
        insecure: e?.insecure ?? false,
        credentials: this.credentials(),
        // Method, URL and status only: RegistryClient never hands headers or bodies to the log.
        log: (line) => log().trace(`registry ${line}`),
      });
      this.clients.set(host, c);
    }
    return c;
  }

  /** Forget the client (new login, new flags) so the next request starts fresh. */
  forget(host: string): void {
    this.clients.delete(host);
    this.changed.fire();
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
