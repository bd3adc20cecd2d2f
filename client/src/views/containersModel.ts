/**
 * Pure model of the Containers view: running containers first, then stopped ones, each with its
 * image, status and port mappings, and the actions that apply (contextValue).
 */

export interface ContainerPortLike {
  readonly containerPort: number;
  readonly protocol: string;
  readonly hostIp?: string;
  readonly hostPort?: number;
}

export interface ContainerLike {
  readonly id: string;
  readonly name: string;
  readonly image: string;
  readonly state: string;
  readonly status: string;
  readonly created: number;
  readonly ports: readonly ContainerPortLike[];
}

export interface ContainerNode {
  readonly kind: 'container';
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly tooltip: string;
  /** running | stopped, plus "+http" when it has a published TCP port (Open in browser). */
  readonly contextValue: string;
  readonly icon: 'running' | 'paused' | 'stopped';
  readonly urls: readonly string[];
  readonly children: readonly PortNode[];
}

export interface PortNode {
  readonly kind: 'port';
  readonly label: string;
  readonly url?: string;
}

export function portLabel(p: ContainerPortLike): string {
  if (!p.hostPort) return `${p.containerPort}/${p.protocol}`;
  return `${p.hostIp && p.hostIp !== '0.0.0.0' ? p.hostIp : '0.0.0.0'}:${p.hostPort} → ${p.containerPort}/${p.protocol}`;
}

export function portUrl(p: ContainerPortLike): string | undefined {
  if (!p.hostPort || p.protocol !== 'tcp') return undefined;
  const host = !p.hostIp || p.hostIp === '0.0.0.0' ? 'localhost' : p.hostIp.includes(':') ? `[${p.hostIp}]` : p.hostIp;
  return `http://${host}:${p.hostPort}`;
}

export function buildContainerNodes(containers: readonly ContainerLike[]): ContainerNode[] {
  const order = (c: ContainerLike) => (c.state === 'running' ? 0 : c.state === 'paused' ? 1 : 2);
  return [...containers]
    .sort((a, b) => order(a) - order(b) || b.created - a.created || a.name.localeCompare(b.name))
    .map((c) => {
      const running = c.state === 'running';
      const ports = c.ports.map((p) => ({ kind: 'port' as const, label: portLabel(p), url: running ? portUrl(p) : undefined }));
      const urls = ports.flatMap((p) => (p.url ? [p.url] : []));
      const published = c.ports.filter((p) => p.hostPort).map(portLabel);
      return {
        kind: 'container' as const,
        id: c.id,
        label: c.name,
        description: `${c.image} · ${c.status}${published.length ? ` · ${published.join(', ')}` : ''}`,
        tooltip: [c.name, c.image, c.status, ...published, c.id.slice(0, 12)].join('\n'),
        contextValue: `container.${running ? 'running' : c.state === 'paused' ? 'paused' : 'stopped'}${urls.length ? '+http' : ''}`,
        icon: running ? ('running' as const) : c.state === 'paused' ? ('paused' as const) : ('stopped' as const),
        urls,
        children: ports,
      };
    });
}
