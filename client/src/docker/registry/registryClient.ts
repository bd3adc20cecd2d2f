import { createHash } from 'node:crypto';
import { msg } from '../message';
import { noCredentials, type CredentialsProvider, type RegistryCredentials } from './credentials';
import { nextPageUrl } from './linkHeader';
import { MANIFEST_ACCEPT, summarizeConfig, summarizeManifest, type IndexEntry, type ManifestSummary, type Platform } from './manifests';
import { registryApiHost } from './reference';
import { explainHttpFailure, explainNetworkError, RegistryError, type Subject } from './registryErrors';
import { nodeHttpTransport, type HttpRequest, type HttpResponse, type HttpTransport } from './httpTransport';
import { parseWwwAuthenticate, type AuthChallenge } from './wwwAuthenticate';

/**
 * A Registry HTTP API V2 client (the API the seed notes call with curl: /v2/_catalog,
 * /v2/<name>/tags/list), plus manifests, config blobs and deletion. It finds the scheme the way
 * docker does (HTTPS, with plain HTTP only for loopback or registries marked insecure), answers
 * Basic and Bearer-token challenges with credentials from a CredentialsProvider, and turns every
 * failure into a RegistryError that explains itself. Secrets are never passed to `log`.
 */

export type RegistryProtocol = 'auto' | 'https' | 'http';

export interface RegistryClientOptions {
  /** The registry as written in image references: "docker.io", "localhost:5000", "ghcr.io". */
  readonly registry: string;
  readonly protocol?: RegistryProtocol;
  /** Allow plain HTTP and unverified TLS certificates (docker's "insecure-registries"). */
  readonly insecure?: boolean;
  readonly credentials?: CredentialsProvider;
  readonly transport?: HttpTransport;
  /** Per-request deadline (default 15 s). */
  readonly timeoutMs?: number;
  /** Receives one line per request: method, URL, status. Never headers or bodies. */
  readonly log?: (line: string) => void;
}

export interface PingResult {
  readonly baseUrl: string;
  /** How the registry wants clients to authenticate (from its 401 challenge to /v2/). */
  readonly auth: 'none' | 'basic' | 'bearer' | 'other';
  /** True when the ping itself succeeded with our credentials (or none were needed). */
  readonly authenticated: boolean;
}

export interface Page<T> {
  readonly items: readonly T[];
  /** URL of the next page, when the registry said there is one (Link: <…>; rel="next"). */
  readonly next?: string;
}

export interface PageOptions {
  readonly pageSize?: number;
  readonly signal?: AbortSignal;
}

export interface ListOptions extends PageOptions {
  /** Safety stop against a registry whose Link header loops (default 10 000 pages). */
  readonly maxPages?: number;
}

export interface ManifestResult {
  readonly digest: string;
  readonly mediaType: string;
  readonly summary: ManifestSummary;
  readonly size: number;
}

export interface PlatformDetails {
  readonly platform?: Platform;
  readonly digest: string;
  readonly size?: number;
  readonly created?: string;
}

export interface TagDetails {
  readonly repository: string;
  readonly tag: string;
  readonly digest: string;
  readonly mediaType: string;
  readonly kind: ManifestSummary['kind'];
  /** Config + compressed layers (image); for an index, the sum over its platform images. */
  readonly size?: number;
  readonly created?: string;
  readonly platform?: Platform;
  /** For an index: one entry per platform (attestations left out). */
  readonly platforms?: readonly PlatformDetails[];
  readonly layerCount?: number;
}

interface RequestOptions {
  readonly method?: HttpRequest['method'];
  readonly accept?: string;
  /** Token scope for this request, e.g. "repository:goapp:pull" (the challenge's scope wins). */
  readonly scope: string;
  /** What we were looking for, for not-found messages. */
  readonly subject?: Subject;
  readonly signal?: AbortSignal;
  readonly okStatuses?: readonly number[];
}

interface CachedToken {
  readonly token: string;
  readonly expiresAt: number;
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])(:\d+)?$/;

export function isLoopbackRegistry(registry: string): boolean {
  return LOOPBACK.test(registry);
}

