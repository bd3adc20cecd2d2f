import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { e2eCacheDir, loadChromium, type Browser, type Locator, type Page } from './playwright';

/**
 * One real VS Code (code-server under Node 24) with the packaged extension installed, in a
 * throwaway profile, opened on a copy of a fixture folder and driven by headless Chromium.
 *
 * Isolation: everything code-server and Chromium write (profile, extensions, IPC sockets in TMPDIR,
 * XDG config/data/cache) lives under one temp directory that is deleted on a clean close. The
 * workspace is a copy, so tests may edit and save files freely.
 *
 * Evidence on failure: `step()` saves a screenshot, the code-server log and VS Code's own logs
 * (extension host, our output channel) into .test-artifacts/e2e/<session>/.
 */

export const repoRoot = resolve(__dirname, '..', '..');
const artifactsRoot = join(repoRoot, '.test-artifacts', 'e2e');
const imagesDir = join(repoRoot, 'docs', 'images');
const fixturesRoot = join(repoRoot, 'test', 'fixtures', 'e2e-workspace');
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

/** Settings every session starts with: nothing may steal the focus from the editor. */
const baseSettings: Record<string, unknown> = {
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
  'files.autoSave': 'off',
  'editor.hover.delay': 150,
  'workbench.editor.enablePreview': false,
};

export interface SessionOptions {
  /** Names the artifact folder and screenshots. */
  readonly name: string;
  /** Sub-folder of test/fixtures/e2e-workspace to open instead of the whole fixture workspace. */
  readonly folder?: string;
  /** User settings on top of the base ones, e.g. `dockerfileStudio.language`. */
  readonly settings?: Record<string, unknown>;
}

export function vsixPath(): string {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string };
  return join(repoRoot, `${manifest.name}-${manifest.version}.vsix`);
}

