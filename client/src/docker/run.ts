import type { Duplex } from 'node:stream';
import type Dockerode from 'dockerode';
import { httpErrorMessage } from './build';
import { msg, type LocalizableMessage } from './message';
import { bindProbe, formatPortSpec, type PortMapping, type PortProber, type PortProtocol } from './ports';

/**
 * `docker run -d` through the API: create, then start; when start fails (typically a host port
 * taken between our probe and the start) the created container is removed so nothing is left
 * behind, and the reason is explained.
 */

export interface RunContainerOptions {
  readonly image: string;
  readonly name?: string;
  readonly ports?: readonly PortMapping[];
  /** `-P`: publish every exposed port on a random host port (bound to `publishAllHostIp` when set). */
  readonly publishAll?: boolean;
  /** With publishAll: bind the random host ports on this address only (e.g. 127.0.0.1) instead of all interfaces. */
  readonly publishAllHostIp?: string;
  readonly env?: Readonly<Record<string, string>>;
  /** `--rm` */
  readonly autoRemove?: boolean;
  /** `-it`: a TTY with stdin kept open; the result carries the attached stream. */
  readonly interactive?: boolean;
  readonly cmd?: readonly string[];
  readonly labels?: Readonly<Record<string, string>>;
  /** Checks host ports just before creating (default: a real bind probe). */
  readonly prober?: PortProber;
  readonly signal?: AbortSignal;
}

export interface PublishedPort {
  readonly containerPort: number;
  readonly protocol: PortProtocol;
  readonly hostIp: string;
  readonly hostPort: number;
  /** http://… for TCP ports, with 127.0.0.1 or localhost as the address to open. */
  readonly url?: string;
}

export interface RunResult {
  readonly id: string;
  readonly name: string;
  readonly ports: readonly PublishedPort[];
  /** For interactive runs: the container's TTY (write = keyboard, read = screen), attached before start. */
  readonly tty?: Duplex;
}

export type RunFailureKind = 'port-taken' | 'image-missing' | 'name-taken' | 'engine';

export class RunFailedError extends Error {
  constructor(
    readonly kind: RunFailureKind,
    readonly explanation: LocalizableMessage,
    readonly engineMessage: string,
    /** For port-taken: the host port and a free one to propose instead. */
    readonly port?: { hostPort: number; suggestion?: number },
  ) {
    super(engineMessage);
    this.name = 'RunFailedError';
  }
}

function portKey(p: { containerPort: number; protocol: PortProtocol }): string {
  return `${p.containerPort}/${p.protocol}`;
}

export function createOptionsFor(opts: RunContainerOptions): Dockerode.ContainerCreateOptions {
  const exposedPorts: Record<string, object> = {};
  const portBindings: Record<string, Array<{ HostIp: string; HostPort: string }>> = {};
  for (const p of opts.ports ?? []) {
    const key = portKey(p);
    exposedPorts[key] = {};
    (portBindings[key] ??= []).push({ HostIp: p.hostIp ?? '', HostPort: p.hostPort === undefined ? '' : String(p.hostPort) });
  }
  return {
    Image: opts.image,
    name: opts.name || undefined,
    Env: Object.entries(opts.env ?? {}).map(([k, v]) => `${k}=${v}`),
    Cmd: opts.cmd ? [...opts.cmd] : undefined,
    Labels: opts.labels ? { ...opts.labels } : undefined,
    Tty: !!opts.interactive,
    OpenStdin: !!opts.interactive,
    AttachStdin: !!opts.interactive,
    AttachStdout: !!opts.interactive,
    AttachStderr: !!opts.interactive,
    ExposedPorts: exposedPorts,
    HostConfig: {
      PortBindings: portBindings,
      PublishAllPorts: !!opts.publishAll,
      AutoRemove: !!opts.autoRemove,
    },
  };
}

/** Turns what the engine says about a failed create/start into a reason the user can act on. */
export function explainRunError(message: string, ports: readonly PortMapping[] = []): { kind: RunFailureKind; explanation: LocalizableMessage; hostPort?: number } {
  const bind = /(?:Bind for |listen tcp4? |bind: )?(?:\[?[0-9a-f.:]*\]?):(\d+)(?: failed: port is already allocated|: bind: address already in use)/i.exec(message);
  if (bind || /port is already allocated|address already in use/i.test(message)) {
    const hostPort = bind ? Number(bind[1]) : ports.find((p) => p.hostPort !== undefined)?.hostPort;
    return {
      kind: 'port-taken',
      hostPort,
      explanation: msg('Host port {0} is already in use by another program or container, so the container could not start. Choose another host port (the container port can stay the same).', hostPort ?? '?'),
    };
  }
  if (/No such image|pull access denied|not found: manifest unknown/i.test(message)) {
    return { kind: 'image-missing', explanation: msg('The image does not exist on this engine: build it first, or check its name and tag.') };
  }
  if (/Conflict\. The container name .* is already in use/i.test(message)) {
    return { kind: 'name-taken', explanation: msg('A container with this name already exists: remove it or choose another name.') };
  }
  return { kind: 'engine', explanation: msg('The container could not be started: {0}', message) };
}

