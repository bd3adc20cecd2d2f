import { formatBytes, platformString } from '../docker/registry/manifests';
import type { PlatformDetails, TagDetails } from '../docker/registry/registryClient';

/**
 * The Registries tree as plain data: registry → repositories → tags (→ platforms of an index),
 * "load more" rows for paginated lists, and message rows for errors. Pure: no vscode, no I/O;
 * the view turns these nodes into TreeItems, and texts are English templates the view translates.
 */

export interface Text {
  readonly message: string;
  readonly args: readonly string[];
}
const t = (message: string, ...args: Array<string | number>): Text => ({ message, args: args.map(String) });

export interface RegistryEntry {
  readonly host: string;
  readonly insecure: boolean;
  readonly protocol: 'auto' | 'https' | 'http';
  /** Added in Dockerfile Studio (removable) or found in the docker CLI's config.json. */
  readonly origin: 'user' | 'docker-cli';
}

export interface LoginInfo {
  readonly username?: string;
  readonly source?: 'secret-storage' | 'docker-config' | 'credential-helper' | 'explicit';
}

export type RegistriesNode = RegistryNode | RepositoryNode | TagNode | PlatformNode | MoreNode | MessageNode;

interface NodeBase {
  readonly id: string;
  readonly label: string;
  /** Parts shown joined by " · "; each is translated on its own. */
  readonly description?: readonly Text[];
  readonly tooltip?: Text;
  /** For menus: "registry+removable+signedIn", "tag+index", … */
  readonly contextValue: string;
}

export interface RegistryNode extends NodeBase {
  readonly kind: 'registry';
  readonly entry: RegistryEntry;
}
export interface RepositoryNode extends NodeBase {
  readonly kind: 'repository';
  readonly registry: string;
  readonly repository: string;
}
export interface TagNode extends NodeBase {
  readonly kind: 'tag';
  readonly registry: string;
  readonly repository: string;
  readonly tag: string;
  /** Full reference to pull or copy: "localhost:5000/goapp:1.0". */
  readonly reference: string;
  readonly details?: TagDetails;
}
export interface PlatformNode extends NodeBase {
  readonly kind: 'platform';
  readonly reference: string;
  readonly digest: string;
}
export interface MoreNode extends NodeBase {
  readonly kind: 'more';
  /** Id of the node whose list continues. */
  readonly parentId: string;
}
export interface MessageNode extends NodeBase {
  readonly kind: 'message';
  readonly severity: 'info' | 'error';
  /** Offer "Sign in" on this registry (401). */
  readonly signInHost?: string;
}

export const registryId = (host: string) => `registry:${host}`;
export const repositoryId = (host: string, repo: string) => `repo:${host}/${repo}`;
export const tagId = (host: string, repo: string, tag: string) => `tag:${host}/${repo}:${tag}`;

export function registryNodes(entries: readonly RegistryEntry[], logins: ReadonlyMap<string, LoginInfo>): RegistryNode[] {
  const seen = new Set<string>();
  const out: RegistryNode[] = [];
  // A registry the user added wins over the same one found in the docker CLI's logins.
  const rank = (e: RegistryEntry) => (e.origin === 'user' ? 0 : 1);
  for (const e of [...entries].sort((a, b) => a.host.localeCompare(b.host) || rank(a) - rank(b))) {
    if (seen.has(e.host)) continue;
    seen.add(e.host);
    const login = logins.get(e.host);
    const parts: Text[] = [];
    if (login?.username) parts.push(login.source === 'secret-storage' ? t('signed in as {0}', login.username) : t('signed in as {0} (docker CLI)', login.username));
    if (e.insecure || e.protocol === 'http') parts.push(t('plain HTTP'));
    if (e.origin === 'docker-cli') parts.push(t('from docker login'));
    out.push({
      kind: 'registry',
      id: registryId(e.host),
      label: e.host === 'docker.io' ? 'Docker Hub (docker.io)' : e.host,
      entry: e,
      ...(parts.length ? { description: parts } : {}),
      contextValue: ['registry', e.origin === 'user' ? 'removable' : '', login?.username && login.source === 'secret-storage' ? 'signedIn' : ''].filter(Boolean).join('+'),
    });
  }
  return out;
}

