/**
 * Manifest kinds a registry may return for a tag, and the summary we show for each:
 * Docker v2 schema 2 and OCI image manifests (config + layers → total size, created from config),
 * Docker manifest lists and OCI indexes (one entry per platform). Pure: JSON in, data out.
 */

export const MEDIA_TYPES = {
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  dockerSchema1Signed: 'application/vnd.docker.distribution.manifest.v1+prettyjws',
  dockerSchema1: 'application/vnd.docker.distribution.manifest.v1+json',
} as const;

/** What we ask for: every modern kind, so the registry never down-converts to schema 1. */
export const MANIFEST_ACCEPT = [MEDIA_TYPES.ociIndex, MEDIA_TYPES.dockerManifestList, MEDIA_TYPES.ociManifest, MEDIA_TYPES.dockerManifest].join(', ');

export interface Descriptor {
  readonly mediaType?: string;
  readonly digest: string;
  readonly size: number;
}

export interface Platform {
  readonly os: string;
  readonly architecture: string;
  readonly variant?: string;
}

export interface ImageManifestSummary {
  readonly kind: 'image';
  readonly mediaType: string;
  readonly config: Descriptor;
  readonly layers: readonly Descriptor[];
  /** Config plus compressed layers: what a pull downloads. */
  readonly totalSize: number;
}

export interface IndexEntry {
  readonly digest: string;
  readonly size: number;
  readonly mediaType?: string;
  readonly platform?: Platform;
  /** BuildKit stores provenance/SBOM attestations as extra entries with platform unknown/unknown. */
  readonly attestation: boolean;
}

export interface IndexSummary {
  readonly kind: 'index';
  readonly mediaType: string;
  readonly manifests: readonly IndexEntry[];
}

export interface LegacyManifestSummary {
  readonly kind: 'legacy';
  readonly mediaType: string;
}

export type ManifestSummary = ImageManifestSummary | IndexSummary | LegacyManifestSummary;

interface RawDescriptor {
  mediaType?: unknown;
  digest?: unknown;
  size?: unknown;
  platform?: { os?: unknown; architecture?: unknown; variant?: unknown };
  annotations?: Record<string, unknown>;
}

function descriptor(d: RawDescriptor | undefined): Descriptor | undefined {
  if (!d || typeof d.digest !== 'string') return undefined;
  return { digest: d.digest, size: typeof d.size === 'number' ? d.size : 0, ...(typeof d.mediaType === 'string' ? { mediaType: d.mediaType } : {}) };
}

/** Parses a manifest body; `contentType` (the response header) wins over the body's mediaType. */
export function summarizeManifest(body: string, contentType?: string): ManifestSummary {
  const json = JSON.parse(body) as { schemaVersion?: number; mediaType?: string; config?: RawDescriptor; layers?: RawDescriptor[]; manifests?: RawDescriptor[] };
  const headerType = contentType?.split(';')[0]?.trim();
  const mediaType = (headerType && headerType !== 'application/json' ? headerType : undefined) ?? json.mediaType ?? (json.manifests ? MEDIA_TYPES.ociIndex : MEDIA_TYPES.ociManifest);
  if (json.schemaVersion === 1 || mediaType === MEDIA_TYPES.dockerSchema1Signed || mediaType === MEDIA_TYPES.dockerSchema1) {
    return { kind: 'legacy', mediaType };
  }
  if (Array.isArray(json.manifests)) {
    const manifests: IndexEntry[] = [];
    for (const m of json.manifests) {
      const d = descriptor(m);
      if (!d) continue;
      const p = m.platform;
      const platform = p && typeof p.os === 'string' && typeof p.architecture === 'string' ? { os: p.os, architecture: p.architecture, ...(typeof p.variant === 'string' && p.variant ? { variant: p.variant } : {}) } : undefined;
      const attestation = m.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest' || (platform?.os === 'unknown' && platform.architecture === 'unknown');
      manifests.push({ ...d, ...(platform ? { platform } : {}), attestation });
    }
    return { kind: 'index', mediaType, manifests };
  }
  const config = descriptor(json.config);
  if (!config) throw new Error('manifest has no config descriptor');
  const layers = (json.layers ?? []).map(descriptor).filter((d): d is Descriptor => d !== undefined);
  return { kind: 'image', mediaType, config, layers, totalSize: config.size + layers.reduce((n, l) => n + l.size, 0) };
}

/** "linux/arm64/v8" */
export function platformString(p: Platform | undefined): string {
  if (!p) return 'unknown';
  return [p.os, p.architecture, p.variant].filter(Boolean).join('/');
}

export interface ImageConfigSummary {
  readonly created?: string;
  readonly os?: string;
  readonly architecture?: string;
  readonly variant?: string;
}

export function summarizeConfig(body: string): ImageConfigSummary {
  const c = JSON.parse(body) as { created?: unknown; os?: unknown; architecture?: unknown; variant?: unknown };
  return {
    ...(typeof c.created === 'string' ? { created: c.created } : {}),
    ...(typeof c.os === 'string' ? { os: c.os } : {}),
    ...(typeof c.architecture === 'string' ? { architecture: c.architecture } : {}),
    ...(typeof c.variant === 'string' ? { variant: c.variant } : {}),
  };
}

/** "1.2 MB" (decimal units, like docker images). */
export function formatBytes(n: number): string {
  if (n < 1000) return `${n} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let v = n;
  let i = -1;
  do {
    v /= 1000;
    i++;
  } while (v >= 1000 && i < units.length - 1);
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[i]}`;
}
