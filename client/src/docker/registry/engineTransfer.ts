import type Dockerode from 'dockerode';
import { JsonObjectSplitter } from '../buildStream';
import { msg } from '../message';
import type { RegistryCredentials } from './credentials';
import { canonicalString, familiarString, requireReference, withDefaultTag, type ImageReference } from './reference';
import { explainNetworkError, RegistryError, type RegistryProblem } from './registryErrors';
import { classifyTransferMessage, TransferTracker, type TransferEvent, type TransferSnapshot } from './transferProgress';

/**
 * Tag, push and pull through the Docker engine (the engine talks to the registry, exactly as
 * `docker push` does, so daemon.json's insecure-registries and certs.d apply). Progress arrives as
 * typed events; an `error` message in the stream rejects, even though the HTTP status was 200.
 */

export interface TransferOptions {
  readonly docker: Dockerode;
  /** Reference to push or pull ("localhost:5000/goapp:1.0"); checked before anything is sent. */
  readonly reference: string;
  readonly credentials?: RegistryCredentials;
  readonly signal?: AbortSignal;
  readonly onProgress?: (event: TransferEvent, snapshot: TransferSnapshot) => void;
}

export interface TransferResult {
  readonly reference: string;
  readonly digest?: string;
  readonly size?: number;
  readonly snapshot: TransferSnapshot;
}

/** `docker tag source target`; target is validated first so a bad name is explained, not sent. */
export async function tagImage(docker: Dockerode, source: string, target: string): Promise<ImageReference> {
  const ref = withDefaultTag(requireReference(target));
  if (ref.tag === undefined) throw new RegistryError(engineProblem('a tag is needed', msg('Add a tag to "{0}" (for example :1.0): images are tagged by name and tag, not by digest.', target)));
  const repo = familiarString({ domain: ref.domain, path: ref.path });
  try {
    await docker.getImage(source).tag({ repo, tag: ref.tag });
  } catch (err) {
    throw new RegistryError(explainEngineTransferError(errorText(err), ref));
  }
  return ref;
}

export async function pushImage(opts: TransferOptions): Promise<TransferResult> {
  const ref = withDefaultTag(requireReference(opts.reference));
  const name = familiarString({ domain: ref.domain, path: ref.path });
  const stream = await dial(ref, () =>
    opts.docker.getImage(name).push({ tag: ref.tag ?? ref.digest, authconfig: authConfig(ref, opts.credentials), ...(opts.signal ? { abortSignal: opts.signal } : {}) } as Dockerode.ImagePushOptions & { authconfig: Dockerode.AuthConfig; abortSignal?: AbortSignal }),
  );
  return follow(stream, ref, opts);
}

export async function pullImage(opts: TransferOptions): Promise<TransferResult> {
  const ref = withDefaultTag(requireReference(opts.reference));
  const fromImage = familiarString({ domain: ref.domain, path: ref.path });
  const stream = await dial(ref, () =>
    opts.docker.createImage(authConfig(ref, opts.credentials), { fromImage, tag: ref.digest ?? ref.tag, ...(opts.signal ? { abortSignal: opts.signal } : {}) }),
  );
  return follow(stream, ref, opts);
}

/** The engine wants X-Registry-Auth on push even when anonymous ("{}"), else it fails with EOF. */
function authConfig(ref: ImageReference, c: RegistryCredentials | undefined): Dockerode.AuthConfig {
  if (!c) return {} as Dockerode.AuthConfig;
  return { username: c.username, password: c.password, serveraddress: ref.domain === 'docker.io' ? 'https://index.docker.io/v1/' : ref.domain };
}

async function dial(ref: ImageReference, start: () => Promise<NodeJS.ReadableStream>): Promise<NodeJS.ReadableStream> {
  try {
    return await start();
  } catch (err) {
    throw new RegistryError(explainEngineTransferError(errorText(err), ref));
  }
}

function follow(stream: NodeJS.ReadableStream, ref: ImageReference, opts: TransferOptions): Promise<TransferResult> {
  const tracker = new TransferTracker();
  const splitter = new JsonObjectSplitter();
  return new Promise<TransferResult>((resolve, reject) => {
    let failed: RegistryError | undefined;
    const onAbort = () => {
      failed ??= new RegistryError(explainNetworkError(Object.assign(new Error('cancelled'), { name: 'AbortError' }), `https://${ref.domain}/`));
      (stream as unknown as { destroy?: () => void }).destroy?.();
      finish();
    };
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      opts.signal?.removeEventListener('abort', onAbort);
      const snapshot = tracker.snapshot();
      if (failed) reject(failed);
      else resolve({ reference: canonicalString(ref), ...(snapshot.digest ? { digest: snapshot.digest } : {}), ...(snapshot.size !== undefined ? { size: snapshot.size } : {}), snapshot });
    };
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    stream.on('data', (chunk: Buffer | string) => {
      for (const text of splitter.push(chunk.toString())) {
        let raw: unknown;
        try {
          raw = JSON.parse(text);
        } catch {
          continue;
        }
        for (const event of classifyTransferMessage(raw)) {
          tracker.apply(event);
          if (event.type === 'error' && !failed) failed = new RegistryError(explainEngineTransferError(event.message, ref));
          opts.onProgress?.(event, tracker.snapshot());
        }
      }
    });
    stream.on('end', finish);
    stream.on('close', finish);
    stream.on('error', (err: unknown) => {
      failed ??= new RegistryError(explainEngineTransferError(errorText(err), ref));
      finish();
    });
  });
}

