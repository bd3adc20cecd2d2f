/**
 * The Registry API pages `/v2/_catalog` and `/v2/<name>/tags/list` with an RFC 5988 Link header:
 *   Link: </v2/_catalog?last=b&n=2>; rel="next"
 * The target is usually relative to the registry; we resolve it against the request URL.
 */
export function nextPageUrl(linkHeader: string | undefined, requestUrl: string): string | undefined {
  if (!linkHeader) return undefined;
  for (const part of linkHeader.split(/,(?=\s*<)/)) {
    const m = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (!m) continue;
    const rels = /;\s*rel\s*=\s*"?([^";]+)"?/i.exec(m[2]!);
    if (rels && rels[1]!.toLowerCase().split(/\s+/).includes('next')) {
      try {
        return new URL(m[1]!, requestUrl).toString();
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
