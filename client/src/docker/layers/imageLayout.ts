// Decides which layers make up the image, in which order, once the single pass is over: from
// manifest.json (classic `docker save`, also written by Docker 25+) or else from the OCI
// index.json → (index →) manifest → config + layer blobs.
import type { ExportContents } from './exportReader';
import type { LayerRecord } from './layerRecord';

export interface HistoryEntry {
  created?: string;
  created_by?: string;
  comment?: string;
  author?: string;
  empty_layer?: boolean;
}

export interface ImageConfig {
  architecture?: string;
  os?: string;
  created?: string;
  config?: Record<string, unknown>;
  rootfs?: { type?: string; diff_ids?: string[] };
  history?: HistoryEntry[];
}

export interface ResolvedLayer {
  /** Archive path of the layer (classic) or its blob digest (OCI). */
  id: string;
  /** The uncompressed digest from the config's rootfs, when known. */
  diffId?: string;
  record: LayerRecord;
}

export interface ResolvedImage {
  layout: 'docker-save' | 'oci';
  repoTags: string[];
  config: ImageConfig;
  layers: ResolvedLayer[];
}

export class ImageLayoutError extends Error {}

interface Descriptor {
  mediaType?: string;
  digest?: string;
  platform?: { os?: string; architecture?: string; variant?: string };
  annotations?: Record<string, string>;
}

export function resolveImage(contents: ExportContents, wanted?: string): ResolvedImage {
  const manifest = contents.documents.get('manifest.json');
  if (Array.isArray(manifest) && manifest.length > 0) return fromDockerManifest(contents, manifest as DockerManifestEntry[], wanted);
  const index = contents.documents.get('index.json') as { manifests?: Descriptor[] } | undefined;
  if (index && Array.isArray(index.manifests)) return fromOciIndex(contents, index.manifests, wanted);
  throw new ImageLayoutError('the export has neither manifest.json nor index.json: it is not an image archive');
}

interface DockerManifestEntry {
  Config?: string;
  RepoTags?: string[] | null;
  Layers?: string[];
}

function fromDockerManifest(contents: ExportContents, entries: DockerManifestEntry[], wanted?: string): ResolvedImage {
  const entry = entries.find((e) => matchesName(e.RepoTags ?? [], wanted)) ?? entries[0];
  if (!entry.Config || !Array.isArray(entry.Layers)) throw new ImageLayoutError('manifest.json entry lacks Config or Layers');
  const config = documentAt(contents, entry.Config) as ImageConfig;
  const diffIds = config.rootfs?.diff_ids ?? [];
  return {
    layout: 'docker-save',
    repoTags: entry.RepoTags ?? [],
    config,
    layers: entry.Layers.map((path, i) => ({ id: path, diffId: diffIds[i], record: layerAt(contents, path) })),
  };
}

function fromOciIndex(contents: ExportContents, descriptors: Descriptor[], wanted?: string): ResolvedImage {
  const candidates: { descriptor: Descriptor; manifest: { config?: Descriptor; layers?: Descriptor[] }; names: string[] }[] = [];
  const visit = (list: Descriptor[], inheritedNames: string[], depth: number): void => {
    if (depth > 4) return;
    for (const d of list) {
      if (!d.digest || isAttestation(d)) continue;
      const names = [...inheritedNames, ...refNames(d)];
      const blob = contents.documents.get(blobPath(d.digest)) as { manifests?: Descriptor[]; layers?: Descriptor[]; config?: Descriptor } | undefined;
      if (!blob) continue;
      if (Array.isArray(blob.manifests)) visit(blob.manifests, names, depth + 1);
      else if (Array.isArray(blob.layers)) candidates.push({ descriptor: d, manifest: blob, names });
    }
  };
  visit(descriptors, [], 0);
  if (!candidates.length) throw new ImageLayoutError('index.json names no image manifest that the export contains');
  const platform = hostPlatform();
  const named = candidates.filter((c) => matchesName(c.names, wanted));
  const pool = named.length ? named : candidates;
  const chosen =
    pool.find((c) => c.descriptor.platform?.os === platform.os && c.descriptor.platform?.architecture === platform.architecture) ?? pool[0];
  const configDigest = chosen.manifest.config?.digest;
  if (!configDigest) throw new ImageLayoutError('the image manifest has no config');
  const config = documentAt(contents, blobPath(configDigest)) as ImageConfig;
  const diffIds = config.rootfs?.diff_ids ?? [];
  return {
    layout: 'oci',
    repoTags: chosen.names,
    config,
    layers: (chosen.manifest.layers ?? []).map((l, i) => {
      if (!l.digest) throw new ImageLayoutError('a layer descriptor has no digest');
      return { id: l.digest, diffId: diffIds[i], record: layerAt(contents, blobPath(l.digest)) };
    }),
  };
}

function isAttestation(d: Descriptor): boolean {
  return d.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest' || d.platform?.os === 'unknown';
}

/** Full image names only: an OCI ref.name may be a bare tag ("latest"), which names nothing alone. */
function refNames(d: Descriptor): string[] {
  const a = d.annotations ?? {};
  const containerd = a['io.containerd.image.name'];
  if (containerd) return [containerd];
  const ref = a['org.opencontainers.image.ref.name'];
  return ref && /[:/]/.test(ref) ? [ref] : [];
}

/** "busybox" means "busybox:latest"; OCI ref names may be a bare tag ("latest"). */
function matchesName(names: string[], wanted?: string): boolean {
  if (!wanted) return false;
  const withTag = /:[^/]+$/.test(wanted) || wanted.includes('@') ? wanted : `${wanted}:latest`;
  return names.some((n) => n === wanted || n === withTag || `docker.io/library/${withTag}` === n || `docker.io/${withTag}` === n);
}

function hostPlatform(): { os: string; architecture: string } {
  const arch: Record<string, string> = { x64: 'amd64', arm64: 'arm64', arm: 'arm', ia32: '386', ppc64: 'ppc64le', s390x: 's390x' };
  return { os: 'linux', architecture: arch[process.arch] ?? process.arch };
}

export function blobPath(digest: string): string {
  const [alg, hex] = digest.split(':');
  return `blobs/${alg}/${hex}`;
}

function followLinks(contents: ExportContents, path: string): string {
  let current = path.replace(/^\.?\//, '');
  for (let hops = 0; hops < 16 && contents.links.has(current); hops++) current = contents.links.get(current) as string;
  return current;
}

function documentAt(contents: ExportContents, path: string): unknown {
  const doc = contents.documents.get(followLinks(contents, path));
  if (doc === undefined) throw new ImageLayoutError(`the export lacks the JSON document ${path}`);
  return doc;
}

function layerAt(contents: ExportContents, path: string): LayerRecord {
  const resolved = followLinks(contents, path);
  const record = contents.layers.get(resolved);
  if (record) return record;
  const problem = contents.problems.get(resolved);
  throw new ImageLayoutError(problem ? `layer ${path} could not be read: ${problem}` : `the export lacks layer ${path}`);
}
