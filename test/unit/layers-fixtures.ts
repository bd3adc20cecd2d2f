// Builds image exports in memory from layer tars: the classic `docker save` layout and the OCI
// image layout (optionally with gzip layer blobs), with the index/manifest at the end of the
// archive as real exports may have it. Shared by the unit and engine tests of the layer analyser.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { buildTar, type TarInput } from '../../client/src/docker/layers/tarWriter';
import type { HistoryEntry, ImageConfig } from '../../client/src/docker/layers/imageLayout';

export interface ExportFixtureOptions {
  layout: 'docker-save' | 'oci';
  gzip?: boolean;
  /** Put manifest.json / index.json first instead of last. */
  metadataFirst?: boolean;
  repoTag?: string;
  history?: HistoryEntry[];
}

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

export function imageConfig(layers: Buffer[], history?: HistoryEntry[]): ImageConfig {
  return {
    architecture: 'amd64',
    os: 'linux',
    config: { Env: ['PATH=/bin'] },
    rootfs: { type: 'layers', diff_ids: layers.map((l) => `sha256:${sha256(l)}`) },
    history: history ?? layers.map((_, i) => ({ created_by: `/bin/sh -c echo layer ${i}` })),
  };
}

export function buildExport(layers: Buffer[], options: ExportFixtureOptions): Buffer {
  const repoTag = options.repoTag ?? 'example/image:latest';
  const config = Buffer.from(JSON.stringify(imageConfig(layers, options.history)));
  const configHex = sha256(config);
  const body: TarInput[] = [];
  const metadata: TarInput[] = [];
  if (options.layout === 'docker-save') {
    const paths: string[] = [];
    layers.forEach((layer) => {
      const id = sha256(layer);
      body.push({ path: id, type: 'directory' }, { path: `${id}/VERSION`, content: '1.0' }, { path: `${id}/layer.tar`, content: layer });
      paths.push(`${id}/layer.tar`);
    });
    body.push({ path: `${configHex}.json`, content: config });
    metadata.push({ path: 'manifest.json', content: JSON.stringify([{ Config: `${configHex}.json`, RepoTags: [repoTag], Layers: paths }]) });
  } else {
    const blobs: TarInput[] = [{ path: 'blobs', type: 'directory' }, { path: 'blobs/sha256', type: 'directory' }];
    const descriptors = layers.map((layer) => {
      const stored = options.gzip ? gzipSync(layer) : layer;
      const hex = sha256(stored);
      blobs.push({ path: `blobs/sha256/${hex}`, content: stored });
      return {
        mediaType: options.gzip ? 'application/vnd.oci.image.layer.v1.tar+gzip' : 'application/vnd.oci.image.layer.v1.tar',
        digest: `sha256:${hex}`,
        size: stored.length,
      };
    });
    blobs.push({ path: `blobs/sha256/${configHex}`, content: config });
    const manifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: `sha256:${configHex}`, size: config.length },
        layers: descriptors,
      }),
    );
    const manifestHex = sha256(manifest);
    blobs.push({ path: `blobs/sha256/${manifestHex}`, content: manifest });
    body.push(...blobs);
    metadata.push(
      { path: 'oci-layout', content: JSON.stringify({ imageLayoutVersion: '1.0.0' }) },
      {
        path: 'index.json',
        content: JSON.stringify({
          schemaVersion: 2,
          manifests: [
            {
              mediaType: 'application/vnd.oci.image.manifest.v1+json',
              digest: `sha256:${manifestHex}`,
              size: manifest.length,
              annotations: { 'io.containerd.image.name': repoTag, 'org.opencontainers.image.ref.name': repoTag.split(':').pop() },
              platform: { os: 'linux', architecture: 'amd64' },
            },
          ],
        }),
      },
    );
  }
  return buildTar(options.metadataFirst ? [...metadata, ...body] : [...body, ...metadata]);
}

/** Feeds a buffer in fixed-size pieces, like a socket would. */
export async function* chunked(buffer: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < buffer.length; i += size) yield buffer.subarray(i, i + size);
}
