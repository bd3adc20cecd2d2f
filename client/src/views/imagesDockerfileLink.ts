import * as vscode from 'vscode';
import { log } from '../log';
import { matchHistoryToDockerfile, type LineMatch } from './layersLineModel';

/**
 * Which workspace Dockerfile built an image: first the Dockerfile whose remembered build tag
 * (workspaceState, written by the build command) is the image's tag; otherwise any workspace
 * Dockerfile whose last stage recognisably matches the image's history.
 */
const CHOICES_PREFIX = 'dockerfileStudio.build.choices:';
const GLOB = '**/{Dockerfile,Containerfile,*.Dockerfile,*.dockerfile,*.containerfile,Dockerfile.*,Containerfile.*}';

export async function findBuildDockerfile(state: vscode.Memento, tags: string[], historyOldestFirst: string[]): Promise<{ uri: vscode.Uri; matches: LineMatch[] } | undefined> {
  const tried = new Set<string>();
  const attempt = async (uri: vscode.Uri): Promise<{ uri: vscode.Uri; matches: LineMatch[] } | undefined> => {
    if (tried.has(uri.toString())) return undefined;
    tried.add(uri.toString());
    try {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      const matches = matchHistoryToDockerfile(historyOldestFirst, text);
      return matches ? { uri, matches } : undefined;
    } catch (err) {
      log().debug(`layer links: cannot read ${uri.toString()}: ${String(err)}`);
      return undefined;
    }
  };
  for (const key of state.keys()) {
    if (!key.startsWith(CHOICES_PREFIX)) continue;
    const choices = state.get<{ tag?: string }>(key);
    if (choices?.tag && tags.some((t) => t === choices.tag || t === `${choices.tag}:latest`)) {
      const found = await attempt(vscode.Uri.parse(key.slice(CHOICES_PREFIX.length)));
      if (found) return found;
    }
  }
  if (!vscode.workspace.workspaceFolders?.length) return undefined;
  for (const uri of await vscode.workspace.findFiles(GLOB, '**/node_modules/**', 50)) {
    const found = await attempt(uri);
    if (found) return found;
  }
  return undefined;
}