export async function runContainer(docker: Dockerode, options: RunContainerOptions): Promise<RunResult> {
  const opts = await withPublishAllOnAddress(docker, options);
  const prober = opts.prober ?? bindProbe;
  // Probe first: a clear message before anything is created beats a half-created container.
  for (const p of opts.ports ?? []) {
    if (p.hostPort === undefined) continue;
    if (!(await prober(p.hostPort, p.hostIp ?? '', p.protocol))) {
      throw await portTakenError(`${p.hostIp ?? '0.0.0.0'}:${p.hostPort}: address already in use (${formatPortSpec(p)})`, p, prober);
    }
  }
  let container: Dockerode.Container;
  try {
    container = await docker.createContainer({ ...createOptionsFor(opts), abortSignal: opts.signal } as Dockerode.ContainerCreateOptions);
  } catch (err) {
    const message = httpErrorMessage(err);
    const e = explainRunError(message, opts.ports);
    throw new RunFailedError(e.kind, e.explanation, message);
  }
  let tty: Duplex | undefined;
  try {
    // Attach before start so nothing the program prints first is lost (docker run -it does the same).
    if (opts.interactive) tty = (await container.attach({ stream: true, stdin: true, stdout: true, stderr: true, hijack: true })) as unknown as Duplex;
    await container.start();
  } catch (err) {
    tty?.destroy();
    const message = httpErrorMessage(err);
    // Never leave the created-but-not-started container behind.
    await container.remove({ force: true }).catch(() => undefined);
    const e = explainRunError(message, opts.ports);
    if (e.kind === 'port-taken') {
      const p = opts.ports?.find((x) => x.hostPort === e.hostPort) ?? opts.ports?.find((x) => x.hostPort !== undefined);
      if (p) throw await portTakenError(message, { ...p, hostPort: e.hostPort ?? p.hostPort }, prober);
    }
    throw new RunFailedError(e.kind, e.explanation, message);
  }
  const result = await describeRunning(docker, container.id);
  return tty ? { ...result, tty } : result;
}

/** Tells the container's TTY the terminal's size (rows × columns), like the CLI does on resize. */
export async function resizeTty(docker: Dockerode, id: string, rows: number, columns: number): Promise<void> {
  await docker.getContainer(id).resize({ h: rows, w: columns });
}

/**
 * The engine's -P always binds all interfaces; to keep -P on one address we publish every exposed
 * port ourselves with an empty host port, which makes the engine pick a free one there too.
 */
async function withPublishAllOnAddress(docker: Dockerode, opts: RunContainerOptions): Promise<RunContainerOptions> {
  if (!opts.publishAll || !opts.publishAllHostIp) return opts;
  const ports = [...(opts.ports ?? [])];
  for (const key of await imageExposedPorts(docker, opts.image)) {
    const [port, proto] = key.split('/');
    const protocol = (proto ?? 'tcp') as PortProtocol;
    const containerPort = Number(port);
    if (!ports.some((p) => p.containerPort === containerPort && p.protocol === protocol)) ports.push({ containerPort, protocol, hostIp: opts.publishAllHostIp });
  }
  return { ...opts, ports, publishAll: false };
}

async function portTakenError(message: string, p: PortMapping, prober: PortProber): Promise<RunFailedError> {
  const hostPort = p.hostPort ?? 0;
  let suggestion: number | undefined;
  for (let port = hostPort + 1; port <= Math.min(65535, hostPort + 50); port++) {
    if (await prober(port, p.hostIp ?? '', p.protocol)) {
      suggestion = port;
      break;
    }
  }
  const explanation = suggestion
    ? msg('Host port {0} is already in use by another program or container, so the container could not start. Port {1} is free: use it instead.', hostPort, suggestion)
    : msg('Host port {0} is already in use by another program or container, so the container could not start. Choose another host port (the container port can stay the same).', hostPort);
  return new RunFailedError('port-taken', explanation, message, { hostPort, suggestion });
}

/** Reads back the published ports (the engine picks them for -P or an empty host port). */
export async function describeRunning(docker: Dockerode, id: string): Promise<RunResult> {
  const info = await docker.getContainer(id).inspect();
  const ports: PublishedPort[] = [];
  const bindings = (info.NetworkSettings?.Ports ?? {}) as Record<string, Array<{ HostIp: string; HostPort: string }> | null>;
  for (const [key, list] of Object.entries(bindings)) {
    const [port, proto] = key.split('/');
    for (const b of list ?? []) {
      if (b.HostIp.includes(':')) continue; // the IPv6 twin of an IPv4 binding: one URL is enough
      const hostPort = Number(b.HostPort);
      const protocol = (proto ?? 'tcp') as PortProtocol;
      const address = !b.HostIp || b.HostIp === '0.0.0.0' ? 'localhost' : b.HostIp;
      ports.push({ containerPort: Number(port), protocol, hostIp: b.HostIp, hostPort, url: protocol === 'tcp' ? `http://${address}:${hostPort}` : undefined });
    }
  }
  ports.sort((a, b) => a.containerPort - b.containerPort);
  return { id, name: info.Name.replace(/^\//, ''), ports };
}

/** Exposed ports of an image ("80/tcp"…), for prefilling the run choices. */
export async function imageExposedPorts(docker: Dockerode, image: string): Promise<string[]> {
  const info = await docker.getImage(image).inspect();
  return Object.keys(info.Config?.ExposedPorts ?? {});
}
