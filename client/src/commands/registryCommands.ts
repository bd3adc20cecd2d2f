import * as vscode from 'vscode';
import type { ExtensionContextOwner } from '../contextOwner';
import { staticCredentials } from '../docker/registry/credentials';
import { parseRegistryAddress, type RegistryAddress } from '../docker/registry/registryAddress';
import { RegistryClient } from '../docker/registry/registryClient';
import { RegistryError } from '../docker/registry/registryErrors';
import { log } from '../log';
import type { PlatformNode, RegistriesNode, TagNode } from '../views/registriesModel';
import { RegistriesStore } from '../views/registriesStore';
import { RegistriesView } from '../views/registriesView';
import { localize } from './localize';
import { pullCommand } from './pullImage';
import { showRegistryError } from './registryErrorUi';
import { tagAndPushCommand } from './registryPush';

/**
 * Registers the Registries view and its commands on the owner (add/remove a registry, sign in and
 * out, refresh, load more, pull, copy reference/digest, delete tag) plus "Tag and Push…" and
 * "Pull Image…". Returns the command table for the one registration table.
 */
export function registryCommands(owner: ExtensionContextOwner): Record<string, (...args: unknown[]) => unknown> {
  const { context, engine } = owner;
  const store = new RegistriesStore(context);
  const view = new RegistriesView(store);
  context.subscriptions.push(store, view);

  const refreshRegistry = (host: string) => {
    store.forget(host);
  };
  const hostOf = (arg: unknown): string | undefined => {
    if (typeof arg === 'string') return arg;
    const n = arg as RegistriesNode | undefined;
    if (n?.kind === 'registry') return n.entry.host;
    if (n?.kind === 'message') return n.signInHost;
    return undefined;
  };

  return {
    'dockerfileStudio.registries.add': () => addRegistry(store),
    'dockerfileStudio.registries.remove': async (arg: unknown) => {
      const host = hostOf(arg);
      if (!host) return;
      const remove = vscode.l10n.t('Remove');
      const ok = await vscode.window.showWarningMessage(vscode.l10n.t('Remove {0} from the Registries view? Its saved sign-in is deleted too; images in the registry are not touched.', host), { modal: true }, remove);
      if (ok === remove) await store.remove(host);
    },
    'dockerfileStudio.registries.signIn': async (arg: unknown) => {
      let host = hostOf(arg);
      if (!host) {
        const typed = await vscode.window.showInputBox({
          title: vscode.l10n.t('Sign in to a registry'),
          prompt: vscode.l10n.t('Registry address (host:port)'),
          placeHolder: 'localhost:5000',
          validateInput: (v) => {
            const r = parseRegistryAddress(v);
            return r.ok ? undefined : localize(r.problem);
          },
        });
        const parsed = typed === undefined ? undefined : parseRegistryAddress(typed);
        if (!parsed?.ok) return;
        host = parsed.address.host;
      }
      const entry = await store.entry(host);
      await signIn(store, { host, insecure: entry?.insecure ?? false, protocol: entry?.protocol ?? 'auto' });
    },
    'dockerfileStudio.registries.signOut': async (arg: unknown) => {
      const host = hostOf(arg);
      if (host) await store.signOut(host);
    },
    'dockerfileStudio.registries.refresh': (arg: unknown) => view.refresh(arg as RegistriesNode | undefined),
    'dockerfileStudio.registries.loadMore': async (arg: unknown) => {
      try {
        await view.loadMore(arg as RegistriesNode);
      } catch (err) {
        await showRegistryError(vscode.l10n.t('Load more'), err);
      }
    },
    'dockerfileStudio.registries.pull': (arg: unknown) => pullCommand({ engine, credentials: store.credentials() }, arg),
    'dockerfileStudio.pullImage': (arg: unknown) => pullCommand({ engine, credentials: store.credentials() }, arg),
    'dockerfileStudio.registries.copyReference': async (arg: unknown) => {
      const n = arg as TagNode | PlatformNode | undefined;
      if (n?.reference) await vscode.env.clipboard.writeText(n.reference);
    },
    'dockerfileStudio.registries.copyDigest': async (arg: unknown) => {
      const n = arg as TagNode | PlatformNode | undefined;
      const digest = n?.kind === 'platform' ? n.digest : n?.kind === 'tag' ? n.details?.digest : undefined;
      if (digest) await vscode.env.clipboard.writeText(digest);
      else void vscode.window.showInformationMessage(vscode.l10n.t('The digest is still loading; try again in a moment.'));
    },
    'dockerfileStudio.registries.deleteTag': (arg: unknown) => deleteTag(store, view, arg as TagNode),
    'dockerfileStudio.images.tagAndPush': (arg: unknown) => tagAndPushCommand({ engine, store, onPushed: refreshRegistry }, arg),
  };
}

