import * as vscode from 'vscode';
import type { BuildStepRecord } from '../docker/buildCache';

/**
 * What the last build of each Dockerfile said about its steps (which came from the cache), kept
 * in workspaceState next to the remembered build choices, so the layer-size lenses can add
 * "cached" to the lines of the image that build produced.
 */
const PREFIX = 'dockerfileStudio.build.steps:';

export interface RememberedBuildSteps {
  readonly imageId: string;
  readonly steps: readonly BuildStepRecord[];
}

const changed = new vscode.EventEmitter<vscode.Uri>();
/** Fires after a build of a Dockerfile recorded its steps (the lenses refresh on it). */
export const onDidRememberBuildSteps = changed.event;

export async function rememberBuildSteps(state: vscode.Memento, dockerfile: vscode.Uri, record: RememberedBuildSteps): Promise<void> {
  await state.update(PREFIX + dockerfile.toString(), record);
  changed.fire(dockerfile);
}

export function rememberedBuildSteps(state: vscode.Memento, dockerfile: vscode.Uri): RememberedBuildSteps | undefined {
  return state.get<RememberedBuildSteps>(PREFIX + dockerfile.toString());
}

/** The classic builder reports "sha256:<64 hex>" or a 12-digit short id; compare the hex digits. */
export function sameImage(a: string, b: string): boolean {
  const x = a.replace(/^sha256:/, '');
  const y = b.replace(/^sha256:/, '');
  return x.length > 0 && y.length > 0 && (x.startsWith(y) || y.startsWith(x));
}
