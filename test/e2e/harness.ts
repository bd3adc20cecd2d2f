import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProfile, installExtension, repoRoot, startCodeServer, stopProcessGroup, vsixPath, type RunningCodeServer } from './codeServer';
import { loadChromium, type Browser, type FrameLocator, type Locator, type Page } from './playwright';
import { waitUntil } from './wait';

export { waitUntil } from './wait';

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

const artifactsRoot = join(repoRoot, '.test-artifacts', 'e2e');
const imagesDir = join(repoRoot, 'docs', 'images');
const fixturesRoot = join(repoRoot, 'test', 'fixtures', 'e2e-workspace');
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

/** On top of the focus-safe profile settings: quicker hovers, and no preview tabs replacing each other. */
const testSettings: Record<string, unknown> = {
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
  /**
   * Settings of the machine VS Code's server runs on ("Remote" settings). Machine-scoped settings
   * such as `dockerfileStudio.docker.host` are read only from here in code-server, as in any remote
   * window: VS Code ignores them in user settings.
   */
  readonly machineSettings?: Record<string, unknown>;
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

  private constructor(
    readonly name: string,
    readonly root: string,
    readonly workspace: string,
    readonly page: Page,
    private readonly browser: Browser,
    private readonly server: RunningCodeServer,
  ) {}

  static async start(options: SessionOptions): Promise<VsCodeSession> {
    if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath} is missing: run \`bash scripts/e2e-setup.sh\` first`);
    const root = mkdtempSync(join(tmpdir(), 'dfs-e2e-'));
    const profile = createProfile(root, { ...testSettings, ...options.settings });
    if (options.machineSettings) {
      mkdirSync(join(profile.dataDir, 'Machine'), { recursive: true });
      writeFileSync(join(profile.dataDir, 'Machine', 'settings.json'), JSON.stringify(options.machineSettings, null, 2));
    }
    const workspace = join(root, 'ws');
    cpSync(options.folder ? join(fixturesRoot, options.folder) : fixturesRoot, workspace, { recursive: true });
    installExtension(profile, vsixPath());

    let server: RunningCodeServer | undefined;
    let browser: Browser | undefined;
    try {
      server = await startCodeServer(profile, workspace);
      browser = await loadChromium().launch({
        executablePath: chromiumPath,
        headless: true,
        env: profile.env, // XDG_* keep Chromium's crash database and dconf cache out of $HOME
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
          '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
      });
      const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
      page.setDefaultTimeout(30_000);
      await page.goto(server.url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
      return new VsCodeSession(options.name, root, workspace, page, browser, server);
    } catch (err) {
      const dir = saveLogs(options.name, root);
      await browser?.close().catch(() => undefined);
      if (server) await stopProcessGroup(server.process);
      if (process.env.DFS_E2E_KEEP !== '1') rmSync(root, { recursive: true, force: true });
      throw new Error(`starting VS Code failed (logs in ${dir}): ${(err as Error).message}`);
    }
  }

  /** Runs one step of a flow; on failure keeps a screenshot and the logs, then rethrows. */
  async step<T>(label: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
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

  /**
   * Answers the quick input (input box or quick pick) whose title contains `title`: replaces the
   * text with `value` when given, then presses Enter (accepting the prefilled value or the
   * highlighted item), and waits until that prompt is gone.
   */
  async answerPrompt(title: string, value?: string): Promise<void> {
    const titled = this.page.locator('.quick-input-widget .quick-input-title').filter({ hasText: title });
    await titled.first().waitFor({ state: 'visible', timeout: 30_000 });
    if (value !== undefined) {
      await this.page.keyboard.press('Control+A');
      if (value) await this.page.keyboard.insertText(value);
      else await this.page.keyboard.press('Backspace');
    }
    await this.page.keyboard.press('Enter');
    await titled.first().waitFor({ state: 'hidden', timeout: 15_000 });
  }

  /**
   * Builds the open Dockerfile from its CodeLens the way a first-time user does: the Dockerfile's
   * folder as context, `tag`, "No cache" (so every run really builds), the engine's platform.
   */
  async buildFromCodeLens(tag: string): Promise<void> {
    await this.clickCodeLens('Build image');
    await this.answerPrompt('context folder');
    await this.answerPrompt('Build image: tag', tag);
    await this.page.locator('.quick-input-widget .quick-input-title').filter({ hasText: 'Build image: options' }).first().waitFor();
    await this.page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: 'No cache' }).first().click();
    await this.answerPrompt('Build image: options');
    await this.answerPrompt('platform');
  }

  /**
   * Waits for the suggestion `label` after the user typed something. A completion request that
   * reached the language server before it was ready comes back empty and VS Code does not ask again
   * while the same word is typed, so when nothing shows, Ctrl+Space asks again (as a user would).
   */
  async expectSuggestion(label: string, timeoutMs = 30_000): Promise<void> {
    const row = this.page.locator(`.editor-widget.suggest-widget .monaco-list-row[aria-label^="${label}"]`).first();
    let first = true;
    await waitUntil(`the suggestion ${label}`, async () => {
      if (!first) await this.page.keyboard.press('Control+Space');
      first = false;
      return row.waitFor({ state: 'visible', timeout: 4_000 }).then(() => true, () => false);
    }, timeoutMs, 0);
  }

  /** Clicks a CodeLens of the active editor by its text, e.g. "Build image". */
  async clickCodeLens(text: string): Promise<void> {
    const lens = this.editor().locator('.codelens-decoration a').filter({ hasText: text }).first();
    await lens.waitFor({ state: 'visible', timeout: 30_000 });
    await lens.click();
  }

  /**
   * The content of the webview panel whose tab title contains `title`. VS Code nests each webview
   * in two iframes: the host frame, then the page itself (#active-frame).
   */
  async webview(title: string): Promise<FrameLocator> {
    await this.page.locator(`.tab.active[aria-label*="${title}"]`).first().waitFor({ state: 'visible', timeout: 60_000 });
    return this.page.frameLocator('.webview.ready >> visible=true').frameLocator('#active-frame');
  }

  /** The CodeLens whose text matches, shown above the editor line containing `lineText`. */
  async codeLensAbove(lineText: string, lens: string | RegExp): Promise<Locator> {
    const line = this.editor().locator('.view-line').filter({ hasText: lineText }).first();
    const candidates = this.editor().locator('.codelens-decoration').filter({ hasText: lens });
    return waitUntil(`a CodeLens ${String(lens)} above "${lineText}"`, async () => {
      const l = await line.boundingBox();
      if (!l) return undefined;
      for (let i = 0; i < (await candidates.count()); i++) {
        const c = await candidates.nth(i).boundingBox();
        // A CodeLens sits in the view zone right above its line.
        if (c && c.y < l.y && l.y - (c.y + c.height) < l.height) return candidates.nth(i);
      }
      return undefined;
    }, 60_000, 250);
  }

  /** A notification toast containing `text`. */
  toast(text: string | RegExp): Locator {
    return this.page.locator('.notifications-toasts .notification-toast').filter({ hasText: text }).first();
  }

  /** Opens our activity bar container (Dockerfile Studio) and returns the view pane titled `name`. */
  async showStudioView(name: string): Promise<Locator> {
    const icon = this.page.locator('.activitybar .action-item .action-label[aria-label^="Dockerfile Studio"]').first();
    await icon.waitFor({ state: 'visible', timeout: 30_000 });
    const pane = this.page.locator('.pane').filter({ has: this.page.locator(`.pane-header[aria-label^="${name}"]`) }).first();
    if (!(await pane.isVisible())) await icon.click();
    await pane.waitFor({ state: 'visible', timeout: 15_000 });
    const header = pane.locator('.pane-header').first();
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
    return pane;
  }

  /**
   * Opens `target`'s context menu and runs the item labelled `label` (one attempt; callers retry
   * until the effect shows). A view refreshing on a timer can swallow the click, and once (CI) the
   * menu stayed open with the item highlighted and the click never ran it: the hovered item has
   * the menu's focus, so Enter runs it. The menu closes when an item ran.
   */
  async runContextMenuItem(target: Locator, label: string): Promise<void> {
    await this.page.keyboard.press('Escape');
    await target.click({ button: 'right', timeout: 5_000 });
    const item = this.page.locator('.context-view .monaco-menu .action-item').filter({ hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).first();
    await item.waitFor({ state: 'visible', timeout: 5_000 });
    await item.click({ timeout: 5_000 });
    const closed = await item.waitFor({ state: 'hidden', timeout: 1_000 }).then(() => true, () => false);
    if (!closed) await this.page.keyboard.press('Enter');
  }

  /**
   * Hovers `target` until `shown` is visible. A hover asked before the language server answers
   * shows nothing and is not asked again, so each attempt moves the mouse away and back.
   */
  async hoverUntil(target: Locator, shown: Locator, timeoutMs = 30_000): Promise<void> {
    await waitUntil('the hover to show', async () => {
      await this.page.mouse.move(5, 5);
      await target.hover({ timeout: 5_000 });
      return shown.waitFor({ state: 'visible', timeout: 4_000 }).then(() => true, () => false);
    }, timeoutMs, 0);
  }

  /**
   * Waits until the extension says its language server runs: `client.start()` has resolved, so
   * `initialize` is done and every provider (formatting, completion, hover…) is registered. A
   * command run before that finds no provider and silently does nothing.
   */
  async waitForLanguageServer(timeoutMs = 30_000): Promise<void> {
    await waitUntil('the language server to start', () => /language server started/.test(this.extensionLog()), timeoutMs);
  }

  /** The lines of the log file our LogOutputChannel writes ("Dockerfile Studio.log"). */
  extensionLog(): string {
    const files = findFiles(join(this.root, 'data', 'logs'), (n) => n.endsWith('Dockerfile Studio.log'));
    return files.map((f) => readFileSync(f, 'utf8')).join('\n');
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    await stopProcessGroup(this.server.process);
    // A failure's evidence is already in .test-artifacts; keep the whole profile only on request.
    if (process.env.DFS_E2E_KEEP === '1') return;
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
