import * as vscode from 'vscode';
import { formatPortSpec, parsePortSpec, proposePortMappings, type PortMapping } from '../docker/ports';

/**
 * What "Run" uses for one image, remembered per image in workspaceState: port mappings (prefilled
 * from EXPOSE, probed, next free port proposed), publish-all, name, environment, remove on exit.
 */
export interface RunChoices {
  readonly ports: readonly PortMapping[];
  readonly publishAll: boolean;
  readonly name?: string;
  readonly env: Readonly<Record<string, string>>;
  readonly autoRemove: boolean;
  /** -it: a terminal attached to the container instead of following its logs. */
  readonly interactive?: boolean;
}

const KEY_PREFIX = 'dockerfileStudio.run.choices:';

export function rememberedRunChoices(state: vscode.Memento, image: string): RunChoices | undefined {
  return state.get<RunChoices>(KEY_PREFIX + image);
}

export async function rememberRunChoices(state: vscode.Memento, image: string, choices: RunChoices): Promise<void> {
  await state.update(KEY_PREFIX + image, choices);
}

function bindAddress(): string {
  return vscode.workspace.getConfiguration('dockerfileStudio').get<boolean>('run.publishOnLocalhostOnly', true) ? '127.0.0.1' : '';
}

/** Asks the run choices, prefilled; undefined when cancelled. */
export async function askRunChoices(image: string, exposed: readonly string[], previous: RunChoices | undefined): Promise<RunChoices | undefined> {
  const hostIp = bindAddress();
  const proposals = await proposePortMappings(exposed, { hostIp, remembered: previous?.ports });
  const taken = proposals.filter((p) => p.taken !== undefined);
  const portsText = await vscode.window.showInputBox({
    title: vscode.l10n.t('Run {0}: port mappings (-p host:container)', image),
    prompt: taken.length
      ? vscode.l10n.t('Host port {0} is already in use, so {1} is proposed instead. Separate mappings with commas; leave empty for none.', taken.map((t) => t.taken).join(', '), taken.map((t) => t.hostPort).join(', '))
      : exposed.length
        ? vscode.l10n.t('Prefilled from the image\'s EXPOSE. Separate mappings with commas; leave empty for none.')
        : vscode.l10n.t('The image exposes no port. Add mappings like 8080:80, separated by commas, or leave empty.'),
    value: proposals.map(formatPortSpec).join(', '),
    validateInput: (v) => {
      const bad = v.split(',').map((s) => s.trim()).filter((s) => s && !parsePortSpec(s));
      return bad.length ? vscode.l10n.t('Not a port mapping: {0} (write host:container, e.g. 8080:80)', bad.join(', ')) : undefined;
    },
  });
  if (portsText === undefined) return undefined;
  const ports = portsText
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => parsePortSpec(s)!)
    .map((p) => (p.hostIp === undefined && hostIp ? { ...p, hostIp } : p));

  const publishAllLabel = vscode.l10n.t('Publish all exposed ports on random host ports (-P)');
  const autoRemoveLabel = vscode.l10n.t('Remove the container when it stops (--rm)');
  const interactiveLabel = vscode.l10n.t('Interactive terminal (-it): type into the container instead of running it in the background');
  const options = await vscode.window.showQuickPick(
    [
      { label: interactiveLabel, picked: previous?.interactive ?? false },
      { label: autoRemoveLabel, picked: previous?.autoRemove ?? false },
      { label: publishAllLabel, picked: previous?.publishAll ?? false },
    ],
    { title: vscode.l10n.t('Run {0}: options', image), canPickMany: true },
  );
  if (!options) return undefined;

  const name = await vscode.window.showInputBox({
    title: vscode.l10n.t('Run {0}: container name (--name)', image),
    prompt: vscode.l10n.t('Leave empty to let Docker pick a name.'),
    value: previous?.name ?? '',
    validateInput: (v) => (!v || /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(v) ? undefined : vscode.l10n.t('Letters, digits, "_", "." and "-" only, starting with a letter or digit.')),
  });
  if (name === undefined) return undefined;

  const envText = await vscode.window.showInputBox({
    title: vscode.l10n.t('Run {0}: environment variables (-e)', image),
    prompt: vscode.l10n.t('KEY=value pairs separated by spaces; leave empty for none.'),
    value: Object.entries(previous?.env ?? {})
      .map(([k, v]) => `${k}=${v}`)
      .join(' '),
    validateInput: (v) => {
      const bad = v.split(/\s+/).filter((s) => s && !/^[A-Za-z_][A-Za-z0-9_]*=/.test(s));
      return bad.length ? vscode.l10n.t('Write each variable as KEY=value: {0}', bad.join(' ')) : undefined;
    },
  });
  if (envText === undefined) return undefined;
  const env: Record<string, string> = {};
  for (const pair of envText.split(/\s+/).filter(Boolean)) {
    const eq = pair.indexOf('=');
    env[pair.slice(0, eq)] = pair.slice(eq + 1);
  }

  return { ports, publishAll: options.some((o) => o.label === publishAllLabel), name: name || undefined, env, autoRemove: options.some((o) => o.label === autoRemoveLabel), interactive: options.some((o) => o.label === interactiveLabel) };
}

export { bindAddress };
