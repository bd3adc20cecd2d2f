import * as vscode from 'vscode';
import type { ExtensionContextOwner } from '../contextOwner';
import { ContainersView } from '../views/containersView';
import { BuildCodeLensProvider } from './buildCodeLens';
import { BuildDiagnostics } from './buildDiagnostics';
import { buildCommand } from './buildImage';
import { containerActionTable } from './containerActions';
import { createEngineStatusItem } from './engineStatus';
import { runCommand } from './runImage';

/**
 * Registers build, run and the Containers view on the owner: commands, CodeLens, build
 * diagnostics, the engine status item. Returns the command table for the one registration table.
 */
export function buildAndRunCommands(owner: ExtensionContextOwner): Record<string, (...args: unknown[]) => unknown> {
  const { context, engine } = owner;
  const diagnostics = new BuildDiagnostics();
  const codeLens = new BuildCodeLensProvider();
  const containers = new ContainersView(engine);
  context.subscriptions.push(
    diagnostics,
    codeLens,
    containers,
    vscode.languages.registerCodeLensProvider({ language: 'dockerfile', scheme: 'file' }, codeLens),
    createEngineStatusItem(engine),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('dockerfileStudio.docker.host')) void engine.refresh();
    }),
  );
  // Learn the engine's state early so the status item and the views can explain it.
  void engine.refresh();

  const runDeps = { engine, state: context.workspaceState, onContainersChanged: () => containers.refresh() };
  const run = async (image: string) => {
    await runCommand(runDeps, image, true);
  };
  const buildDeps = { engine, state: context.workspaceState, diagnostics, run };
  return {
    'dockerfileStudio.buildImage': (arg: unknown) => buildCommand(buildDeps, arg, false),
    'dockerfileStudio.buildImageAsk': (arg: unknown) => buildCommand(buildDeps, arg, true),
    'dockerfileStudio.runImage': (arg: unknown) => runCommand(runDeps, arg, !(arg instanceof vscode.Uri)),
    'dockerfileStudio.runImageAsk': (arg: unknown) => runCommand(runDeps, arg, true),
    ...containerActionTable({ engine, refresh: () => containers.refresh() }),
  };
}
