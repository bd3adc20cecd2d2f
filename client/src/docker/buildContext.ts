import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { DockerignoreMatcher } from './dockerignore';
import { dockerignoreCandidates } from '../../../server/src/rules/buildkit/dockerignoreFile';
import { readAhead } from './readAhead';
import { encodeHeader, endOfArchive, padding } from './tarWriter';

/**
 * Streams a build context as an uncompressed tar, the way `docker build` sends it: files in
 * lexical walk order, .dockerignore applied with the CLI's rules, uid/gid 0, and a Dockerfile that
 * lives outside the context added under a random `.dockerfile.<hex>` name. Small files are read
 * a few at a time ahead of the consumer (at most 16 files / 4 MiB), big ones in chunks of at most
 * 512 KiB while the consumer pulls, so memory does not grow with the context size.
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
/** Members whose bytes are read ahead of the consumer, and the most small-file bytes that may be held. */
const READ_AHEAD_FILES = 16;
const READ_AHEAD_BYTES = 4 * 1024 * 1024;
/** Chunks of one big file read ahead of the consumer. */
const BIG_FILE_AHEAD = 4;
/** Directory entries lstat-ed at once. */
const STAT_BATCH = 64;
export const LARGE_CONTEXT_BYTES = 100 * 1024 * 1024;

function toSlash(p: string): string {
  return p.split(path.sep).join('/');
}

async function* chunkOffsets(size: number): AsyncGenerator<number> {
  for (let offset = 0; offset < size; offset += CHUNK) yield offset;
}

/**
 * The ignore file BuildKit uses for this Dockerfile: `<Dockerfile name>.dockerignore` next to the
 * Dockerfile when there is one (so `Dockerfile.prod` can send a different context than
 * `Dockerfile`), else `.dockerignore` at the root of the context. Undefined when neither exists.
 * The same places as the CopyIgnoredFile rule, read without blocking the extension host.
 */
async function readIgnoreFile(dockerfile: string, contextDir: string): Promise<string | undefined> {
  for (const candidate of dockerignoreCandidates(dockerfile, contextDir)) {
    try {
      return await fs.promises.readFile(candidate, 'utf8');
    } catch {
      // not there: try the next place
    }
  }
  return undefined;
}

