// A small token-authenticated registry of the tests' own, on 127.0.0.1: it implements the
// distribution token flow (401 + `WWW-Authenticate: Bearer realm=…,service=…,scope=…`, a token
// endpoint that checks Basic credentials and grants exactly the requested scopes) in front of the
// real open registry on 127.0.0.1:5055, to which authorised requests are forwarded. Like newer
// registries it pages `tags/list` with `n` and a Link header (distribution 2.8 ignores `n` there),
// and it can refuse DELETE with 405 UNSUPPORTED the way a registry with deletion disabled does.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';

export interface TokenRegistryOptions {
  readonly upstream: string; // "127.0.0.1:5055"
  readonly username: string;
  readonly password: string;
  readonly refuseDelete?: boolean;
}

export interface TokenRegistry {
  readonly host: string; // "127.0.0.1:PORT"
  /** Every token request: the scopes asked for and whether the credentials were right. */
  readonly tokenRequests: Array<{ scopes: string[]; service: string | null; authorised: boolean }>;
  /** Registry requests that arrived without a (valid) token and got the challenge. */
  readonly challenges: string[];
  close(): Promise<void>;
}

const SERVICE = 'dfs-token-test';

function neededScope(method: string, path: string): string | undefined {
  if (path === '/v2/' || path === '/v2') return undefined;
  if (path.startsWith('/v2/_catalog')) return 'registry:catalog:*';
  const m = /^\/v2\/(.+?)\/(manifests|blobs|tags)\//.exec(path);
  if (!m) return undefined;
  const action = method === 'DELETE' ? 'delete' : method === 'GET' || method === 'HEAD' ? 'pull' : 'push';
  return `repository:${m[1]}:${action}`;
}

export async function startTokenRegistry(opts: TokenRegistryOptions): Promise<TokenRegistry> {
  const tokens = new Map<string, Set<string>>();
  const tokenRequests: TokenRegistry['tokenRequests'] = [];
  const challenges: string[] = [];
  let realm = '';

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/token') {
      const expected = 'Basic ' + Buffer.from(`${opts.username}:${opts.password}`).toString('base64');
      const scopes = url.searchParams.getAll('scope').flatMap((s) => s.split(' ')).filter(Boolean);
      const authorised = req.headers.authorization === expected;
      tokenRequests.push({ scopes, service: url.searchParams.get('service'), authorised });
      if (!authorised) {
        res.writeHead(401, { 'Content-Type': 'application/json' }).end('{"details":"incorrect username or password"}');
        return;
      }
      const token = randomBytes(16).toString('hex');
      tokens.set(token, new Set(scopes));
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ token, expires_in: 300, issued_at: new Date().toISOString() }));
      return;
    }
    const scope = neededScope(req.method ?? 'GET', url.pathname);
    const auth = req.headers.authorization ?? '';
    const granted = auth.startsWith('Bearer ') ? tokens.get(auth.slice(7)) : undefined;
    if (!granted || (scope !== undefined && !granted.has(scope))) {
      challenges.push(`${req.method} ${url.pathname}`);
      const challenge = `Bearer realm="${realm}",service="${SERVICE}"${scope ? `,scope="${scope}"` : ''}`;
      res.writeHead(401, { 'Content-Type': 'application/json', 'WWW-Authenticate': challenge, 'Docker-Distribution-Api-Version': 'registry/2.0' });
      res.end(JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] }));
      return;
    }
    if (req.method === 'DELETE' && opts.refuseDelete) {
      res.writeHead(405, { 'Content-Type': 'application/json' }).end(JSON.stringify({ errors: [{ code: 'UNSUPPORTED', message: 'The operation is unsupported.' }] }));
      return;
    }
    const tagsPage = /^\/v2\/(.+)\/tags\/list$/.exec(url.pathname);
    const n = Number(url.searchParams.get('n') ?? '0');
    const upstreamPath = tagsPage && n > 0 ? url.pathname : url.pathname + url.search;
    const up = http.request({ host: opts.upstream.split(':')[0], port: Number(opts.upstream.split(':')[1]), method: req.method, path: upstreamPath, headers: { ...(req.headers.accept ? { accept: req.headers.accept } : {}) } }, (upRes) => {
      if (tagsPage && n > 0 && upRes.statusCode === 200) {
        const chunks: Buffer[] = [];
        upRes.on('data', (c: Buffer) => chunks.push(c));
        upRes.on('end', () => {
          const body = JSON.parse(Buffer.concat(chunks).toString()) as { name: string; tags: string[] };
          const all = [...body.tags].sort();
          const last = url.searchParams.get('last');
          const start = last ? all.findIndex((t) => t > last) : 0;
          const slice = start < 0 ? [] : all.slice(start, start + n);
          const headers: Record<string, string> = { 'Content-Type': 'application/json' };
          if (start >= 0 && start + n < all.length) headers.Link = `</v2/${tagsPage[1]}/tags/list?last=${encodeURIComponent(slice[slice.length - 1]!)}&n=${n}>; rel="next"`;
          res.writeHead(200, headers).end(JSON.stringify({ name: body.name, tags: slice }));
        });
        return;
      }
      const headers: Record<string, string | string[]> = {};
      for (const [k, v] of Object.entries(upRes.headers)) if (v !== undefined && k !== 'transfer-encoding' && k !== 'connection') headers[k] = v;
      res.writeHead(upRes.statusCode ?? 502, headers);
      upRes.pipe(res);
    });
    up.on('error', (err) => res.writeHead(502).end(String(err)));
    req.pipe(up);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  realm = `http://127.0.0.1:${port}/token`;
  return {
    host: `127.0.0.1:${port}`,
    tokenRequests,
    challenges,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
