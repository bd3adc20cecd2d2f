// Shared set-up of the registry tests: images built in the test from the local busybox base (two
// different ones, so pushes carry several layers and digests differ), pushed under a repository
// prefix unique to this run, and clean-up of everything pushed: manifests deleted through the API,
// the run's repository folders removed from the test registries' storage (the Registry API has no
// way to delete a repository, so the catalog would otherwise grow with every run), local tags removed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type Dockerode from 'dockerode';
import { buildImage } from '../../client/src/docker/build';
import { BASE_IMAGE, makeContext, removeImages, uniqueName } from './engine-helpers';

export const OPEN_REGISTRY = '127.0.0.1:5055';
export const AUTH_REGISTRY = '127.0.0.1:5056';
export const AUTH_USER = 'dfs';
export const AUTH_PASSWORD = 'dfs-secret';

/** A lowercase repository prefix unique to this run, e.g. "dfs-test-reg-1234-lz0a1". */
export function runPrefix(what: string): string {
  return uniqueName(`reg-${what}`).toLowerCase();
}

/** Builds an image FROM the local busybox with `layers` extra RUN layers; returns its tag. */
export async function buildTestImage(docker: Dockerode, tag: string, marker: string, layers = 2): Promise<string> {
  const lines = [`FROM ${BASE_IMAGE}`];
  for (let i = 0; i < layers; i++) lines.push(`RUN echo "${marker}-${i}" > /layer-${i}.txt`);
  lines.push(`LABEL dfs.marker="${marker}"`);
  const dir = makeContext({ Dockerfile: lines.join('\n') + '\n' });
  try {
    await buildImage(docker, { contextDir: dir, dockerfile: path.join(dir, 'Dockerfile'), tag });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return tag;
}

function storageDir(registry: string): string {
  const state = process.env.DFS_TEST_STATE ?? '/tmp/dfs-test-engine';
  return path.join(state, registry.endsWith(':5056') ? 'registry-auth' : 'registry-open', 'data', 'docker', 'registry', 'v2', 'repositories');
}

/** Removes this run's repositories from the test registries' storage (only names under `prefix`). */
export function removeRepositories(registry: string, prefix: string): void {
  if (!/^dfs-test-engine-reg-/.test(prefix)) throw new Error(`refusing to remove ${prefix}`);
  fs.rmSync(path.join(storageDir(registry), prefix), { recursive: true, force: true });
}

export async function cleanUp(docker: Dockerode, localTags: readonly string[], repos: ReadonlyArray<{ registry: string; prefix: string }>): Promise<void> {
  await removeImages(docker, localTags);
  for (const r of repos) removeRepositories(r.registry, r.prefix);
}