export async function createBuildContext(opts: BuildContextOptions): Promise<BuildContext> {
  const contextDir = path.resolve(opts.contextDir);
  const dockerfile = path.resolve(opts.dockerfile);
  const relDockerfile = path.relative(contextDir, dockerfile);
  const inside = !!relDockerfile && !relDockerfile.startsWith('..') && !path.isAbsolute(relDockerfile);
  const dockerfileName = inside ? toSlash(relDockerfile) : `.dockerfile.${randomBytes(10).toString('hex')}`;

  const ignoreText = await readIgnoreFile(dockerfile, contextDir);
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

  /** One archive member found by the walk; its bytes are read later, a few members ahead. */
  interface Member {
    abs: string;
    rel: string;
    st: fs.Stats;
  }

  async function* members(): AsyncGenerator<Member> {
    yield* walk(contextDir, '');
    if (!inside) yield { abs: dockerfile, rel: dockerfileName, st: await fs.promises.stat(dockerfile) };
  }

  async function* walk(absDir: string, relDir: string): AsyncGenerator<Member> {
    const names = (await fs.promises.readdir(absDir)).sort(); // Go's filepath.Walk order (byte-wise)
    // lstat a batch of names at once (the thread pool runs them side by side), then go in order.
    for (let b = 0; b < names.length; b += STAT_BATCH) {
      const batch = names.slice(b, b + STAT_BATCH);
      const stats = await Promise.all(batch.map((name) => fs.promises.lstat(path.join(absDir, name)).catch(() => undefined)));
      for (let i = 0; i < batch.length; i++) {
        const st = stats[i];
        if (!st) continue; // removed while we walk
        const rel = relDir ? `${relDir}/${batch[i]}` : batch[i];
        const abs = path.join(absDir, batch[i]);
        const ignored = matcher.ignores(rel);
        if (st.isDirectory()) {
          if (ignored) {
            if (matcher.mustDescendInto(rel)) yield* walk(abs, rel);
            continue;
          }
          yield { abs, rel, st };
          yield* walk(abs, rel);
        } else if (!ignored && (st.isSymbolicLink() || st.isFile())) {
          yield { abs, rel, st };
        }
        // Sockets, FIFOs and devices are skipped: they carry no content for a build.
      }
    }
  }

  /** What a member becomes: its complete bytes, or (big files) a marker to stream it in chunks. */
  type Prepared = { bytes: Buffer; bodyBytes: number; isFile: boolean } | { big: Member };

  async function prepare(m: Member): Promise<Prepared> {
    const mtime = Math.floor(m.st.mtimeMs / 1000);
    if (m.st.isDirectory()) return { bytes: encodeHeader({ name: m.rel, type: 'directory', mode: m.st.mode, size: 0, mtime }), bodyBytes: 0, isFile: false };
    if (m.st.isSymbolicLink()) {
      const target = await fs.promises.readlink(m.abs);
      return { bytes: encodeHeader({ name: m.rel, type: 'symlink', mode: m.st.mode, size: 0, mtime, linkname: target }), bodyBytes: 0, isFile: false };
    }
    if (m.st.size > CHUNK) return { big: m };
    // Small files (most of a context): header, body and padding in one buffer, one read.
    const size = m.st.size;
    const header = encodeHeader({ name: m.rel, type: 'file', mode: m.st.mode, size, mtime });
    const buf = Buffer.allocUnsafe(header.length + size + padding(size));
    header.copy(buf, 0);
    let sent = 0;
    const handle = await fs.promises.open(m.abs, 'r');
    try {
      while (sent < size) {
        const { bytesRead } = await handle.read(buf, header.length + sent, size - sent, sent);
        if (bytesRead === 0) break; // the file shrank while we read it: zero-filled below
        sent += bytesRead;
      }
    } finally {
      await handle.close();
    }
    buf.fill(0, header.length + sent); // padding (and whatever a shrunk file did not give)
    return { bytes: buf, bodyBytes: sent, isFile: true };
  }

  async function* entries(): AsyncGenerator<Buffer> {
    const prepared = readAhead(members(), prepare, { window: READ_AHEAD_FILES, weight: (m) => (m.st.isFile() && m.st.size <= CHUNK ? m.st.size : 0), maxWeight: READ_AHEAD_BYTES });
    for await (const p of prepared) {
      if ('big' in p) {
        yield* bigFile(p.big.abs, p.big.rel, p.big.st);
        continue;
      }
      if (p.isFile) {
        count(p.bodyBytes);
        stats.files += 1;
      }
      yield p.bytes;
    }
    yield endOfArchive();
  }

  /** A file larger than one chunk: header, then the body in chunks read as the consumer pulls. */
  async function* bigFile(abs: string, rel: string, st: fs.Stats): AsyncGenerator<Buffer> {
    const size = st.size;
    const header = encodeHeader({ name: rel, type: 'file', mode: st.mode, size, mtime: Math.floor(st.mtimeMs / 1000) });
    const pad = padding(size);
    const handle = await fs.promises.open(abs, 'r');
    let sent = 0;
    try {
      yield header;
      // The next chunks are read while the consumer sends this one (at most BIG_FILE_AHEAD chunks held).
      const readChunk = async (offset: number): Promise<Buffer> => {
        const buf = Buffer.allocUnsafe(Math.min(CHUNK, size - offset));
        const { bytesRead } = await handle.read(buf, 0, buf.length, offset);
        return bytesRead === buf.length ? buf : buf.subarray(0, bytesRead);
      };
      for await (const chunk of readAhead(chunkOffsets(size), readChunk, { window: BIG_FILE_AHEAD })) {
        if (chunk.length === 0) break; // the file shrank while we read it; pad below
        sent += chunk.length;
        count(chunk.length);
        yield chunk;
        if (chunk.length < CHUNK && sent < size) break; // shrank mid-chunk: no later chunk is valid
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