function errorText(err: unknown): string {
  if (err && typeof err === 'object') {
    const json = (err as { json?: { message?: unknown } }).json;
    if (json && typeof json.message === 'string') return json.message;
  }
  return err instanceof Error ? err.message : String(err);
}

function engineProblem(detail: string, fix: ReturnType<typeof msg>, kind: RegistryProblem['kind'] = 'unknown'): RegistryProblem {
  return { kind, summary: msg('The Docker engine could not complete the transfer: {0}', detail), fix, detail };
}

/** The engine reports registry failures as text; these are the ones learners meet. */
export function explainEngineTransferError(text: string, ref: ImageReference): RegistryProblem {
  const where = ref.domain;
  const name = familiarString({ ...ref });
  const t = text.toLowerCase();
  const base = { detail: text };
  // An HTTP status as a word of its own: the message also holds the registry's address and
  // digests, and "dial tcp 127.0.0.1:40163: connection refused" is not a 401.
  const status = (code: number): boolean => new RegExp(`(?<![\\w.:/-])${code}(?![\\w.:/-])`).test(t);
  if (/server gave http response to https client|http: server gave http response/.test(t)) {
    return {
      kind: 'http-vs-https',
      summary: msg('The Docker engine tried HTTPS, but {0} speaks plain HTTP.', where),
      fix: msg('Add "{0}" to "insecure-registries" in /etc/docker/daemon.json (Docker Desktop: Settings → Docker Engine) and restart Docker. Loopback addresses (localhost, 127.0.0.1) are allowed without this.', where),
      ...base,
    };
  }
  if (/no basic auth credentials|authentication required|unauthorized|incorrect username or password/.test(t) || status(401)) {
    return {
      kind: 'unauthorized',
      summary: msg('{0} refused the push or pull: you are not signed in, or the user name or password is wrong.', where),
      fix: msg('Sign in to {0} in the Registries view (or run "docker login {0}") and try again.', where),
      ...base,
    };
  }
  if (/pull access denied/.test(t)) {
    return { kind: 'not-found', summary: msg('{0} has no image "{1}" that you may pull.', where, name), fix: msg('Check the repository name and tag; if the repository is private, sign in to {0} first.', where), ...base };
  }
  if (/denied|forbidden|insufficient_scope/.test(t) || status(403)) {
    return { kind: 'denied', summary: msg('{0} does not let this account write to or read "{1}".', where, name), fix: msg('Check that the repository belongs to your account or organisation, and that your token has the push/pull permission.'), ...base };
  }
  if (/no such image|does not exist locally|reference does not exist|an image does not exist/.test(t)) {
    return { kind: 'not-found', summary: msg('There is no local image "{0}" to push.', name), fix: msg('Build the image or tag an existing one with this name first ("Tag and push" does both).'), ...base };
  }
  if (/manifest unknown|not found|name unknown|repository does not exist|pull access denied/.test(t)) {
    return { kind: 'not-found', summary: msg('{0} has no image "{1}".', where, name), fix: msg('Check the repository name and tag in the Registries view; for private repositories sign in first (a missing login also looks like "not found").'), ...base };
  }
  if (/invalid reference format|name_invalid|invalid tag|tag_invalid|repository name must/.test(t)) {
    return { kind: 'name-invalid', summary: msg('The name "{0}" was rejected: {1}', name, text), fix: msg('Use a lowercase repository name and a tag of letters, digits, "_", "." and "-".'), ...base };
  }
  if (/connection refused|no route to host|dial tcp|i\/o timeout|no such host|timeout/.test(t)) {
    return {
      kind: /no such host/.test(t) ? 'host-not-found' : /timeout/.test(t) ? 'timeout' : 'unreachable',
      summary: msg('The Docker engine could not reach {0}.', where),
      fix: msg('Check that the registry runs and that the engine can reach it: for a registry on another machine, its port (usually 5000) must be open, and "localhost" means the engine\'s own machine.'),
      ...base,
    };
  }
  if (/x509|certificate/.test(t)) {
    return { kind: 'tls', summary: msg('The Docker engine does not trust the TLS certificate of {0}.', where), fix: msg('Put the registry CA in /etc/docker/certs.d/{0}/ca.crt, or add it to "insecure-registries" if it is a test registry on a trusted network.', where), ...base };
  }
  if (/cancel|abort/.test(t)) {
    return { kind: 'cancelled', summary: msg('The transfer of "{0}" was cancelled.', name), fix: msg('Run it again when you are ready.'), ...base };
  }
  return engineProblem(text, msg('See the log for the engine\'s full message.'));
}