export class RegistryClient {
  readonly registry: string;
  private readonly apiHost: string;
  private readonly transport: HttpTransport;
  private readonly credentialsProvider: CredentialsProvider;
  private baseUrl?: Promise<string>;
  private credentials?: Promise<RegistryCredentials | undefined>;
  private basicAuth = false;
  private readonly tokens = new Map<string, CachedToken>();

  constructor(private readonly options: RegistryClientOptions) {
    this.registry = options.registry;
    this.apiHost = registryApiHost(options.registry);
    this.transport = options.transport ?? nodeHttpTransport;
    this.credentialsProvider = options.credentials ?? noCredentials;
  }

  /** Checks that a V2 registry answers and how it authenticates. */
  async ping(signal?: AbortSignal): Promise<PingResult> {
    const baseUrl = await this.resolveBaseUrl(signal);
    const first = await this.send({ method: 'GET', url: `${baseUrl}/v2/`, ...(signal ? { signal } : {}) });
    const challenges = parseWwwAuthenticate(first.headers['www-authenticate']);
    const auth = first.status !== 401 ? 'none' : challenges.some((c) => c.scheme === 'bearer') ? 'bearer' : challenges.some((c) => c.scheme === 'basic') ? 'basic' : 'other';
    if (auth === 'none') return { baseUrl, auth, authenticated: true };
    // Prove the credentials now, so "wrong password" shows up when the registry is added.
    await this.request('/v2/', { scope: '', ...(signal ? { signal } : {}) });
    return { baseUrl, auth, authenticated: true };
  }

  // ---- catalog and tags --------------------------------------------------------------------

  repositoriesPage(opts: PageOptions & { readonly next?: string } = {}): Promise<Page<string>> {
    const first = `/v2/_catalog${opts.pageSize ? `?n=${opts.pageSize}` : ''}`;
    return this.page(opts.next ?? first, 'repositories', { scope: 'registry:catalog:*', subject: { kind: 'catalog' }, ...(opts.signal ? { signal: opts.signal } : {}) });
  }

  async listRepositories(opts: ListOptions = {}): Promise<string[]> {
    return this.all((next) => this.repositoriesPage({ ...opts, ...(next ? { next } : {}) }), opts.maxPages);
  }

  tagsPage(repository: string, opts: PageOptions & { readonly next?: string } = {}): Promise<Page<string>> {
    const first = `/v2/${repository}/tags/list${opts.pageSize ? `?n=${opts.pageSize}` : ''}`;
    return this.page(opts.next ?? first, 'tags', { scope: `repository:${repository}:pull`, subject: { kind: 'repository', name: repository }, ...(opts.signal ? { signal: opts.signal } : {}) });
  }

  async listTags(repository: string, opts: ListOptions = {}): Promise<string[]> {
    return this.all((next) => this.tagsPage(repository, { ...opts, ...(next ? { next } : {}) }), opts.maxPages);
  }

  private async page(pathOrUrl: string, field: 'repositories' | 'tags', ro: RequestOptions): Promise<Page<string>> {
    const res = await this.request(pathOrUrl, ro);
    let items: string[] = [];
    try {
      const parsed = JSON.parse(res.body.toString('utf8')) as Record<string, unknown>;
      const list = parsed[field];
      items = Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
    } catch {
      throw this.protocolError(res.url, `the ${field} list is not JSON`);
    }
    const next = nextPageUrl(res.headers.link, res.url);
    return { items, ...(next ? { next } : {}) };
  }

  private async all(fetchPage: (next?: string) => Promise<Page<string>>, maxPages = 10_000): Promise<string[]> {
    const out: string[] = [];
    const seen = new Set<string>();
    let next: string | undefined;
    for (let i = 0; i < maxPages; i++) {
      const p = await fetchPage(next);
      out.push(...p.items);
      if (!p.next || seen.has(p.next) || p.items.length === 0) break;
      seen.add(p.next);
      next = p.next;
    }
    return out;
  }

  // ---- manifests ---------------------------------------------------------------------------

