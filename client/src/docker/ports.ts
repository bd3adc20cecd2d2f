import * as net from 'node:net';

/**
 * Host port choices for `run`: what the image exposes, which host port to propose, and a bind
 * probe that finds out before starting whether a host port is already taken (the most common
 * `docker run -p` failure for learners).
 */

export type PortProtocol = 'tcp' | 'udp' | 'sctp';

export interface PortMapping {
  readonly containerPort: number;
  readonly protocol: PortProtocol;
  /** Undefined = let the engine choose a free host port. */
  readonly hostPort?: number;
  /** e.g. 127.0.0.1 to keep the port on this machine; undefined/'' = all interfaces. */
  readonly hostIp?: string;
}

/** Resolves true when `port` can be bound on `host` right now. */
export type PortProber = (port: number, host: string, protocol: PortProtocol) => Promise<boolean>;

/** Binds and releases a socket: the only reliable way to know the port is free for the engine's proxy. */
export const bindProbe: PortProber = (port, host, protocol) => {
  if (protocol !== 'tcp') return Promise.resolve(true); // only TCP listeners can be probed this way
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', (err: NodeJS.ErrnoException) => {
      // EACCES (a port below 1024 for a normal user) says nothing about the engine, which runs as root.
      resolve(err.code === 'EACCES');
    });
    server.listen({ port, host: host || '0.0.0.0', exclusive: true }, () => {
      server.close(() => resolve(true));
    });
  });
};

/** "80/tcp" → { containerPort: 80, protocol: 'tcp' } */
export function parsePortKey(key: string): { containerPort: number; protocol: PortProtocol } | undefined {
  const m = /^(\d+)(?:\/(tcp|udp|sctp))?$/i.exec(key.trim());
  if (!m) return undefined;
  return { containerPort: Number(m[1]), protocol: (m[2]?.toLowerCase() ?? 'tcp') as PortProtocol };
}

/** Ports below 1024 are proposed as 8000+port (80 → 8080), like most tutorials do. */
export function proposedHostPort(containerPort: number): number {
  return containerPort < 1024 ? 8000 + containerPort : containerPort;
}

export async function nextFreePort(start: number, host: string, protocol: PortProtocol, prober: PortProber = bindProbe, tries = 50): Promise<number | undefined> {
  for (let p = Math.max(1, start), n = 0; p <= 65535 && n < tries; p++, n++) {
    if (await prober(p, host, protocol)) return p;
  }
  return undefined;
}

export interface PortProposal extends PortMapping {
  /** The host port first wanted, when it was taken and `hostPort` is the next free one. */
  readonly taken?: number;
}

/**
 * Prefills mappings from the image's exposed ports (or the remembered choices), probing each host
 * port and moving to the next free one when it is taken. Ports proposed in this call are not
 * reused for two mappings.
 */
export async function proposePortMappings(
  exposed: readonly string[],
  opts: { hostIp?: string; prober?: PortProber; remembered?: readonly PortMapping[] } = {},
): Promise<PortProposal[]> {
  const prober = opts.prober ?? bindProbe;
  const hostIp = opts.hostIp ?? '';
  const used = new Set<number>();
  const wanted: PortMapping[] = [];
  for (const key of exposed) {
    const p = parsePortKey(key);
    if (!p) continue;
    const remembered = opts.remembered?.find((r) => r.containerPort === p.containerPort && r.protocol === p.protocol);
    wanted.push({ ...p, hostIp: remembered?.hostIp ?? hostIp, hostPort: remembered?.hostPort ?? proposedHostPort(p.containerPort) });
  }
  for (const r of opts.remembered ?? []) {
    if (!wanted.some((w) => w.containerPort === r.containerPort && w.protocol === r.protocol)) wanted.push(r);
  }
  const out: PortProposal[] = [];
  for (const w of wanted) {
    if (w.hostPort === undefined) {
      out.push(w);
      continue;
    }
    const prober2: PortProber = async (port, host, proto) => !used.has(port) && (await prober(port, host, proto));
    const free = await nextFreePort(w.hostPort, w.hostIp ?? '', w.protocol, prober2);
    const chosen = free ?? w.hostPort;
    used.add(chosen);
    out.push(chosen === w.hostPort ? w : { ...w, hostPort: chosen, taken: w.hostPort });
  }
  return out;
}

/** "8080:80", "127.0.0.1:8080:80/udp", "80" (engine picks the host port) → a mapping. */
export function parsePortSpec(spec: string): PortMapping | undefined {
  const m = /^(?:(?:(\[[^\]]+\]|[^:]*):)?(\d*):)?(\d+)(?:\/(tcp|udp|sctp))?$/i.exec(spec.trim());
  if (!m) return undefined;
  const hostIp = m[1]?.replace(/^\[|\]$/g, '') || undefined;
  const hostPort = m[2] ? Number(m[2]) : undefined;
  return { hostIp, hostPort, containerPort: Number(m[3]), protocol: (m[4]?.toLowerCase() ?? 'tcp') as PortProtocol };
}

export function formatPortSpec(p: PortMapping): string {
  const proto = p.protocol === 'tcp' ? '' : `/${p.protocol}`;
  const host = p.hostPort === undefined ? '' : `${p.hostIp ? `${p.hostIp}:` : ''}${p.hostPort}:`;
  return `${host}${p.containerPort}${proto}`;
}