function freePort(): Promise<number> {
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

/** Polls `check` until it returns a truthy value; the error names what was awaited. */
export async function waitUntil<T>(what: string, check: () => T | Promise<T>, timeoutMs = 30_000, everyMs = 100): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message.split('\n')[0]})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${why}`);
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

function findFiles(dir: string, match: (name: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...findFiles(p, match));
    else if (match(name)) out.push(p);
  }
  return out;
}

export class VsCodeSession {
  private failed = false;

  private constructor(
    readonly name: string,
    readonly root: string,
    readonly workspace: string,
    readonly page: Page,
    private readonly browser: Browser,
    private readonly server: ChildProcess,
    readonly port: number,
  ) {}

  static async start(options: SessionOptions): Promise<VsCodeSession> {
    const cache = e2eCacheDir();
    const node24 = join(cache, 'node24', 'bin', 'node');
    const entry = join(cache, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
    for (const f of [node24, entry, chromiumPath]) {
      if (!existsSync(f)) throw new Error(`${f} is missing: run \`bash scripts/e2e-setup.sh\` first`);
    }
    const vsix = vsixPath();
    if (!existsSync(vsix)) throw new Error(`${vsix} is missing: run \`node scripts/package.mjs\` first`);

    // Short root: VS Code puts Unix sockets into TMPDIR, and socket paths are limited to 107 bytes.
    const root = mkdtempSync(join(tmpdir(), 'dfs-e2e-'));
    const dirs = { data: join(root, 'data'), exts: join(root, 'exts'), tmp: join(root, 'tmp'), xdg: join(root, 'xdg') };
    for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
    const workspace = join(root, 'ws');
    cpSync(options.folder ? join(fixturesRoot, options.folder) : fixturesRoot, workspace, { recursive: true });
    mkdirSync(join(dirs.data, 'User'), { recursive: true });
    writeFileSync(join(dirs.data, 'User', 'settings.json'), JSON.stringify({ ...baseSettings, ...options.settings }, null, 2));

    const env: Record<string, string | undefined> = {
      ...process.env,
      PATH: `${join(cache, 'node24', 'bin')}:${process.env.PATH ?? ''}`,
      TMPDIR: dirs.tmp,
      XDG_CONFIG_HOME: join(dirs.xdg, 'config'),
      XDG_DATA_HOME: join(dirs.xdg, 'data'),
      XDG_CACHE_HOME: join(dirs.xdg, 'cache'),
      NODE_COMPILE_CACHE: join(dirs.xdg, 'node-compile-cache'),
    };
    // The test runner's own hooks must not leak into VS Code's Node processes.
    delete env.NODE_OPTIONS;
    delete env.NODE_TEST_CONTEXT;
    const profileArgs = ['--user-data-dir', dirs.data, '--extensions-dir', dirs.exts, '--config', join(root, 'config.yaml')];

    const install = spawnSync(node24, [entry, ...profileArgs, '--install-extension', vsix], { env, encoding: 'utf8', timeout: 60_000 });
    if (install.status !== 0 || !/successfully installed/i.test(install.stdout)) {
      throw new Error(`installing ${vsix} failed:\n${install.stdout}${install.stderr}`);
    }

    const port = await freePort();
    const logFd = openSync(join(root, 'code-server.log'), 'w');
    // detached = its own session and process group (like setsid), so teardown can end code-server
    // and every process it started (extension host, language server) by the group id.
    const server = spawn(
      node24,
      [entry, ...profileArgs, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
        '--disable-workspace-trust', '--disable-getting-started-override', workspace],
      { env, detached: true, stdio: ['ignore', logFd, logFd] },
    );
    closeSync(logFd);

    let browser: Browser | undefined;
    try {
      await waitUntil('code-server /healthz', async () => {
        if (server.exitCode !== null) throw new Error(`code-server exited with ${server.exitCode}`);
        const res = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
        return res?.ok;
      }, 60_000);
      browser = await loadChromium().launch({
        executablePath: chromiumPath,
        headless: true,
        env, // XDG_* keep Chromium's crash database and dconf cache out of $HOME
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
          '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
      });
      const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
      page.setDefaultTimeout(30_000);
      const session = new VsCodeSession(options.name, root, workspace, page, browser, server, port);
      await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`, { waitUntil: 'domcontentloaded', timeout: 60_000 });
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
      return session;
    } catch (err) {
      const dir = saveLogs(options.name, root);
      await browser?.close().catch(() => undefined);
      await stopProcessGroup(server);
      throw new Error(`starting VS Code failed (logs in ${dir}): ${(err as Error).message}`);
    }
  }

  /** Runs one step of a flow; on failure keeps a screenshot and the logs, then rethrows. */
  async step<T>(label: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      this.failed = true;
      const dir = saveLogs(this.name, this.root);
      const shot = join(dir, `${label.replace(/[^\w.-]+/g, '-')}.png`);
      await this.page.screenshot({ path: shot }).catch(() => undefined);
      throw new Error(`${(err as Error).message}\n  screenshot: ${shot}\n  logs: ${dir}`, { cause: err });
    }
  }

  /** Saves what the screen shows now: always under .test-artifacts, and into docs/images with DFS_E2E_IMAGES=1. */
  async screenshot(name: string): Promise<void> {
    mkdirSync(artifactsRoot, { recursive: true });
    await this.page.screenshot({ path: join(artifactsRoot, `${name}.png`) });
    if (process.env.DFS_E2E_IMAGES === '1') {
      mkdirSync(imagesDir, { recursive: true });
      await this.page.screenshot({ path: join(imagesDir, `${name}.png`) });
    }
  }

  // ---- driving the workbench ---------------------------------------------------------------

  /** Opens a workspace file with Quick Open (Ctrl+P), as a person would. */
  async openFile(relativePath: string): Promise<void> {
    const base = relativePath.split('/').pop() ?? relativePath;
    await this.page.keyboard.press('Control+P');
    await this.page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
    await this.page.keyboard.type(relativePath);
    // The first file search takes seconds; Enter before the row exists does nothing.
    const row = this.page.locator(`.quick-input-widget .monaco-list-row[aria-label*="${base}"]`).first();
    await row.waitFor({ state: 'visible', timeout: 30_000 });
    await this.page.keyboard.press('Enter');
    await this.page.locator(`.tab.active[aria-label*="${base}"]`).waitFor({ timeout: 30_000 });
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  /** Runs a command from the Command Palette (F1) by its title. */
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await this.page.keyboard.type(title);
    await this.page.locator(`.quick-input-widget .monaco-list-row[aria-label*="${title}"]`).first().waitFor({ state: 'visible' });
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  /** The active editor. */
  editor(): Locator {
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  /** The rendered text of the active editor's visible lines (Monaco renders spaces as NBSP). */
  async editorText(): Promise<string> {
    const lines = this.editor().locator('.view-lines .view-line');
    const texts = await lines.allInnerTexts();
    const tops = await Promise.all(Array.from({ length: texts.length }, (_, i) => lines.nth(i).getAttribute('style')));
    // view-line elements are recycled out of order; their `top` gives the real order.
    const ordered = texts
      .map((t, i) => ({ t: t.replace(/\u00a0/g, ' '), top: Number(/top:\s*(\d+)/.exec(tops[i] ?? '')?.[1] ?? 0) }))
      .sort((a, b) => a.top - b.top);
    return ordered.map((l) => l.t).join('\n');
  }

  /** Puts the cursor at a 1-based line and column with Go to Line (Ctrl+G), e.g. "3:5". */
  async goTo(line: number, column = 1): Promise<void> {
    await this.editor().locator('.view-lines').click();
    await this.page.keyboard.press('Control+G');
    await this.page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
    await this.page.keyboard.type(`${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await waitUntil(`cursor at ${line}:${column}`, async () => {
      const status = await this.page.locator('[id="status.editor.selection"]').innerText({ timeout: 1000 });
      return new RegExp(`\\b${line}\\D+${column}\\b`).test(status);
    }, 10_000);
  }

  /** The lines of the log file our LogOutputChannel writes ("Dockerfile Studio.log"). */
  extensionLog(): string {
    const files = findFiles(join(this.root, 'data', 'logs'), (n) => n.endsWith('Dockerfile Studio.log'));
    return files.map((f) => readFileSync(f, 'utf8')).join('\n');
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    await stopProcessGroup(this.server);
    if (this.failed || process.env.DFS_E2E_KEEP === '1') return;
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** Copies the code-server log and VS Code's log folder next to the failure screenshot. */
function saveLogs(session: string, root: string): string {
  const dir = join(artifactsRoot, session);
  mkdirSync(dir, { recursive: true });
  const serverLog = join(root, 'code-server.log');
  if (existsSync(serverLog)) cpSync(serverLog, join(dir, 'code-server.log'));
  const logs = join(root, 'data', 'logs');
  if (existsSync(logs)) cpSync(logs, join(dir, 'vscode-logs'), { recursive: true });
  return dir;
}

/** Ends code-server and its children by process group: SIGTERM, then SIGKILL if it lingers. */
async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined) return;
  const pid = child.pid;
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
