/**
 * .dockerignore exactly as the docker CLI applies it when it sends a build context
 * (moby's dockerignore.ReadAll + patternmatcher + archive.TarWithOptions):
 * - lines starting with `#` are comments; lines are trimmed; `!` starts an exception;
 * - patterns are Go-`filepath.Clean`ed, a leading `/` is dropped;
 * - `*` and `?` never cross `/`, `**` matches any number of directories (also none), `[...]` classes,
 *   `\` escapes the next character;
 * - a pattern matches a path when it matches the path or one of its parent directories;
 * - the last matching pattern wins;
 * - an excluded directory is only descended into when some exception pattern starts with it.
 * The Dockerfile and .dockerignore are always sent (the CLI adds exceptions for them).
 */

export interface IgnorePattern {
  readonly exclusion: boolean;
  /** The cleaned pattern without the `!`. */
  readonly cleaned: string;
  readonly test: (path: string) => boolean;
}

/** Go's path.Clean for slash-separated paths. */
export function cleanPath(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(part);
  }
  const joined = out.join('/');
  if (rooted) return `/${joined}`;
  return joined || '.';
}

/** Parses the text of a .dockerignore into the pattern strings the CLI would use. */
export function readDockerignore(text: string): string[] {
  const out: string[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (const line of lines) {
    if (line.startsWith('#')) continue;
    let pattern = line.trim();
    if (!pattern) continue;
    const invert = pattern.startsWith('!');
    if (invert) pattern = pattern.slice(1).trim();
    if (pattern.length > 0) {
      pattern = cleanPath(pattern);
      if (pattern.length > 1 && pattern.startsWith('/')) pattern = pattern.slice(1);
    }
    out.push(invert ? `!${pattern}` : pattern);
  }
  return out;
}

/** Characters patternmatcher escapes because they mean nothing in filepath.Match. */
const GO_ESCAPED = new Set(['.', '+', '(', ')', '|', '{', '}', '$']);

type MatchType = 'exact' | 'prefix' | 'suffix' | 'regexp';

/**
 * Translates one cleaned pattern into a matcher, following patternmatcher's compile step,
 * including its shortcuts: "**x" without further wildcards is a suffix match, "x/**" a prefix match.
 */
export function compilePattern(pattern: string): (path: string) => boolean {
  const chars = Array.from(pattern);
  let re = '^';
  let type: MatchType = 'exact';
  for (let i = 0, iter = 0; i < chars.length; i++, iter++) {
    const ch = chars[i]!;
    if (ch === '*') {
      if (chars[i + 1] === '*') {
        i++;
        if (chars[i + 1] === '/') i++; // "**/" behaves like "**"
        if (i + 1 >= chars.length) {
          if (type === 'exact') type = 'prefix';
          else {
            re += '.*';
            type = 'regexp';
          }
        } else {
          re += '(.*/)?';
          type = 'regexp';
        }
        if (iter === 0) type = 'suffix';
      } else {
        re += '[^/]*';
        type = 'regexp';
      }
    } else if (ch === '?') {
      re += '[^/]';
      type = 'regexp';
    } else if (GO_ESCAPED.has(ch)) {
      re += `\\${ch}`;
    } else if (ch === '\\') {
      const next = chars[i + 1];
      if (next !== undefined) {
        re += /[A-Za-z0-9]/.test(next) ? next : `\\${next}`;
        i++;
        type = 'regexp';
      } else {
        re += '\\\\';
      }
    } else if (ch === '[' || ch === ']') {
      re += ch;
      type = 'regexp';
    } else {
      re += ch;
    }
  }
  switch (type) {
    case 'exact':
      return (path) => path === pattern;
    case 'prefix': {
      const prefix = pattern.slice(0, -2);
      return (path) => path.startsWith(prefix);
    }
    case 'suffix': {
      const suffix = pattern.slice(2);
      // "**/foo" also matches "foo" itself.
      return (path) => path.endsWith(suffix) || (suffix.startsWith('/') && path === suffix.slice(1));
    }
    case 'regexp': {
      let regex: RegExp;
      try {
        regex = new RegExp(`${re}$`);
      } catch {
        throw new SyntaxError(`syntax error in .dockerignore pattern "${pattern}"`);
      }
      return (path) => regex.test(path);
    }
  }
}

export class DockerignoreMatcher {
  readonly patterns: readonly IgnorePattern[];
  readonly hasExclusions: boolean;

  constructor(patternStrings: readonly string[]) {
    const patterns: IgnorePattern[] = [];
    for (const raw of patternStrings) {
      let p = raw.trim();
      if (!p) continue;
      p = cleanPath(p);
      let exclusion = false;
      if (p.startsWith('!')) {
        if (p.length === 1) throw new SyntaxError('illegal exclusion pattern: "!"');
        exclusion = true;
        p = p.slice(1);
      }
      patterns.push({ exclusion, cleaned: p, test: compilePattern(p) });
    }
    this.patterns = patterns;
    this.hasExclusions = patterns.some((p) => p.exclusion);
  }

  static fromText(text: string | undefined, alwaysSend: readonly string[] = []): DockerignoreMatcher {
    const patterns = text === undefined ? [] : readDockerignore(text);
    return new DockerignoreMatcher(withAlwaysSent(patterns, alwaysSend));
  }

  /** True when `relPath` (slash-separated, relative to the context) is left out of the context. */
  ignores(relPath: string): boolean {
    const file = cleanPath(relPath);
    const slash = file.lastIndexOf('/');
    const parent = slash < 0 ? '.' : file.slice(0, slash);
    const parentDirs = parent === '.' ? [] : parent.split('/');
    let matched = false;
    for (const pattern of this.patterns) {
      // An inclusion cannot change an already ignored file, nor an exception a kept one.
      if (pattern.exclusion !== matched) continue;
      let match = pattern.test(file);
      for (let i = 0; !match && i < parentDirs.length; i++) {
        match = pattern.test(parentDirs.slice(0, i + 1).join('/'));
      }
      if (match) matched = !pattern.exclusion;
    }
    return matched;
  }

  /**
   * For an ignored directory: whether the walk must still look inside because an exception
   * pattern starts with this directory (the CLI's rule; `!**\/x` does not reopen directories).
   */
  mustDescendInto(relDir: string): boolean {
    if (!this.hasExclusions) return false;
    const dirSlash = `${relDir}/`;
    return this.patterns.some((p) => p.exclusion && `${p.cleaned}/`.startsWith(dirSlash));
  }
}

/**
 * The CLI's TrimBuildFilesFromExcludes: when a pattern would drop the Dockerfile or .dockerignore,
 * an exception for them is appended, because the engine needs both.
 */
export function withAlwaysSent(patterns: readonly string[], files: readonly string[]): string[] {
  if (!patterns.length) return [...patterns];
  const probe = new DockerignoreMatcher(patterns);
  const out = [...patterns];
  for (const f of files) {
    if (probe.ignores(f)) out.push(`!${f}`);
  }
  return out;
}
