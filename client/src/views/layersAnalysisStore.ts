import * as vscode from 'vscode';
import type { ImageAnalysis } from '../docker/layers/layerAnalysis';

/**
 * The layer analyses run in this window, by image reference and the image id they describe, so
 * the Images tree (paths under each layer) and the Dockerfile lenses (bytes hidden by a line) show
 * the same result without exporting the image again. An entry for an older id is simply stale.
 */
export class LayerAnalysisStore implements vscode.Disposable {
  private readonly entries = new Map<string, { imageId: string; analysis: ImageAnalysis }>();
  private readonly changed = new vscode.EventEmitter<string>();
  readonly onDidChange = this.changed.event;

  set(ref: string, imageId: string, analysis: ImageAnalysis): void {
    this.entries.set(ref, { imageId, analysis });
    this.changed.fire(ref);
  }

  /** The analysis of `ref`, if it describes `imageId` (when given). */
  get(ref: string, imageId?: string): ImageAnalysis | undefined {
    const e = this.entries.get(ref);
    return e && (imageId === undefined || e.imageId === imageId) ? e.analysis : undefined;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
