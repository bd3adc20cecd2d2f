import * as vscode from 'vscode';
import { formatBytes } from '../docker/registry/manifests';
import type { TransferSnapshot } from '../docker/registry/transferProgress';

/**
 * Turns transfer snapshots into a cancellable notification's progress: "layer 3/5 pushed ·
 * 1.2 MB / 2.8 MB", advancing the bar by byte fraction (or layer fraction before sizes are known).
 */
export class TransferProgressReporter {
  private reported = 0;

  constructor(
    private readonly progress: vscode.Progress<{ message?: string; increment?: number }>,
    private readonly direction: 'push' | 'pull',
  ) {}

  update(s: TransferSnapshot): void {
    const parts: string[] = [];
    if (s.layersTotal > 0) {
      parts.push(
        this.direction === 'push'
          ? vscode.l10n.t('layer {0}/{1} pushed', s.layersDone, s.layersTotal)
          : vscode.l10n.t('layer {0}/{1} pulled', s.layersDone, s.layersTotal),
      );
    }
    if (s.bytesTotal > 0) parts.push(`${formatBytes(s.bytesDone)} / ${formatBytes(s.bytesTotal)}`);
    const fraction = s.bytesTotal > 0 ? s.bytesDone / s.bytesTotal : s.layersTotal > 0 ? s.layersDone / s.layersTotal : 0;
    const target = Math.round(fraction * 100);
    const increment = Math.max(0, target - this.reported);
    this.reported += increment;
    this.progress.report({ message: parts.join(' · '), ...(increment ? { increment } : {}) });
  }
}

/** Bridges a VS Code cancellation token to an AbortSignal (dockerode and our HTTP client take signals). */
export function abortSignalFor(token: vscode.CancellationToken): { signal: AbortSignal; dispose(): void } {
  const ctrl = new AbortController();
  const sub = token.onCancellationRequested(() => ctrl.abort());
  if (token.isCancellationRequested) ctrl.abort();
  return { signal: ctrl.signal, dispose: () => sub.dispose() };
}