  /** GET a manifest by tag or digest, asking for every modern kind (Docker v2, OCI, lists, indexes). */
  async manifest(repository: string, reference: string, signal?: AbortSignal): Promise<ManifestResult> {
    const res = await this.request(`/v2/${repository}/manifests/${reference}`, {
      accept: MANIFEST_ACCEPT,
      scope: `repository:${repository}:pull`,
      subject: { kind: 'manifest', name: `${repository}:${reference}` },
      ...(signal ? { signal } : {}),
    });
    const body = res.body.toString('utf8');
    let summary: ManifestSummary;
    try {
      summary = summarizeManifest(body, res.headers['content-type']);
    } catch (err) {
      throw this.protocolError(res.url, `the manifest could not be read (${err instanceof Error ? err.message : String(err)})`);
    }
    return { digest: res.headers['docker-content-digest'] ?? sha256(res.body), mediaType: summary.mediaType, summary, size: res.body.length };
  }

  /** HEAD a manifest: its digest without downloading it (what deletion needs). */
  async manifestDigest(repository: string, reference: string, signal?: AbortSignal): Promise<string> {
    const res = await this.request(`/v2/${repository}/manifests/${reference}`, {
      method: 'HEAD',
      accept: MANIFEST_ACCEPT,
      scope: `repository:${repository}:pull`,
      subject: { kind: 'manifest', name: `${repository}:${reference}` },
      ...(signal ? { signal } : {}),
    });
    const digest = res.headers['docker-content-digest'];
    if (digest) return digest;
    return (await this.manifest(repository, reference, signal)).digest;
  }

  /** The image config blob (created time, platform). */
  async config(repository: string, digest: string, signal?: AbortSignal): Promise<ReturnType<typeof summarizeConfig>> {
    const res = await this.request(`/v2/${repository}/blobs/${digest}`, { scope: `repository:${repository}:pull`, subject: { kind: 'blob', name: digest }, ...(signal ? { signal } : {}) });
    try {
      return summarizeConfig(res.body.toString('utf8'));
    } catch {
      throw this.protocolError(res.url, 'the image config is not JSON');
    }
  }

  /** Digest, size, created time and (for an index) platforms of one tag. */
  async tagDetails(repository: string, tag: string, opts: { readonly signal?: AbortSignal; readonly maxPlatforms?: number } = {}): Promise<TagDetails> {
    const { signal } = opts;
    const m = await this.manifest(repository, tag, signal);
    const base = { repository, tag, digest: m.digest, mediaType: m.mediaType, kind: m.summary.kind };
    if (m.summary.kind === 'legacy') return base;
    if (m.summary.kind === 'image') {
      const cfg = await this.config(repository, m.summary.config.digest, signal);
      const platform = cfg.os && cfg.architecture ? { os: cfg.os, architecture: cfg.architecture, ...(cfg.variant ? { variant: cfg.variant } : {}) } : undefined;
      return { ...base, size: m.summary.totalSize, layerCount: m.summary.layers.length, ...(cfg.created ? { created: cfg.created } : {}), ...(platform ? { platform } : {}) };
    }
    const entries = m.summary.manifests.filter((e) => !e.attestation).slice(0, opts.maxPlatforms ?? 16);
    const platforms: PlatformDetails[] = [];
    for (const e of entries) platforms.push(await this.platformDetails(repository, e, signal));
    const sizes = platforms.map((p) => p.size).filter((s): s is number => s !== undefined);
    const created = platforms.map((p) => p.created).filter((c): c is string => !!c).sort().pop();
    return { ...base, platforms, ...(sizes.length ? { size: sizes.reduce((a, b) => a + b, 0) } : {}), ...(created ? { created } : {}) };
  }

  private async platformDetails(repository: string, entry: IndexEntry, signal?: AbortSignal): Promise<PlatformDetails> {
    const base = { digest: entry.digest, ...(entry.platform ? { platform: entry.platform } : {}) };
    try {
      const child = await this.manifest(repository, entry.digest, signal);
      if (child.summary.kind !== 'image') return base;
      const cfg = await this.config(repository, child.summary.config.digest, signal);
      return { ...base, size: child.summary.totalSize, ...(cfg.created ? { created: cfg.created } : {}) };
    } catch (err) {
      // A registry may hold an index whose platform images were not all pushed: show what we have.
      if (err instanceof RegistryError && err.kind === 'not-found') return base;
      throw err;
    }
  }

