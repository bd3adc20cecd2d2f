import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * The slice of playwright-core the e2e harness uses. playwright-core is installed by
 * scripts/e2e-setup.sh into the e2e cache (not into the repo's node_modules, so the extension's
 * dependency tree stays small), which means its own typings are not resolvable by `tsc -p test`;
 * these structural types describe exactly what we call.
 */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WaitOptions {
  state?: 'attached' | 'detached' | 'visible' | 'hidden';
  timeout?: number;
}

export interface Locator {
  click(options?: { timeout?: number; button?: 'left' | 'right'; position?: { x: number; y: number }; force?: boolean }): Promise<void>;
  dblclick(options?: { timeout?: number }): Promise<void>;
  hover(options?: { timeout?: number; position?: { x: number; y: number }; force?: boolean }): Promise<void>;
  waitFor(options?: WaitOptions): Promise<void>;
  count(): Promise<number>;
  innerText(options?: { timeout?: number }): Promise<string>;
  allInnerTexts(): Promise<string[]>;
  getAttribute(name: string, options?: { timeout?: number }): Promise<string | null>;
  boundingBox(options?: { timeout?: number }): Promise<Rect | null>;
  isVisible(): Promise<boolean>;
  first(): Locator;
  last(): Locator;
  nth(index: number): Locator;
  locator(selector: string): Locator;
  filter(options: { hasText?: string | RegExp; has?: Locator; hasNotText?: string | RegExp }): Locator;
  screenshot(options: { path: string }): Promise<Buffer>;
}

export interface FrameLocator {
  locator(selector: string): Locator;
  frameLocator(selector: string): FrameLocator;
}

export interface Keyboard {
  press(key: string, options?: { delay?: number }): Promise<void>;
  type(text: string, options?: { delay?: number }): Promise<void>;
  insertText(text: string): Promise<void>;
}

export interface Mouse {
  move(x: number, y: number, options?: { steps?: number }): Promise<void>;
  click(x: number, y: number): Promise<void>;
}

export interface Page {
  goto(url: string, options?: { waitUntil?: 'load' | 'domcontentloaded'; timeout?: number }): Promise<unknown>;
  locator(selector: string): Locator;
  frameLocator(selector: string): FrameLocator;
  keyboard: Keyboard;
  mouse: Mouse;
  screenshot(options: { path: string; fullPage?: boolean }): Promise<Buffer>;
  evaluate<T>(fn: () => T): Promise<T>;
  on(event: 'console', listener: (message: { type(): string; text(): string }) => void): void;
  on(event: 'pageerror', listener: (error: Error) => void): void;
  setDefaultTimeout(ms: number): void;
}

export interface Browser {
  newPage(options?: { viewport?: { width: number; height: number }; deviceScaleFactor?: number }): Promise<Page>;
  close(): Promise<void>;
}

export interface ChromiumLauncher {
  launch(options: { executablePath: string; headless: boolean; args: string[]; env?: Record<string, string | undefined>; timeout?: number }): Promise<Browser>;
}

/** Where scripts/e2e-setup.sh keeps Node 24, code-server and playwright-core. */
export function e2eCacheDir(): string {
  return process.env.DFS_E2E_HOME || join(process.env.HOME ?? '/root', '.cache', 'dfs-e2e');
}

export function loadChromium(): ChromiumLauncher {
  const requireFromCache = createRequire(join(e2eCacheDir(), 'tools', 'package.json'));
  const mod = requireFromCache('playwright-core') as { chromium: ChromiumLauncher };
  return mod.chromium;
}
