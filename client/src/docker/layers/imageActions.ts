// Engine calls behind the Images view: list, history, tag, remove, inspect and flatten. Plain node
// (no vscode) so engine tests exercise exactly what the view runs.
import type Dockerode from 'dockerode';
import type { HistoryInput, ImageSummaryInput } from './imageTypes';

export async function listImages(docker: Dockerode): Promise<ImageSummaryInput[]> {
  const images = await docker.listImages({ all: false });
  return images.map((i) => ({ id: i.Id, repoTags: i.RepoTags ?? [], size: i.Size, created: i.Created, labels: i.Labels ?? undefined }));
}

export async function imageHistory(docker: Dockerode, ref: string): Promise<HistoryInput[]> {
  const entries = (await docker.getImage(ref).history()) as Array<{ Created: number; CreatedBy: string; Size: number; Comment: string }>;
  return entries.map((h) => ({ created: h.Created, createdBy: h.CreatedBy ?? '', size: h.Size ?? 0, comment: h.Comment ?? '' }));
}

/** "repo:tag" or "registry:5000/repo:tag" → { repo, tag } (tag defaults to latest). */
export function splitReference(ref: string): { repo: string; tag: string } {
  const at = ref.indexOf('@');
  const base = at >= 0 ? ref.slice(0, at) : ref;
  const colon = base.lastIndexOf(':');
  if (colon > base.lastIndexOf('/')) return { repo: base.slice(0, colon), tag: base.slice(colon + 1) };
  return { repo: base, tag: 'latest' };
}

export async function tagImage(docker: Dockerode, ref: string, newRef: string): Promise<void> {
  await docker.getImage(ref).tag(splitReference(newRef));
}

export async function removeImage(docker: Dockerode, ref: string, force = false): Promise<void> {
  await docker.getImage(ref).remove({ force });
}

export async function inspectImage(docker: Dockerode, ref: string): Promise<Dockerode.ImageInspectInfo> {
  return docker.getImage(ref).inspect();
}

/**
 * What `docker export | docker import` drops (the seed notes warn about it): the export holds
 * only the file system, so the image configuration does not carry over.
 */
export function configLostByFlatten(info: Pick<Dockerode.ImageInspectInfo, 'Config'>): string[] {
  const c = info.Config ?? ({} as Dockerode.ImageInspectInfo['Config']);
  const lost: string[] = [];
  if (c.Cmd?.length) lost.push(`CMD ${JSON.stringify(c.Cmd)}`);
  if (c.Entrypoint && (Array.isArray(c.Entrypoint) ? c.Entrypoint.length : true)) lost.push(`ENTRYPOINT ${JSON.stringify(c.Entrypoint)}`);
  for (const e of c.Env ?? []) lost.push(`ENV ${e}`);
  for (const p of Object.keys(c.ExposedPorts ?? {})) lost.push(`EXPOSE ${p}`);
  if (c.WorkingDir) lost.push(`WORKDIR ${c.WorkingDir}`);
  if (c.User) lost.push(`USER ${c.User}`);
  for (const v of Object.keys(c.Volumes ?? {})) lost.push(`VOLUME ${v}`);
  for (const [k, v] of Object.entries(c.Labels ?? {})) lost.push(`LABEL ${k}=${v}`);
  return lost;
}

/**
 * Flattens an image into one layer: create a (never started) container, export its file system,
 * import that as `newRef`. The temporary container is removed whatever happens.
 */
export async function flattenImage(docker: Dockerode, ref: string, newRef: string): Promise<string> {
  const container = await docker.createContainer({ Image: ref, Cmd: ['true'], Labels: { 'dockerfile-studio.flatten': 'temporary' } });
  try {
    const fileSystem = await container.export();
    const { repo, tag } = splitReference(newRef);
    const progress = await docker.importImage(fileSystem, { repo, tag });
    const events = await new Promise<Array<{ error?: string; status?: string }>>((resolve, reject) =>
      docker.modem.followProgress(progress, (err: Error | null, out: unknown[]) => (err ? reject(err) : resolve(out as Array<{ error?: string }>))),
    );
    const failed = events.find((e) => e.error);
    if (failed) throw new Error(failed.error);
    return (await docker.getImage(newRef).inspect()).Id;
  } finally {
    await container.remove({ force: true }).catch(() => undefined);
  }
}

export interface ContainerChange {
  path: string;
  /** A added, C changed, D deleted — as `docker diff` prints them. */
  kind: 'A' | 'C' | 'D';
}

/** GET /containers/{id}/changes: what the container's writable layer holds compared with its image. */
export async function containerDiff(docker: Dockerode, id: string): Promise<ContainerChange[]> {
  const raw = ((await docker.getContainer(id).changes()) ?? []) as Array<{ Path: string; Kind: number }>;
  const kinds: Record<number, ContainerChange['kind']> = { 0: 'C', 1: 'A', 2: 'D' };
  return raw.map((c) => ({ path: c.Path, kind: kinds[c.Kind] ?? 'C' })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** `docker commit`: the container's changes become one new layer on top of its image. */
export async function commitContainer(docker: Dockerode, id: string, newRef: string, comment?: string): Promise<string> {
  const { repo, tag } = splitReference(newRef);
  const result = (await docker.getContainer(id).commit({ repo, tag, comment })) as { Id?: string };
  return result.Id ?? '';
}