async function addRegistry(store: RegistriesStore): Promise<void> {
  const input = await vscode.window.showInputBox({
    title: vscode.l10n.t('Add registry'),
    prompt: vscode.l10n.t('Registry address: host and port (localhost:5000, 192.168.0.10:5000), ghcr.io or docker.io. Start with http:// for a registry without TLS.'),
    placeHolder: 'localhost:5000',
    validateInput: (v) => {
      const r = parseRegistryAddress(v);
      return r.ok ? undefined : localize(r.problem);
    },
  });
  if (input === undefined) return;
  const parsed = parseRegistryAddress(input);
  if (!parsed.ok) return;
  let address = parsed.address;
  const result = await check(store, address);
  if (result instanceof RegistryError && result.kind === 'http-vs-https' && !address.insecure) {
    const useHttp = vscode.l10n.t('Use plain HTTP');
    const pick = await vscode.window.showWarningMessage(`${localize(result.problem.summary)} ${localize(result.problem.fix)}`, { modal: true }, useHttp);
    if (pick !== useHttp) return;
    address = { ...address, insecure: true };
  } else if (result instanceof RegistryError && (result.kind === 'unauthorized' || result.kind === 'wrong-credentials')) {
    await store.add(address);
    await signIn(store, address);
    return;
  } else if (result instanceof RegistryError) {
    const addAnyway = vscode.l10n.t('Add Anyway');
    const pick = await vscode.window.showWarningMessage(`${localize(result.problem.summary)} ${localize(result.problem.fix)}`, addAnyway);
    if (pick !== addAnyway) return;
  }
  await store.add(address);
}

/** Pings the registry with the credentials we already have; returns the error instead of throwing. */
async function check(store: RegistriesStore, address: RegistryAddress): Promise<RegistryError | undefined> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Contacting {0}…', address.host) }, async () => {
    try {
      await new RegistryClient({ registry: address.host, protocol: address.protocol, insecure: address.insecure, credentials: store.credentials(), timeoutMs: 10_000 }).ping();
      return undefined;
    } catch (err) {
      if (err instanceof RegistryError) return err;
      throw err;
    }
  });
}

async function signIn(store: RegistriesStore, address: RegistryAddress): Promise<void> {
  const username = await vscode.window.showInputBox({ title: vscode.l10n.t('Sign in to {0}: user name', address.host), prompt: vscode.l10n.t('User name'), ignoreFocusOut: true });
  if (!username) return;
  const password = await vscode.window.showInputBox({
    title: vscode.l10n.t('Sign in to {0}: password', address.host),
    prompt: vscode.l10n.t('Password or access token (kept in VS Code secret storage, never in settings or logs)'),
    password: true,
    ignoreFocusOut: true,
  });
  if (!password) return;
  // Check before storing, so a typo is caught now rather than on the next push.
  const client = new RegistryClient({ registry: address.host, protocol: address.protocol, insecure: address.insecure, credentials: staticCredentials(username, password), timeoutMs: 10_000 });
  try {
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Signing in to {0}…', address.host) }, () => client.ping());
  } catch (err) {
    await showRegistryError(vscode.l10n.t('Sign in'), err, address.host);
    return;
  }
  await store.signIn(address.host, username, password);
  log().info(`registry ${address.host}: signed in as ${username}`);
  void vscode.window.showInformationMessage(vscode.l10n.t('Signed in to {0} as {1}.', address.host, username));
}

async function deleteTag(store: RegistriesStore, view: RegistriesView, node: TagNode | undefined): Promise<void> {
  if (node?.kind !== 'tag') return;
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Deleting from registries is turned off until you trust this workspace.'));
    return;
  }
  const del = vscode.l10n.t('Delete');
  const pick = await vscode.window.showWarningMessage(
    vscode.l10n.t('Delete {0} from the registry?', node.reference),
    {
      modal: true,
      detail: vscode.l10n.t('The Registry API deletes the image manifest the tag points at ({0}): every other tag pointing at the same digest disappears too. Disk space is only freed when the registry runs garbage collection.', node.details?.digest ?? '…'),
    },
    del,
  );
  if (pick !== del) return;
  try {
    const client = await store.client(node.registry);
    const { digest } = await client.deleteTag(node.repository, node.tag);
    log().info(`registry: deleted ${node.reference} (${digest})`);
    view.refreshRepository(node.registry, node.repository);
  } catch (err) {
    await showRegistryError(vscode.l10n.t('Delete tag'), err, node.registry);
  }
}
