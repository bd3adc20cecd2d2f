import * as path from 'node:path';
import * as vscode from 'vscode';
import { buildImage, BuildFailedError, type BuildProgressEvent } from '../docker/build';
import { scanDockerfile } from '../docker/dockerfileScan';
import type { EngineService } from '../docker/engineService';
import { log } from '../log';
import { askBuildChoices, defaultBuildChoices, rememberBuildChoices, rememberedBuildChoices, type BuildChoices } from './buildChoices';
import type { BuildDiagnostics } from './buildDiagnostics';
import { rememberBuildSteps } from './buildStepsMemory';
import { showCommandError } from './engineErrorUi';
import { localize } from './localize';
import { OutputTerminal } from './outputTerminal';

/**
 * "Build image" (remembered choices, one click) and "Build image…" (asks again): a cancellable
 * notification with the current step, the full log live in a terminal, and errors on the line.
 */
export interface BuildCommandDeps {
  readonly engine: EngineService;
  readonly state: vscode.Memento;
  readonly diagnostics: BuildDiagnostics;
  /** Runs the image just built (the notification's "Run" button). */
  readonly run: (image: string, dockerfile?: vscode.Uri) => Promise<void>;
}

let terminal: OutputTerminal | undefined;
function buildTerminal(): OutputTerminal {
  if (!terminal || terminal.isClosed) terminal = new OutputTerminal(vscode.l10n.t('Docker build'), 'package');
  return terminal;
}

/** The Dockerfile a command is about: the explorer/CodeLens argument, else the active editor. */
export function dockerfileFromArgs(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  const editor = vscode.window.activeTextEditor;
  if (editor && (editor.document.languageId === 'dockerfile' || /(^|[./])(Dockerfile|Containerfile)/i.test(path.basename(editor.document.uri.fsPath)))) return editor.document.uri;
  return undefined;
}

