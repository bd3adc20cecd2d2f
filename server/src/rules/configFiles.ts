// Finds and reads `.hadolint.yaml` / `.hadolint.yml` next to a Dockerfile or in a parent folder
// (hadolint's lookup), cached per folder.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { defaultConfig, fromHadolintYaml, type LintConfig } from './config';
import { readDockerignoreFor } from './buildkit/dockerignoreFile';

const NAMES = ['.hadolint.yaml', '.hadolint.yml'];
const cache = new Map<string, LintConfig>();
/** The .dockerignore lines per Dockerfile path (CopyIgnoredFile), undefined when there is none. */
const ignoreCache = new Map<string, string[] | undefined>();

/**
 * The config file that applies to a Dockerfile in `dir`: the nearest one in `dir` or a parent,
 * stopping at `stopAt` (the workspace folder) when `dir` lies inside it, else at the root.
 */
export function findConfigFile(dir: string, stopAt?: string): string | undefined {
  let cur = dir;
  const inside = stopAt !== undefined && (dir === stopAt || dir.startsWith(stopAt.endsWith(sep) ? stopAt : stopAt + sep));
  for (;;) {
    for (const n of NAMES) {
      const p = join(cur, n);
      if (existsSync(p)) return p;
    }
    const up = dirname(cur);
    if (up === cur || (inside && cur === stopAt)) return undefined;
    cur = up;
  }
}

/** Read a config file; throws with a clear message when it is not valid YAML. */
export function readConfigFile(path: string): LintConfig {
  const text = readFileSync(path, 'utf8');
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (err) {
    throw new Error(`${path}: not valid YAML (${err instanceof Error ? err.message : String(err)})`);
  }
  return fromHadolintYaml(raw);
}

let workspaceRoots: string[] = [];

/** Workspace folders (file paths) that bound the upward search for config files. */
export function setWorkspaceRoots(roots: string[]): void {
  workspaceRoots = roots;
  cache.clear();
  ignoreCache.clear();
}

/** The config for a document URI (file: URIs only; others get the defaults), with its .dockerignore. */
export function configForDocument(uri: string): LintConfig {
  if (!uri.startsWith('file:')) return defaultConfig();
  let path: string;
  try {
    path = fileURLToPath(uri);
  } catch {
    return defaultConfig();
  }
  if (!ignoreCache.has(path)) ignoreCache.set(path, readDockerignoreFor(path));
  const dockerignore = ignoreCache.get(path);
  const config = folderConfig(dirname(path));
  return dockerignore ? { ...config, dockerignore } : config;
}

function folderConfig(dir: string): LintConfig {
  const hit = cache.get(dir);
  if (hit) return hit;
  const root = workspaceRoots.filter((r) => dir === r || dir.startsWith(r + sep)).sort((a, b) => b.length - a.length)[0];
  const file = findConfigFile(dir, root);
  let config = defaultConfig();
  if (file) {
    try {
      config = readConfigFile(file);
    } catch {
      config = defaultConfig();
    }
  }
  cache.set(dir, config);
  return config;
}

export function clearConfigCache(): void {
  cache.clear();
  ignoreCache.clear();
}
