import { spawnSync } from 'node:child_process';

/**
 * Side-effect checks against the test engine with the docker CLI (installed and started by
 * scripts/start-test-engine.sh): what the extension did must be real, not only on screen.
 */
export function docker(args: string[]): { ok: boolean; out: string } {
  const r = spawnSync('docker', args, { encoding: 'utf8', timeout: 60_000 });
  return { ok: r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}`.trim() };
}

export function imageExists(ref: string): boolean {
  return docker(['image', 'inspect', ref]).ok;
}

/** Removes what a test created; never fails the test (the resource may already be gone). */
export function removeImage(ref: string): void {
  docker(['image', 'rm', '-f', ref]);
}

export function removeContainer(name: string): void {
  docker(['rm', '-f', name]);
}

export function containerState(name: string): string | undefined {
  const r = docker(['container', 'inspect', '-f', '{{.State.Status}}', name]);
  return r.ok ? r.out : undefined;
}

/** A name no other run (or other test suite on the same engine) uses. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${process.pid}-${Date.now().toString(36)}`;
}