export async function buildCommand(deps: BuildCommandDeps, arg: unknown, ask: boolean): Promise<string | undefined> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Building runs the Dockerfile\'s commands, so it is turned off until you trust this workspace.'));
    return undefined;
  }
  const dockerfile = dockerfileFromArgs(arg);
  if (!dockerfile) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a Dockerfile (or right-click one in the Explorer) to build it.'));
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument(dockerfile);
  if (document.isDirty) await document.save();
  const scan = scanDockerfile(document.getText());
  const remembered = rememberedBuildChoices(deps.state, dockerfile);
  let choices: BuildChoices = remembered ?? defaultBuildChoices(dockerfile);
  if (ask || !remembered) {
    const asked = await askBuildChoices(dockerfile, scan, choices);
    if (!asked) return undefined;
    choices = asked;
  }
  await rememberBuildChoices(deps.state, dockerfile, choices);

  let connection;
  try {
    connection = await deps.engine.get();
  } catch (err) {
    await showCommandError(vscode.l10n.t('Build image'), err, () => buildCommand(deps, dockerfile, false));
    return undefined;
  }

  const out = buildTerminal();
  out.reveal();
  out.writeLine(`\x1b[1m$ docker build -t ${choices.tag}${choices.target ? ` --target ${choices.target}` : ''}${choices.noCache ? ' --no-cache' : ''}${choices.pull ? ' --pull' : ''}${choices.platform ? ` --platform ${choices.platform}` : ''}${Object.entries(choices.buildArgs).map(([k, v]) => ` --build-arg ${k}=${v}`).join('')} -f ${vscode.workspace.asRelativePath(dockerfile)} ${contextForDisplay(choices.contextDir, dockerfile)}\x1b[0m`);
  log().info(`build ${dockerfile.fsPath} → ${choices.tag} (context ${choices.contextDir})`);

  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Building {0}', choices.tag), cancellable: true },
    async (progress, token) => {
      const ctrl = new AbortController();
      const sub = token.onCancellationRequested(() => ctrl.abort());
      let lastStep = 0;
      const onEvent = (e: BuildProgressEvent) => {
        switch (e.type) {
          case 'output':
            out.write(e.text);
            break;
          case 'status':
            out.writeLine(`${e.id ? `${e.id}: ` : ''}${e.status}${e.progress ? ` ${e.progress}` : ''}`);
            break;
          case 'error':
            out.writeLine(`\x1b[31m${e.message}\x1b[0m`);
            break;
          case 'step': {
            // BuildKit numbers per stage and runs stages in parallel: never move the bar backwards.
            const increment = e.total && e.step > lastStep ? ((e.step - lastStep) / e.total) * 100 : undefined;
            lastStep = Math.max(lastStep, e.step);
            progress.report({ message: vscode.l10n.t('Step {0}/{1}: {2}', e.step, e.total, e.instruction.length > 60 ? `${e.instruction.slice(0, 57)}…` : e.instruction), increment });
            break;
          }
          case 'large-context':
            void vscode.window.showWarningMessage(
              vscode.l10n.t('The build context is over {0} MB and has no .dockerignore: everything in {1} is sent to the engine. Add a .dockerignore (node_modules, .git, build output) to make builds faster.', Math.round(e.stats.bytes / 1048576), choices.contextDir),
            );
            break;
          default:
            break;
        }
      };
      try {
        const result = await buildImage(connection.docker, {
          contextDir: choices.contextDir,
          dockerfile: dockerfile.fsPath,
          tag: choices.tag,
          target: choices.target,
          buildArgs: choices.buildArgs,
          noCache: choices.noCache,
          pull: choices.pull,
          platform: choices.platform,
          builder: vscode.workspace.getConfiguration('dockerfileStudio').get<'classic' | 'buildkit'>('build.builder', 'classic'),
          signal: ctrl.signal,
          onEvent,
        });
        deps.diagnostics.clear(dockerfile);
        out.writeLine(`\x1b[32m${vscode.l10n.t('Built {0} ({1} steps, {2} from cache)', choices.tag, result.steps, result.cacheHits)}\x1b[0m`);
        log().info(`built ${choices.tag} ${result.imageId}`);
        // The layer-size lenses add "cached" to the lines this build took from the cache.
        await rememberBuildSteps(deps.state, dockerfile, { imageId: result.imageId, steps: result.stepCache });
        const runLabel = vscode.l10n.t('Run');
        const pushLabel = vscode.l10n.t('Tag and Push…');
        void vscode.window.showInformationMessage(vscode.l10n.t('Built {0}.', choices.tag), runLabel, pushLabel).then((pick) => {
          if (pick === runLabel) return deps.run(choices.tag, dockerfile);
          // Straight from a build to a registry: the push command asks where, with the tag prefilled.
          if (pick === pushLabel) return vscode.commands.executeCommand('dockerfileStudio.images.tagAndPush', choices.tag);
          return undefined;
        });
        return choices.tag;
      } catch (err) {
        if (err instanceof BuildFailedError) {
          if (err.failure.kind === 'cancelled') {
            out.writeLine(`\x1b[33m${vscode.l10n.t('Build cancelled.')}\x1b[0m`);
            return undefined;
          }
          deps.diagnostics.report(dockerfile, err.failure, document);
          log().warn(`build of ${dockerfile.fsPath} failed: ${err.failure.message}`);
          // Not awaited: the progress notification must close now, not when the user answers.
          void showBuildFailure(err, document, out);
          return undefined;
        }
        void deps.engine.recheck();
        void showCommandError(vscode.l10n.t('Build image'), err);
        return undefined;
      } finally {
        sub.dispose();
      }
    },
  );
}

async function showBuildFailure(err: BuildFailedError, document: vscode.TextDocument, out: OutputTerminal): Promise<void> {
  const where = err.failure.line !== undefined ? vscode.l10n.t(' (line {0})', err.failure.line + 1) : '';
  const showLine = vscode.l10n.t('Go to Line');
  const showOutput = vscode.l10n.t('Show Build Log');
  const pick = await vscode.window.showErrorMessage(`${vscode.l10n.t('Build failed{0}:', where)} ${localize(err.failure.explanation)}`, ...(err.failure.line !== undefined ? [showLine] : []), showOutput);
  if (pick === showLine && err.failure.line !== undefined) {
    const editor = await vscode.window.showTextDocument(document);
    const pos = new vscode.Position(err.failure.line, 0);
    editor.selection = new vscode.Selection(pos, pos);
    editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenter);
  }
  if (pick === showOutput) out.reveal();
}

/** The context as the equivalent `docker build` command would name it from the workspace folder. */
function contextForDisplay(contextDir: string, dockerfile: vscode.Uri): string {
  const root = vscode.workspace.getWorkspaceFolder(dockerfile)?.uri.fsPath;
  if (!root) return contextDir;
  const rel = path.relative(root, contextDir);
  return rel === '' ? '.' : rel.startsWith('..') || path.isAbsolute(rel) ? contextDir : rel;
}
