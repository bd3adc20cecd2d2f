import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { DockerignoreMatcher } from './dockerignore';
import { encodeHeader, endOfArchive, padding } from './tarWriter';

/**
 * Streams a build context as an uncompressed tar, the way `docker build` sends it: files in
 * lexical walk order, .dockerignore applied with the CLI's rules, uid/gid 0, and a Dockerfile that
 * lives outside the context added under a random `.dockerfile.<hex>` name. Files are read in
 * chunks of at most 512 KiB while the consumer pulls, so memory does not grow with the context size.
 */

export interface ContextStats {
  files: number;
  bytes: number;
}

export interface BuildContextOptions {
  readonly contextDir: string;
  /** Absolute path of the Dockerfile. */
  readonly dockerfile: string;
  /** Called once when no .dockerignore exists and the context grows past `largeContextBytes`. */
  readonly onLargeContext?: (stats: ContextStats) => void;
  readonly largeContextBytes?: number;
}

export interface BuildContext {
  readonly stream: Readable;
  /** What the engine's `dockerfile` parameter must say (slash-separated, relative to the context). */
  readonly dockerfileName: string;
  readonly hasDockerignore: boolean;
  /** Live counters, final once the stream ended. */
  readonly stats: ContextStats;
  readonly matcher: DockerignoreMatcher;
}

const CHUNK = 512 * 1024;
export const LARGE_CONTEXT_BYTES = 100 * 1024 * 1024;

function toSlash(p: string): string {
  return p.split(path.sep).join('/');
}

export function createBuildContext(opts: BuildContextOptions): BuildContext {
  const contextDir = path.resolve(opts.contextDir);
  const dockerfile = path.resolve(opts.dockerfile);
  const relDockerfile = path.relative(contextDir, dockerfile);
  const inside = !!relDockerfile && !relDockerfile.startsWith('..') && !path.isAbsolute(relDockerfile);
  const dockerfileName = inside ? toSlash(relDockerfile) : `.dockerfile.${randomBytes(10).toString('hex')}`;

  let ignoreText: string | undefined;
  try {
    ignoreText = fs.readFileSync(path.join(contextDir, '.dockerignore'), 'utf8');
  } catch {
    ignoreText = undefined;
  }
  const matcher = DockerignoreMatcher.fromText(ignoreText, inside ? [dockerfileName, '.dockerignore'] : ['.dockerignore']);
  const stats: ContextStats = { files: 0, bytes: 0 };
  const threshold = opts.largeContextBytes ?? LARGE_CONTEXT_BYTES;
  let warned = ignoreText !== undefined;
  const count = (bytes: number) => {
    stats.bytes += bytes;
    if (!warned && stats.bytes > threshold) {
      warned = true;
      opts.onLargeContext?.({ ...stats });
    }
  };

  async function* entries(): AsyncGenerator<Buffer> {
    yield* walk(contextDir, '');
    if (!inside) {
      const st = await fs.promises.stat(dockerfile);
      yield* fileEntry(dockerfile, dockerfileName, st);
    }
    yield endOfArchive();
  }

  async function* walk(absDir: string, relDir: string): AsyncGenerator<Buffer> {
    const names = (await fs.promises.readdir(absDir)).sort(); // Go's filepath.Walk order (byte-wise)
    for (const name of names) {
      const rel = relDir ? `${relDir}/${name}` : name;
      const abs = path.join(absDir, name);
      let st: fs.Stats;
      try {
        st = await fs.promises.lstat(abs);
      } catch {
        continue; // removed while we walk
      }
      const ignored = matcher.ignores(rel);
      if (st.isDirectory()) {
        if (ignored) {
          if (matcher.mustDescendInto(rel)) yield* walk(abs, rel);
          continue;
        }
        yield encodeHeader({ name: rel, type: 'directory', mode: st.mode, size: 0, mtime: Math.floor(st.mtimeMs / 1000) });
        yield* walk(abs, rel);
      } else if (ignored) {
        continue;
      } else if (st.isSymbolicLink()) {
        const target = await fs.promises.readlink(abs);
        yield encodeHeader({ name: rel, type: 'symlink', mode: st.mode, size: 0, mtime: Math.floor(st.mtimeMs / 1000), linkname: target });
      } else if (st.isFile()) {
        yield* fileEntry(abs, rel, st);
      }
      // Sockets, FIFOs and devices are skipped: they carry no content for a build.
    }
  }

  async function* fileEntry(abs: string, rel: string, st: fs.Stats): AsyncGenerator<Buffer> {
    const size = st.size;
    const header = encodeHeader({ name: rel, type: 'file', mode: st.mode, size, mtime: Math.floor(st.mtimeMs / 1000) });
    const pad = padding(size);
    const handle = await fs.promises.open(abs, 'r');
    let sent = 0;
    try {
      if (size <= CHUNK) {
        // Small files (most of a context): header, body and padding in one buffer, one read.
        const buf = Buffer.allocUnsafe(header.length + size + pad);
        header.copy(buf, 0);
        while (sent < size) {
          const { bytesRead } = await handle.read(buf, header.length + sent, size - sent, sent);
          if (bytesRead === 0) break; // the file shrank while we read it: zero-filled below
          sent += bytesRead;
        }
        buf.fill(0, header.length + sent); // padding (and whatever a shrunk file did not give)
        count(sent);
        stats.files += 1;
        yield buf;
        return;
      }
      yield header;
      while (sent < size) {
        const buf = Buffer.allocUnsafe(Math.min(CHUNK, size - sent));
        const { bytesRead } = await handle.read(buf, 0, buf.length, sent);
        if (bytesRead === 0) break; // the file shrank while we read it; pad below
        sent += bytesRead;
        count(bytesRead);
        yield bytesRead === buf.length ? buf : buf.subarray(0, bytesRead);
      }
    } finally {
      await handle.close();
    }
    stats.files += 1;
    // A file that shrank is padded with zeros to the size announced in its header.
    const missing = size - sent;
    if (missing > 0) yield Buffer.alloc(missing);
    if (pad) yield Buffer.alloc(pad);
  }

  const stream = Readable.from(entries(), { objectMode: false, highWaterMark: 4 * CHUNK });
  return { stream, dockerfileName, hasDockerignore: ignoreText !== undefined, stats, matcher };
}

