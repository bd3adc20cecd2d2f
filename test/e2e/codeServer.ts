import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { e2eCacheDir } from './playwright';
import { waitUntil } from './wait';

/**
 * Starting a real VS Code (code-server under Node 24, installed by scripts/e2e-setup.sh) with our
 * packaged extension in a profile of its own. Used by the e2e harness and by `npm run try`.
 */

export const repoRoot = resolve(__dirname, '..', '..');

/** Settings every profile starts with: nothing may steal the focus from the editor. */
export const focusSafeSettings: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'npm.autoDetect': 'off',
};

export function vsixPath(): string {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string };
  return join(repoRoot, `${manifest.name}-${manifest.version}.vsix`);
}

export interface Profile {
  readonly root: string;
  /** Environment for code-server and Chromium: TMPDIR and XDG_* point inside the profile. */
  readonly env: Record<string, string | undefined>;
  /** `--user-data-dir … --extensions-dir … --config …` */
  readonly args: string[];
  readonly dataDir: string;
  readonly logFile: string;
}

function codeServerPaths(): { node24: string; entry: string } {
  const cache = e2eCacheDir();
  const paths = {
    node24: join(cache, 'node24', 'bin', 'node'),
    entry: join(cache, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
  };
  for (const f of Object.values(paths)) {
    if (!existsSync(f)) throw new Error(`${f} is missing: run \`bash scripts/e2e-setup.sh\` first`);
  }
  return paths;
}

/**
 * Lays out a profile under `root` (keep it short: VS Code puts Unix sockets into TMPDIR, and
 * socket paths are limited to 107 bytes).
 */
export function createProfile(root: string, settings: Record<string, unknown>): Profile {
  const { node24 } = codeServerPaths();
  const dirs = { data: join(root, 'data'), exts: join(root, 'exts'), tmp: join(root, 'tmp'), xdg: join(root, 'xdg') };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  mkdirSync(join(dirs.data, 'User'), { recursive: true });
  writeFileSync(join(dirs.data, 'User', 'settings.json'), JSON.stringify({ ...focusSafeSettings, ...settings }, null, 2));
  const env: Record<string, string | undefined> = {
    ...process.env,
    PATH: `${join(node24, '..')}:${process.env.PATH ?? ''}`,
    TMPDIR: dirs.tmp,
    XDG_CONFIG_HOME: join(dirs.xdg, 'config'),
    XDG_DATA_HOME: join(dirs.xdg, 'data'),
    XDG_CACHE_HOME: join(dirs.xdg, 'cache'),
    NODE_COMPILE_CACHE: join(dirs.xdg, 'node-compile-cache'),
  };
  // The test runner's (or tsx's) hooks must not leak into VS Code's Node processes.
  delete env.NODE_OPTIONS;
  delete env.NODE_TEST_CONTEXT;
  return {
    root,
    env,
    args: ['--user-data-dir', dirs.data, '--extensions-dir', dirs.exts, '--config', join(root, 'config.yaml')],
    dataDir: dirs.data,
    logFile: join(root, 'code-server.log'),
  };
}

export function installExtension(profile: Profile, vsix: string): void {
  if (!existsSync(vsix)) throw new Error(`${vsix} is missing: run \`node scripts/package.mjs\` first`);
  const { node24, entry } = codeServerPaths();
  const r = spawnSync(node24, [entry, ...profile.args, '--install-extension', vsix], { env: profile.env, encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0 || !/successfully installed/i.test(r.stdout)) throw new Error(`installing ${vsix} failed:\n${r.stdout}${r.stderr}`);
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

export interface RunningCodeServer {
  readonly process: ChildProcess;
  readonly port: number;
  /** The workbench URL with the folder open. */
  readonly url: string;
}

/** Starts code-server on 127.0.0.1 and resolves once /healthz answers. */
export async function startCodeServer(profile: Profile, workspace: string, port?: number): Promise<RunningCodeServer> {
  const { node24, entry } = codeServerPaths();
  const chosenPort = port ?? (await freePort());
  const logFd = openSync(profile.logFile, 'w');
  // detached = its own session and process group (like setsid), so stopping it can end
  // code-server and everything it started (extension host, language server) by the group id.
  const child = spawn(
    node24,
    [entry, ...profile.args, '--bind-addr', `127.0.0.1:${chosenPort}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
      '--disable-workspace-trust', '--disable-getting-started-override', workspace],
    { env: profile.env, detached: true, stdio: ['ignore', logFd, logFd] },
  );
  closeSync(logFd);
  try {
    await waitUntil('code-server /healthz', async () => {
      if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}; log: ${profile.logFile}`);
      const res = await fetch(`http://127.0.0.1:${chosenPort}/healthz`).catch(() => undefined);
      return res?.ok;
    }, 60_000);
  } catch (err) {
    await stopProcessGroup(child);
    throw err;
  }
  return { process: child, port: chosenPort, url: `http://127.0.0.1:${chosenPort}/?folder=${encodeURIComponent(workspace)}` };
}

/** Ends a detached child and its process group: SIGTERM, then SIGKILL if it lingers. */
export async function stopProcessGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  const groupAlive = (): boolean => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return; // already gone
  }
  await waitUntil('code-server to exit', () => !groupAlive(), 10_000).catch(() => {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // raced with a normal exit
    }
  });
}
