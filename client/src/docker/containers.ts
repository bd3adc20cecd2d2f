import type { Readable } from 'node:stream';
import type Dockerode from 'dockerode';
import { LogDemuxer, type LogFrame } from './logDemux';

/**
 * The containers the Containers view shows and the actions it offers, as plain data and plain
 * calls on an injected Dockerode.
 */

export interface ContainerPortInfo {
  readonly containerPort: number;
  readonly protocol: string;
  readonly hostIp?: string;
  readonly hostPort?: number;
}

export interface ContainerSummary {
  readonly id: string;
  readonly name: string;
  readonly image: string;
  /** running, exited, created, paused, restarting, dead */
  readonly state: string;
  /** The engine's human text: "Up 3 minutes", "Exited (0) 2 hours ago". */
  readonly status: string;
  readonly created: number;
  readonly ports: readonly ContainerPortInfo[];
  readonly labels: Readonly<Record<string, string>>;
}

export function toContainerSummary(c: Dockerode.ContainerInfo): ContainerSummary {
  const ports: ContainerPortInfo[] = [];
  for (const p of c.Ports ?? []) {
    if (p.IP?.includes(':')) continue; // skip the IPv6 twin of a binding
    ports.push({ containerPort: p.PrivatePort, protocol: p.Type, hostIp: p.IP || undefined, hostPort: p.PublicPort || undefined });
  }
  ports.sort((a, b) => a.containerPort - b.containerPort || (a.hostPort ?? 0) - (b.hostPort ?? 0));
  return {
    id: c.Id,
    name: (c.Names?.[0] ?? c.Id.slice(0, 12)).replace(/^\//, ''),
    image: c.Image,
    state: c.State,
    status: c.Status,
    created: c.Created,
    ports,
    labels: c.Labels ?? {},
  };
}

export async function listContainers(docker: Dockerode, opts: { all?: boolean; labels?: readonly string[] } = {}): Promise<ContainerSummary[]> {
  const filters = opts.labels?.length ? { label: [...opts.labels] } : undefined;
  const list = await docker.listContainers({ all: opts.all ?? true, filters });
  return list.map(toContainerSummary);
}

export async function stopContainer(docker: Dockerode, id: string, timeoutSeconds = 10): Promise<void> {
  try {
    await docker.getContainer(id).stop({ t: timeoutSeconds });
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode !== 304) throw err; // 304 = already stopped
  }
}

export async function startContainer(docker: Dockerode, id: string): Promise<void> {
  try {
    await docker.getContainer(id).start();
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode !== 304) throw err; // 304 = already running
  }
}

export async function restartContainer(docker: Dockerode, id: string, timeoutSeconds = 10): Promise<void> {
  await docker.getContainer(id).restart({ t: timeoutSeconds });
}

export async function removeContainer(docker: Dockerode, id: string, opts: { force?: boolean } = {}): Promise<void> {
  try {
    await docker.getContainer(id).remove({ force: opts.force ?? false, v: true });
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode !== 404) throw err; // gone already (e.g. --rm)
  }
}

export async function inspectContainer(docker: Dockerode, id: string): Promise<Dockerode.ContainerInspectInfo> {
  return docker.getContainer(id).inspect();
}

export interface LogOptions {
  readonly follow?: boolean;
  readonly tail?: number;
  readonly timestamps?: boolean;
  readonly signal?: AbortSignal;
}

/**
 * Streams a container's logs as frames (stdout/stderr separated). Containers with a TTY send raw
 * bytes, which come out as stdout frames. Ends when the container's log ends (or, with follow,
 * when the container stops or the signal aborts).
 */
export async function* containerLogs(docker: Dockerode, id: string, opts: LogOptions = {}): AsyncGenerator<LogFrame> {
  const container = docker.getContainer(id);
  const info = await container.inspect();
  const tty = !!info.Config?.Tty;
  // Without follow the engine answers with one buffer, with follow a stream; dockerode's types
  // cannot express a runtime choice, hence the cast.
  const logs = container.logs as unknown as (o: Record<string, unknown>) => Promise<Buffer | Readable>;
  const raw = await logs.call(container, {
    follow: opts.follow ?? false,
    stdout: true,
    stderr: true,
    tail: opts.tail ?? 'all',
    timestamps: opts.timestamps ?? false,
    abortSignal: opts.signal,
  });
  if (Buffer.isBuffer(raw)) {
    yield* framesOf(raw, tty);
    return;
  }
  const stream = raw;
  const onAbort = () => stream.destroy();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  const demux = new LogDemuxer();
  try {
    for await (const chunk of stream) {
      const buf = chunk as Buffer;
      if (tty) yield { stream: 'stdout', data: buf };
      else yield* demux.push(buf);
    }
  } catch (err) {
    if (!opts.signal?.aborted) throw err;
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
  }
}

function* framesOf(buf: Buffer, tty: boolean): Generator<LogFrame> {
  if (tty) {
    yield { stream: 'stdout', data: buf };
    return;
  }
  yield* new LogDemuxer().push(buf);
}