export function repositoryNodes(host: string, repositories: readonly string[]): RepositoryNode[] {
  return repositories.map((repository) => ({ kind: 'repository', id: repositoryId(host, repository), label: repository, registry: host, repository, contextValue: 'repository' }));
}

export function moreNode(parentId: string, loaded: number): MoreNode {
  return { kind: 'more', id: `more:${parentId}`, label: '', parentId, description: [t('{0} shown — load more…', loaded)], contextValue: 'more' };
}

/** An inline explanation row: what happened (shown) and what to do (tooltip). */
export function messageNode(parentId: string, text: Text, severity: 'info' | 'error', signInHost?: string, fix?: Text): MessageNode {
  return {
    kind: 'message',
    id: `message:${parentId}`,
    label: '',
    description: [text],
    severity,
    contextValue: signInHost ? 'message+signIn' : 'message',
    ...(signInHost ? { signInHost } : {}),
    ...(fix ? { tooltip: fix } : {}),
  };
}

/** "1.2 MB · 3 days ago · sha256:0123abcd" — the line each tag shows once its details arrive. */
export function tagNode(host: string, repository: string, tag: string, details: TagDetails | undefined, nowMs: number): TagNode {
  const reference = `${host}/${repository}:${tag}`;
  const base = { kind: 'tag' as const, id: tagId(host, repository, tag), label: tag, registry: host, repository, tag, reference };
  if (!details) return { ...base, contextValue: 'tag', description: [t('loading…')] };
  const parts: Text[] = [];
  if (details.size !== undefined) parts.push(t(formatBytes(details.size)));
  if (details.created) parts.push(age(details.created, nowMs));
  if (details.kind === 'index') parts.push(t('{0} platforms', details.platforms?.length ?? 0));
  parts.push(t(shortDigest(details.digest)));
  const tooltipLines = [
    `${reference}`,
    `digest: ${details.digest}`,
    `media type: ${details.mediaType}`,
    ...(details.size !== undefined ? [`size: ${formatBytes(details.size)} (${details.size} bytes, compressed)`] : []),
    ...(details.created ? [`created: ${details.created}`] : []),
    ...(details.platform ? [`platform: ${platformString(details.platform)}`] : []),
    ...(details.platforms ?? []).map((p) => `• ${platformString(p.platform)}${p.size !== undefined ? ` — ${formatBytes(p.size)}` : ''}`),
  ];
  return {
    ...base,
    details,
    description: parts,
    tooltip: { message: tooltipLines.join('\n'), args: [] },
    contextValue: details.kind === 'index' ? 'tag+index' : 'tag',
  };
}

export function platformNodes(tag: TagNode): PlatformNode[] {
  const repoRef = tag.reference.slice(0, tag.reference.length - tag.tag.length - 1);
  return (tag.details?.platforms ?? []).map((p: PlatformDetails) => ({
    kind: 'platform',
    id: `${tag.id}@${p.digest}`,
    label: platformString(p.platform),
    reference: `${repoRef}@${p.digest}`,
    digest: p.digest,
    description: [...(p.size !== undefined ? [t(formatBytes(p.size))] : []), t(shortDigest(p.digest))],
    contextValue: 'platform',
  }));
}

export function shortDigest(digest: string): string {
  const i = digest.indexOf(':');
  return i >= 0 ? `${digest.slice(0, i + 1)}${digest.slice(i + 1, i + 13)}` : digest.slice(0, 12);
}

/** "just now", "5 minutes ago", "3 days ago" (translatable; the tooltip has the exact time). */
export function age(created: string, nowMs: number): Text {
  const ms = nowMs - Date.parse(created);
  if (!Number.isFinite(ms)) return t(created);
  const s = Math.max(0, Math.round(ms / 1000));
  const units: Array<[number, string]> = [
    [365 * 86400, 'year'],
    [30 * 86400, 'month'],
    [7 * 86400, 'week'],
    [86400, 'day'],
    [3600, 'hour'],
    [60, 'minute'],
  ];
  for (const [size, name] of units) {
    const n = Math.floor(s / size);
    if (n >= 1) return t(n > 1 ? `{0} ${name}s ago` : `{0} ${name} ago`, n);
  }
  return t('just now');
}
