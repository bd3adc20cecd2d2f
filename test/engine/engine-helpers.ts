// Shared helpers of the engine tests (build-*, run-*, engine-*): a connection to the test engine,
// unique names under the dfs-test-engine- prefix, temporary build contexts, and clean-up of every
// image and container the tests create.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type Dockerode from 'dockerode';
import { connectEngine, type EngineConnection } from '../../client/src/docker/engine';

export const BASE_IMAGE = 'dfs-test/busybox:latest';
export const TEST_LABEL = 'dfs-test-engine';

let connection: Promise<EngineConnection> | undefined;
export function engine(): Promise<EngineConnection> {
  connection ??= connectEngine({ timeoutMs: 10000 });
  return connection;
}

let counter = 0;
/** A unique image tag (or container name) under the dfs-test-engine- prefix. */
export function uniqueName(what: string): string {
  counter += 1;
  return `dfs-test-engine-${what}-${process.pid}-${Date.now().toString(36)}-${counter}`;
}

const madeDirs: string[] = [];
/** Deletes every directory makeContext created (call from after()). */
export function removeContexts(): void {
  for (const dir of madeDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** Writes `files` (relative path → content) into a new temporary directory. */
export function makeContext(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dfs-engine-ctx-'));
  madeDirs.push(dir);
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
  return dir;
}

export async function removeImages(docker: Dockerode, tags: readonly string[]): Promise<void> {
  for (const tag of tags) {
    await docker
      .getImage(tag)
      .remove({ force: true })
      .catch(() => undefined);
  }
}

export async function removeLabelledContainers(docker: Dockerode): Promise<void> {
  const list = await docker.listContainers({ all: true, filters: { label: [TEST_LABEL] } });
  for (const c of list) {
    await docker
      .getContainer(c.Id)
      .remove({ force: true })
      .catch(() => undefined);
  }
}

/** Polls `check` until it returns a value (not undefined) or the timeout passes. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 15000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v !== undefined) return v;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Runs `cmd` in `image` to completion and returns its stdout (container removed afterwards). */
export async function outputOf(docker: Dockerode, image: string, cmd: string[]): Promise<string> {
  const c = await docker.createContainer({ Image: image, Cmd: cmd, Labels: { [TEST_LABEL]: '1' } });
  try {
    await c.start();
    await c.wait();
    const buf = (await c.logs({ stdout: true, stderr: false, follow: false })) as unknown as Buffer;
    // No TTY: strip the 8-byte frame headers.
    const parts: Buffer[] = [];
    for (let o = 0; o + 8 <= buf.length; ) {
      const n = buf.readUInt32BE(o + 4);
      parts.push(buf.subarray(o + 8, o + 8 + n));
      o += 8 + n;
    }
    return Buffer.concat(parts).toString('utf8');
  } finally {
    await c.remove({ force: true }).catch(() => undefined);
  }
}

/**
 * Removes the untagged intermediate images a (failed) build left in the cache, by the step image
 * IDs it reported. Tagged images (the base image above all) are never touched here.
 */
export async function removeUntaggedImages(docker: Dockerode, ids: Iterable<string>): Promise<void> {
  for (const id of [...new Set(ids)].reverse()) {
    try {
      const info = await docker.getImage(id).inspect();
      if (info.RepoTags?.length) continue;
      await docker.getImage(info.Id).remove({ noprune: false });
    } catch {
      // in use as a parent of another image or gone already
    }
  }
}

/**
 * Containers whose command mentions `marker` (each test puts a unique marker in its RUN line).
 * Comparing whole container lists would be disturbed by anything else using the same engine.
 */
export async function containersRunning(docker: Dockerode, marker: string): Promise<string[]> {
  const list = await docker.listContainers({ all: true });
  return list.filter((c) => c.Command.includes(marker)).map((c) => `${c.Id.slice(0, 12)} ${c.Command}`);
}
