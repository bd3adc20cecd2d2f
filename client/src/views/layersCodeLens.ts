import * as vscode from 'vscode';
import { onDidRememberBuildSteps, rememberedBuildSteps, sameImage } from '../commands/buildStepsMemory';
import { cachedLines } from '../docker/buildCache';
import type { EngineService } from '../docker/engineService';
import { formatBytes } from '../docker/layers/formatBytes';
import { analyseEngineImage } from '../docker/layers/analyseImage';
import { imageHistory } from '../docker/layers/imageActions';
import { log } from '../log';
import { isMetadataStep } from './imagesModel';
import type { LayerAnalysisStore } from './layersAnalysisStore';
import { matchHistoryToDockerfile, sizeAnnotations, wasteAnnotations, type SizeAnnotation, type WasteAnnotation } from './layersLineModel';

/**
 * After a build, each instruction that made a layer shows what it added ("+141 MB"), metadata
 * steps show "no layer". The image is the tag last built from this Dockerfile (remembered by the
 * build command); lines come from matching the image history to the text, so they stay right
 * after edits that keep the instruction, and after rebuilds with cached steps.
 */
const CHOICES_PREFIX = 'dockerfileStudio.build.choices:';
/** How long an image's history is trusted before asking the engine again (a rebuild moves the tag). */
const FRESH_MS = 3000;
/** Images up to this size are analysed after a build without being asked (a few seconds at most). */
const AUTO_ANALYSE_BYTES = 300 * 1000 * 1000;

