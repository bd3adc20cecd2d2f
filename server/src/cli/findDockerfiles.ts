// Expands CLI paths: a file is taken as is; a folder is searched (recursively, skipping
// node_modules and dot-folders) for Dockerfile, Containerfile, *.Dockerfile, *.dockerfile, Dockerfile.*.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out']);

export function isDockerfileName(name: string): boolean {
  return /^(Dockerfile|Containerfile)(\..+)?$/.test(name) || /\.(dockerfile|Dockerfile|containerfile|Containerfile)$/.test(name);
}

export interface Expanded {
  files: string[];
  /** Paths that could not be read, with the reason. */
  problems: { path: string; reason: string }[];
}

export function expandPaths(paths: string[]): Expanded {
  const files: string[] = [];
  const problems: Expanded['problems'] = [];
  const walk = (dir: string): void => {
    let entries: string[];
    try {
      entries = readdirSync(dir).sort();
    } catch (err) {
      problems.push({ path: dir, reason: (err as NodeJS.ErrnoException).code ?? String(err) });
      return;
    }
    for (const name of entries) {
      const p = join(dir, name);
      let st;
      try {
        st = statSync(p);
      } catch {
        continue;
      }
      if (st.isDirectory()) {
        if (!SKIP_DIRS.has(name) && !name.startsWith('.')) walk(p);
      } else if (isDockerfileName(name)) files.push(p);
    }
  };
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      problems.push({ path: p, reason: code === 'ENOENT' ? 'no such file or directory' : (code ?? String(err)) });
      continue;
    }
    if (st.isDirectory()) walk(p);
    else files.push(p);
  }
  return { files, problems };
}