  /**
   * Deletes a tag the only way the Registry API allows: find the manifest digest the tag points
   * at, then DELETE that digest. Every tag pointing at the same digest goes with it; the space is
   * only freed when the registry's garbage collector runs.
   */
  async deleteTag(repository: string, tag: string, signal?: AbortSignal): Promise<{ readonly digest: string }> {
    const digest = await this.manifestDigest(repository, tag, signal);
    await this.request(`/v2/${repository}/manifests/${digest}`, {
      method: 'DELETE',
      scope: `repository:${repository}:delete`,
      subject: { kind: 'manifest', name: `${repository}@${digest}` },
      okStatuses: [200, 202, 204],
      ...(signal ? { signal } : {}),
    });
    return { digest };
  }

  // ---- plumbing ----------------------------------------------------------------------------

  private log(line: string): void {
    this.options.log?.(line);
  }

  private protocolError(url: string, what: string): RegistryError {
    return new RegistryError({
      kind: 'unknown',
      summary: msg('{0} gave an answer Dockerfile Studio cannot read: {1}.', safeHost(url), what),
      fix: msg('Check that the address points at a Docker registry (Registry HTTP API V2).'),
      detail: what,
    });
  }

  private async send(req: HttpRequest): Promise<HttpResponse> {
    try {
      const res = await this.transport({ timeoutMs: this.options.timeoutMs ?? 15_000, insecureTls: this.options.insecure === true, ...req });
      this.log(`${req.method} ${req.url} → ${res.status}`);
      return res;
    } catch (err) {
      this.log(`${req.method} ${req.url} → ${err instanceof Error ? err.message : String(err)}`);
      throw new RegistryError(explainNetworkError(err, req.url));
    }
  }

  /**
   * Picks http or https once per client. Loopback registries are tried over plain HTTP first
   * (docker treats 127.0.0.0/8 and localhost as insecure too), registries marked insecure try
   * HTTPS then HTTP, everything else is HTTPS only, and a plain-HTTP answer to HTTPS becomes the
   * "HTTP vs HTTPS" explanation rather than a silent downgrade.
   */
  private resolveBaseUrl(signal?: AbortSignal): Promise<string> {
    if (!this.baseUrl) {
      this.baseUrl = this.findBaseUrl(signal);
      this.baseUrl.catch(() => (this.baseUrl = undefined));
    }
    return this.baseUrl;
  }

  private async findBaseUrl(signal?: AbortSignal): Promise<string> {
    const protocol = this.options.protocol ?? 'auto';
    const schemes: Array<'http' | 'https'> =
      protocol !== 'auto' ? [protocol] : isLoopbackRegistry(this.apiHost) ? ['http', 'https'] : this.options.insecure ? ['https', 'http'] : ['https'];
    let lastError: RegistryError | undefined;
    for (const scheme of schemes) {
      const url = `${scheme}://${this.apiHost}/v2/`;
      let res: HttpResponse;
      try {
        res = await this.send({ method: 'GET', url, ...(signal ? { signal } : {}) });
      } catch (err) {
        if (err instanceof RegistryError && (err.kind === 'http-vs-https' || err.kind === 'tls')) {
          lastError = err;
          continue;
        }
        throw err;
      }
      if (res.status === 200 || res.status === 401) return `${scheme}://${this.apiHost}`;
      const problem = explainHttpFailure({ url, status: res.status, body: res.body, sentCredentials: false });
      lastError = new RegistryError(problem);
      if (problem.kind !== 'http-vs-https') throw lastError;
    }
    throw lastError ?? new RegistryError(explainNetworkError(new Error('no scheme to try'), `https://${this.apiHost}/`));
  }

  private loadCredentials(): Promise<RegistryCredentials | undefined> {
    this.credentials ??= this.credentialsProvider.get(this.registry);
    return this.credentials;
  }

  private authorizationFor(scope: string, creds: RegistryCredentials | undefined): string | undefined {
    const cached = this.tokens.get(scope);
    if (cached && cached.expiresAt > Date.now()) return `Bearer ${cached.token}`;
    if (this.basicAuth && creds) return basicHeader(creds);
    return undefined;
  }