export class LayerSizeCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly cache = new Map<string, { at: number; imageId: string; history: { createdBy: string; size: number }[] }>();

  private readonly timer: NodeJS.Timeout;
  private readonly buildSub: vscode.Disposable;
  /** Image ids analysed (or being analysed) in the background, by "tag@id". */
  private readonly analysing = new Set<string>();

  constructor(private readonly engine: EngineService, private readonly state: vscode.Memento, private readonly analyses: LayerAnalysisStore) {
    // A build elsewhere (our command, a terminal) moves the tag to a new image: notice it while a
    // Dockerfile with a remembered tag is visible, with one cheap inspect per poll.
    this.timer = setInterval(() => void this.pollForRebuild(), 4000);
    // A rebuild that reused every step keeps the image id: the poll would not notice the new "cached".
    this.buildSub = onDidRememberBuildSteps(() => this.refresh());
  }

  private async pollForRebuild(): Promise<void> {
    if (this.engine.state.kind !== 'connected') return;
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.languageId !== 'dockerfile') continue;
      const tag = this.state.get<{ tag?: string }>(CHOICES_PREFIX + editor.document.uri.toString())?.tag;
      if (!tag) continue;
      try {
        const { docker } = await this.engine.get();
        const id = (await docker.getImage(tag).inspect()).Id;
        if (this.cache.get(tag)?.imageId !== id) {
          this.refresh();
          return;
        }
      } catch {
        // not built yet: nothing to show
      }
    }
  }

  refresh(): void {
    this.cache.clear();
    this.changed.fire();
  }

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    const tag = this.state.get<{ tag?: string }>(CHOICES_PREFIX + document.uri.toString())?.tag;
    if (!tag || this.engine.state.kind !== 'connected') return [];
    let annotations: SizeAnnotation[];
    let waste: WasteAnnotation[] = [];
    let imageId: string;
    let cached = new Set<number>();
    try {
      const entry = await this.history(tag);
      if (!entry || token.isCancellationRequested) return [];
      imageId = entry.imageId;
      const text = document.getText();
      annotations = sizeAnnotations(entry.history, text, formatBytes, isMetadataStep);
      // "cached" only when our last build of this Dockerfile produced this very image.
      const build = rememberedBuildSteps(this.state, document.uri);
      if (build && sameImage(build.imageId, imageId)) cached = cachedLines(build.steps, text);
      // With an analysis of this very image (Analyse layers), also say what each line hides.
      const analysis = this.analyses.get(tag, imageId);
      if (analysis && analysis.history.length === entry.history.length) {
        const matches = matchHistoryToDockerfile(entry.history.slice().reverse().map((h) => h.createdBy), text) ?? [];
        waste = wasteAnnotations(analysis.history.map((h) => h.layerIndex), analysis.inefficient, new Map(matches.map((m) => [m.step, m.line])));
      }
    } catch (err) {
      log().debug(`layer size lenses for ${tag}: ${String(err)}`);
      return [];
    }
    const wasteLenses = waste.map((w) => {
      const range = new vscode.Range(w.line, 0, w.line, 0);
      const lines = w.addedAtLines.map((l) => String(l + 1)).join(', ');
      const title = lines
        ? `$(warning) ${vscode.l10n.t('hides {0} added at line {1}: the bytes stay in that layer', formatBytes(w.bytes), lines)}`
        : `$(warning) ${vscode.l10n.t('hides {0} added by the base image: the bytes stay in its layers', formatBytes(w.bytes))}`;
      const tooltip = vscode.l10n.t('Deleting or overwriting files in a later instruction does not shrink the image ({0} paths). Remove them in the same RUN that creates them.', w.paths);
      return new vscode.CodeLens(range, { title, tooltip, command: 'dockerfileStudio.images.analyseLayers', arguments: [tag] });
    });
    return [...wasteLenses, ...annotations.map((a) => {
      const range = new vscode.Range(a.line, 0, a.line, 0);
      const fromCache = cached.has(a.line);
      const cachedSuffix = fromCache ? ` · ${vscode.l10n.t('cached')}` : '';
      const title = a.emptyLayer ? `$(symbol-property) ${vscode.l10n.t('no layer: metadata only')}${cachedSuffix}` : `$(layers) ${a.text}${cachedSuffix}`;
      const size = a.emptyLayer
        ? vscode.l10n.t('In {0}, this instruction changed only the image configuration: it adds no bytes.', tag)
        : vscode.l10n.t('In {0} ({1}), the layer this instruction made adds {2} bytes.', tag, imageId.replace(/^sha256:/, '').slice(0, 12), a.bytes.toLocaleString('en-US'));
      const tooltip = fromCache ? `${size}\n${vscode.l10n.t('The last build reused this step from the build cache instead of running it again: the instruction, its files and every step before it were unchanged.')}` : size;
      return new vscode.CodeLens(range, { title, tooltip, command: 'dockerfileStudio.images.analyseLayers', arguments: [tag] });
    })];
  }

  private async history(tag: string): Promise<{ imageId: string; history: { createdBy: string; size: number }[] } | undefined> {
    const cached = this.cache.get(tag);
    if (cached && Date.now() - cached.at < FRESH_MS) return cached;
    const { docker } = await this.engine.get();
    let imageId: string;
    let imageSize: number;
    try {
      const info = await docker.getImage(tag).inspect();
      imageId = info.Id;
      imageSize = info.Size;
    } catch {
      this.cache.delete(tag);
      return undefined; // not built yet, or removed
    }
    const history = cached?.imageId === imageId ? cached.history : await imageHistory(docker, tag);
    if (imageSize <= AUTO_ANALYSE_BYTES) this.analyseInBackground(docker, tag, imageId);
    const entry = { at: Date.now(), imageId, history };
    this.cache.set(tag, entry);
    return entry;
  }

  /**
   * For images up to AUTO_ANALYSE_BYTES, analyse the export once per image id so the line that
   * deletes files shows what it really hides without the user asking; bigger images wait for
   * "Analyse layers" (the export of a 2 GB image is not something to start unasked).
   */
  private analyseInBackground(docker: Parameters<typeof imageHistory>[0], tag: string, imageId: string): void {
    const key = `${tag}@${imageId}`;
    // One attempt per image id: a failure is logged, not retried on every keystroke.
    if (this.analyses.get(tag, imageId) || this.analysing.has(key)) return;
    this.analysing.add(key);
    analyseEngineImage(docker, tag)
      .then((analysis) => this.analyses.set(tag, imageId, analysis))
      .catch((err: unknown) => log().debug(`background layer analysis of ${tag}: ${String(err)}`));
  }

  dispose(): void {
    clearInterval(this.timer);
    this.buildSub.dispose();
    this.changed.dispose();
  }
}
