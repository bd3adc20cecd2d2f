import * as path from 'node:path';
import * as vscode from 'vscode';
import { defaultTagFor, type ScannedDockerfile } from '../docker/dockerfileScan';

/**
 * What a build of one Dockerfile uses, remembered per Dockerfile in workspaceState so that one
 * click rebuilds with the same choices; "Build image…" asks again, prefilled with them.
 */
export interface BuildChoices {
  readonly contextDir: string;
  readonly tag: string;
  readonly target?: string;
  readonly buildArgs: Readonly<Record<string, string>>;
  readonly noCache: boolean;
  readonly pull: boolean;
  readonly platform?: string;
}

const KEY_PREFIX = 'dockerfileStudio.build.choices:';

export function defaultBuildChoices(dockerfile: vscode.Uri): BuildChoices {
  const contextDir = path.dirname(dockerfile.fsPath);
  return { contextDir, tag: defaultTagFor(path.basename(contextDir)), buildArgs: {}, noCache: false, pull: false };
}

export function rememberedBuildChoices(state: vscode.Memento, dockerfile: vscode.Uri): BuildChoices | undefined {
  return state.get<BuildChoices>(KEY_PREFIX + dockerfile.toString());
}

export async function rememberBuildChoices(state: vscode.Memento, dockerfile: vscode.Uri, choices: BuildChoices): Promise<void> {
  await state.update(KEY_PREFIX + dockerfile.toString(), choices);
}

/** The last tag built from this Dockerfile, for "Run" after a build. */
export function rememberedTag(state: vscode.Memento, dockerfile: vscode.Uri): string | undefined {
  return rememberedBuildChoices(state, dockerfile)?.tag;
}

/** Asks every choice, prefilled with `previous`; undefined when the user cancels. */
export async function askBuildChoices(dockerfile: vscode.Uri, scan: ScannedDockerfile, previous: BuildChoices): Promise<BuildChoices | undefined> {
  const contextDir = await askContext(dockerfile, previous.contextDir);
  if (contextDir === undefined) return undefined;

  const tag = await vscode.window.showInputBox({
    title: vscode.l10n.t('Build image: tag'),
    prompt: vscode.l10n.t('Image name and tag, like docker build -t (name:tag, lower case).'),
    value: contextDir === previous.contextDir ? previous.tag : defaultTagFor(path.basename(contextDir)),
    validateInput: (v) => (/^[a-z0-9]+([._-]+[a-z0-9]+)*(\/[a-z0-9]+([._-]+[a-z0-9]+)*)*(:[\w][\w.-]{0,127})?$/.test(v.trim()) || /^[a-z0-9.-]+(:\d+)?\//.test(v.trim()) ? undefined : vscode.l10n.t('Use lower-case letters, digits, ".", "_", "-" and "/", then an optional ":tag".')),
  });
  if (tag === undefined) return undefined;

  let target = previous.target;
  const named = scan.stages.filter((s) => s.name);
  if (named.length) {
    const lastLabel = vscode.l10n.t('(last stage)');
    const items: vscode.QuickPickItem[] = [{ label: lastLabel, description: vscode.l10n.t('build the whole file') }, ...named.map((s) => ({ label: s.name!, description: vscode.l10n.t('stage {0}: FROM {1}', s.index, s.image), picked: s.name === previous.target }))];
    const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Build image: target stage (--target)'), placeHolder: previous.target ?? lastLabel });
    if (!pick) return undefined;
    target = pick.label === lastLabel ? undefined : pick.label;
  }

  const buildArgs: Record<string, string> = { ...previous.buildArgs };
  const argNames = [...new Set(scan.args.map((a) => a.name))];
  if (argNames.length) {
    const picks = await vscode.window.showQuickPick(
      argNames.map((name) => {
        const def = scan.args.find((a) => a.name === name && a.defaultValue !== undefined)?.defaultValue;
        return { label: name, description: buildArgs[name] !== undefined ? `= ${buildArgs[name]}` : def !== undefined ? vscode.l10n.t('default: {0}', def) : vscode.l10n.t('no default'), picked: buildArgs[name] !== undefined };
      }),
      { title: vscode.l10n.t('Build image: build arguments to set (--build-arg)'), canPickMany: true, placeHolder: vscode.l10n.t('Pick the ARGs to give a value; the others keep their defaults') },
    );
    if (!picks) return undefined;
    for (const name of Object.keys(buildArgs)) if (!picks.some((p) => p.label === name)) delete buildArgs[name];
    for (const p of picks) {
      const def = scan.args.find((a) => a.name === p.label && a.defaultValue !== undefined)?.defaultValue;
      const value = await vscode.window.showInputBox({ title: vscode.l10n.t('Build argument {0}', p.label), value: buildArgs[p.label] ?? def ?? '' });
      if (value === undefined) return undefined;
      buildArgs[p.label] = value;
    }
  }

  const noCacheLabel = vscode.l10n.t('No cache (--no-cache)');
  const pullLabel = vscode.l10n.t('Always pull base images (--pull)');
  const options = await vscode.window.showQuickPick(
    [
      { label: noCacheLabel, description: vscode.l10n.t('rebuild every step'), picked: previous.noCache },
      { label: pullLabel, description: vscode.l10n.t('check the registry for newer base images'), picked: previous.pull },
    ],
    { title: vscode.l10n.t('Build image: options'), canPickMany: true },
  );
  if (!options) return undefined;

  const platform = await vscode.window.showInputBox({
    title: vscode.l10n.t('Build image: platform (--platform)'),
    prompt: vscode.l10n.t('Leave empty for the engine\'s own platform, or e.g. linux/amd64, linux/arm64.'),
    value: previous.platform ?? '',
    validateInput: (v) => (!v.trim() || /^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/.test(v.trim()) ? undefined : vscode.l10n.t('Write it as os/architecture, e.g. linux/amd64.')),
  });
  if (platform === undefined) return undefined;

  return {
    contextDir,
    tag: tag.trim(),
    target,
    buildArgs,
    noCache: options.some((o) => o.label === noCacheLabel),
    pull: options.some((o) => o.label === pullLabel),
    platform: platform.trim() || undefined,
  };
}

async function askContext(dockerfile: vscode.Uri, previous: string): Promise<string | undefined> {
  const dockerfileDir = path.dirname(dockerfile.fsPath);
  const workspace = vscode.workspace.getWorkspaceFolder(dockerfile)?.uri.fsPath;
  const candidates = [...new Set([previous, dockerfileDir, ...(workspace ? [workspace] : [])])];
  const choose = vscode.l10n.t('Choose another folder…');
  const items: vscode.QuickPickItem[] = [
    ...candidates.map((dir) => ({ label: vscode.workspace.asRelativePath(dir, true) || dir, description: dir === dockerfileDir ? vscode.l10n.t('the Dockerfile\'s folder') : dir === workspace ? vscode.l10n.t('workspace folder') : undefined, detail: dir })),
    { label: choose },
  ];
  const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Build image: context folder (what is sent to the engine)') });
  if (!pick) return undefined;
  if (pick.label !== choose) return pick.detail;
  const folder = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, defaultUri: vscode.Uri.file(dockerfileDir), openLabel: vscode.l10n.t('Use as build context') });
  return folder?.[0]?.fsPath;
}
