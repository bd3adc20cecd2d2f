/**
 * Parses `WWW-Authenticate` (RFC 7235 challenges with RFC 6750 Bearer parameters), e.g.
 *   Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:a/b:pull"
 *   Basic realm="dfs-test"
 * A header may hold several challenges separated by commas; parameter values may be quoted
 * strings (with backslash escapes and commas inside) or plain tokens.
 */

export interface AuthChallenge {
  /** Lowercased scheme: "bearer", "basic", … */
  readonly scheme: string;
  /** Parameter names lowercased. */
  readonly params: Readonly<Record<string, string>>;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+/;

export function parseWwwAuthenticate(header: string | undefined): AuthChallenge[] {
  if (!header) return [];
  const challenges: Array<{ scheme: string; params: Record<string, string> }> = [];
  let i = 0;
  const s = header;
  const skipSpaces = () => {
    while (i < s.length && (s[i] === ' ' || s[i] === '\t')) i++;
  };
  while (i < s.length) {
    skipSpaces();
    while (s[i] === ',') {
      i++;
      skipSpaces();
    }
    if (i >= s.length) break;
    const word = TOKEN.exec(s.slice(i));
    if (!word) {
      i++;
      continue;
    }
    const name = word[0];
    const afterName = i + name.length;
    let j = afterName;
    while (s[j] === ' ' || s[j] === '\t') j++;
    const current = challenges[challenges.length - 1];
    if (s[j] === '=' && current && s[j + 1] !== '=') {
      // A parameter of the current challenge.
      i = j + 1;
      skipSpaces();
      let value = '';
      if (s[i] === '"') {
        i++;
        while (i < s.length && s[i] !== '"') {
          if (s[i] === '\\' && i + 1 < s.length) i++;
          value += s[i];
          i++;
        }
        i++;
      } else {
        const v = /^[^,\s]*/.exec(s.slice(i))![0];
        value = v;
        i += v.length;
      }
      current.params[name.toLowerCase()] = value;
    } else {
      // A new challenge scheme (a token68 after it, as in "Negotiate abc==", is skipped).
      challenges.push({ scheme: name.toLowerCase(), params: {} });
      i = afterName;
    }
  }
  return challenges;
}
