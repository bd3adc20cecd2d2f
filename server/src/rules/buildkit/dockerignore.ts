// `.dockerignore` matching, written from Docker's documented rules: one pattern per line, `#`
// comments, `!` re-includes, `*` and `?` within one path segment, `**` across segments, a
// pattern that matches a folder also excludes everything in it, and the last matching line wins.

interface Pattern {
  negate: boolean;
  regex: RegExp;
}

function clean(path: string): string {
  const parts: string[] = [];
  for (const seg of path.replace(/\\/g, '/').split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return parts.join('/');
}

function toRegex(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        i++;
        if (pattern[i + 1] === '/') {
          i++;
          re += '(?:.*/)?';
        } else re += '.*';
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        re += '[' + pattern.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\') + ']';
        i = end;
      }
    } else if (c === '\\' && i + 1 < pattern.length) re += '\\' + pattern[++i];
    else re += c.replace(/[.+^${}()|\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

export class DockerIgnore {
  private readonly patterns: Pattern[] = [];

  constructor(lines: string[]) {
    for (let line of lines) {
      line = line.trim();
      if (!line || line.startsWith('#')) continue;
      const negate = line.startsWith('!');
      if (negate) line = line.slice(1).trim();
      const cleaned = clean(line);
      if (!cleaned) continue;
      this.patterns.push({ negate, regex: toRegex(cleaned) });
    }
  }

  get hasExceptions(): boolean {
    return this.patterns.some((p) => p.negate);
  }

  /** Is this context path (as written in COPY, e.g. `./src/app.js`) left out of the build context? */
  excludes(path: string): boolean {
    const p = clean(path);
    if (p === '') {
      // The context root: gone only when a pattern matches everything and nothing is re-included.
      return !this.hasExceptions && this.patterns.some((x) => !x.negate && x.regex.test(''));
    }
    const prefixes: string[] = [];
    const segs = p.split('/');
    for (let i = 1; i <= segs.length; i++) prefixes.push(segs.slice(0, i).join('/'));
    let excluded = false;
    for (const pat of this.patterns) {
      if (prefixes.some((x) => pat.regex.test(x))) excluded = !pat.negate;
    }
    return excluded;
  }
}
