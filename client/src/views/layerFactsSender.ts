import * as vscode from 'vscode';
import { log } from '../log';
import { findBuildDockerfile } from './imagesDockerfileLink';
import type { LayerAnalysisStore } from './layersAnalysisStore';
import { layerFactsForServer } from './layersLineModel';

/** The language server's notification (server/src/features/layerFacts.ts). */
const LAYER_FACTS = 'dockerfileStudio/layerFacts';

export interface LanguageServerNotifier {
  notify(method: string, params: unknown, replayKey?: string): Promise<void>;
}

/**
 * After each layer analysis (Analyse layers, or the background one after a build), find the
 * workspace Dockerfile that built the image and send the server the wasted files with the lines
 * that added them, so `deleted-in-later-layer` quotes the measured bytes on the deleting line.
 */
export function sendLayerFactsAfterAnalyses(analyses: LayerAnalysisStore, state: vscode.Memento, server: LanguageServerNotifier): vscode.Disposable {
  return analyses.onDidChange((ref) => void send(ref).catch((err: unknown) => log().debug(`layer facts for ${ref}: ${String(err)}`)));

  async function send(ref: string): Promise<void> {
    const analysis = analyses.get(ref);
    if (!analysis) return;
    // The analysed config history is oldest first, the order the line matching expects.
    const link = await findBuildDockerfile(state, [ref, ...analysis.repoTags], analysis.history.map((h) => h.createdBy));
    if (!link) return;
    const facts = layerFactsForServer(analysis.history.map((h) => h.layerIndex), analysis.inefficient, new Map(link.matches.map((m) => [m.step, m.line])));
    // Keyed by the Dockerfile: a server restart gets the latest facts of each file again.
    await server.notify(LAYER_FACTS, { uri: link.uri.toString(), facts }, link.uri.toString());
    log().debug(`layer facts for ${link.uri.fsPath}: ${facts.length} wasted copies from ${ref}`);
  }
}