  private async request(pathOrUrl: string, ro: RequestOptions): Promise<HttpResponse> {
    const base = await this.resolveBaseUrl(ro.signal);
    const url = /^https?:\/\//.test(pathOrUrl) ? pathOrUrl : `${base}${pathOrUrl}`;
    const method = ro.method ?? 'GET';
    const creds = await this.loadCredentials();
    const headers: Record<string, string> = {};
    if (ro.accept) headers.Accept = ro.accept;
    const send = (authorization: string | undefined) =>
      this.send({ method, url, headers: authorization ? { ...headers, Authorization: authorization } : headers, ...(ro.signal ? { signal: ro.signal } : {}) });

    let authorization = this.authorizationFor(ro.scope, creds);
    let res = await send(authorization);
    let sentCredentials = authorization !== undefined && creds !== undefined;
    if (res.status === 401) {
      const challenges = parseWwwAuthenticate(res.headers['www-authenticate']);
      const next = await this.answerChallenge(challenges, ro, creds);
      if (next !== undefined) {
        authorization = next;
        sentCredentials = creds !== undefined;
        res = await send(authorization);
      }
    }
    const ok = ro.okStatuses ?? [200];
    if (!ok.includes(res.status)) {
      throw new RegistryError(explainHttpFailure({ url, status: res.status, body: res.body, sentCredentials, ...(ro.subject ? { subject: ro.subject } : {}) }));
    }
    return res;
  }

  /** Returns the Authorization value to retry with, or undefined when there is nothing to try. */
  private async answerChallenge(challenges: AuthChallenge[], ro: RequestOptions, creds: RegistryCredentials | undefined): Promise<string | undefined> {
    const bearer = challenges.find((c) => c.scheme === 'bearer');
    if (bearer && bearer.params.realm) {
      const token = await this.fetchToken(bearer, ro, creds);
      this.tokens.set(ro.scope, token);
      return `Bearer ${token.token}`;
    }
    if (challenges.some((c) => c.scheme === 'basic') && creds) {
      this.basicAuth = true;
      return basicHeader(creds);
    }
    return undefined;
  }

  /** The token flow of the distribution auth spec: GET realm?service=...&scope=... (Basic auth when we have a login). */
  private async fetchToken(challenge: AuthChallenge, ro: RequestOptions, creds: RegistryCredentials | undefined): Promise<CachedToken> {
    const realm = new URL(challenge.params.realm!);
    const scopes = (challenge.params.scope ?? ro.scope).split(' ').filter(Boolean);
    const service = challenge.params.service;
    let res: HttpResponse;
    const started = Date.now();
    if (creds && creds.username === '<token>') {
      // docker login stored an identity (refresh) token: exchange it with the OAuth2 form POST.
      const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: creds.password, client_id: 'dockerfile-studio' });
      if (service) form.set('service', service);
      if (scopes.length) form.set('scope', scopes.join(' '));
      res = await this.send({ method: 'POST', url: realm.toString(), headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: form.toString(), ...(ro.signal ? { signal: ro.signal } : {}) });
    } else {
      if (service) realm.searchParams.set('service', service);
      for (const s of scopes) realm.searchParams.append('scope', s);
      realm.searchParams.set('client_id', 'dockerfile-studio');
      res = await this.send({ method: 'GET', url: realm.toString(), headers: creds ? { Authorization: basicHeader(creds) } : {}, ...(ro.signal ? { signal: ro.signal } : {}) });
    }
    if (res.status !== 200) {
      throw new RegistryError(explainHttpFailure({ url: realm.toString(), status: res.status, body: res.body, sentCredentials: creds !== undefined, subject: { kind: 'token-service' } }));
    }
    let parsed: { token?: unknown; access_token?: unknown; expires_in?: unknown };
    try {
      parsed = JSON.parse(res.body.toString('utf8')) as typeof parsed;
    } catch {
      throw this.protocolError(realm.toString(), 'the token service answer is not JSON');
    }
    const token = typeof parsed.token === 'string' && parsed.token ? parsed.token : typeof parsed.access_token === 'string' ? parsed.access_token : '';
    if (!token) throw this.protocolError(realm.toString(), 'the token service answer has no token');
    // Spec: expires_in defaults to 60 s. Renew a little early so a request never carries a stale token.
    const expiresIn = typeof parsed.expires_in === 'number' && parsed.expires_in > 0 ? parsed.expires_in : 60;
    return { token, expiresAt: started + Math.max(0, expiresIn - 10) * 1000 };
  }
}

function basicHeader(c: RegistryCredentials): string {
  return `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}`;
}

function sha256(body: Buffer): string {
  return `sha256:${createHash('sha256').update(body).digest('hex')}`;
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
