// Reads an image export (`docker save`, Engine API /images/{name}/get) in ONE pass over the stream.
// The order of entries in the outer tar is not fixed (manifest.json may come after the layers),
// so every entry is classified by sniffing its first bytes and kept under its path: layer tars
// (plain or gzip) are scanned as they stream, small JSON documents are parsed, links remembered,
// everything else skipped. Which layers belong to the image, and in what order, is decided at the
// end from manifest.json / index.json (see imageLayout.ts). Memory holds paths and sizes, never
// layer content: at most one chunk per gzip stream is in flight.
import * as zlib from 'node:zlib';
import { LayerScanner, type LayerRecord } from './layerRecord';
import { TarParser, looksLikeTar, normalisePath, type TarEntrySink, type TarHeader } from './tarParser';

export interface ExportContents {
  /** Parsed JSON documents (manifest.json, index.json, configs, OCI manifests) by archive path. */
  documents: Map<string, unknown>;
  /** Scanned layer tars by archive path. */
  layers: Map<string, LayerRecord>;
  /** Symlinks and hardlinks in the archive (Docker 25+ links <id>/layer.tar to blobs/…). */
  links: Map<string, string>;
  /** Entries that look like layers but could not be read, with the reason. */
  problems: Map<string, string>;
  /** Bytes of the export read from the stream. */
  bytesRead: number;
}

/** JSON documents in an export are small; a larger "JSON" entry is not one we need. */
const MAX_JSON_BYTES = 64 * 1024 * 1024;
const SNIFF_BYTES = 512;

interface PassState {
  contents: ExportContents;
  /** Drains to wait for before the next chunk is read: this is the backpressure on the source. */
  waits: Promise<void>[];
  /** gzip streams still finishing. */
  completions: Promise<void>[];
}

export interface ReadExportOptions {
  signal?: AbortSignal;
}

export async function readImageExport(source: AsyncIterable<Buffer | Uint8Array | string>, options: ReadExportOptions = {}): Promise<ExportContents> {
  const state: PassState = {
    contents: { documents: new Map(), layers: new Map(), links: new Map(), problems: new Map(), bytesRead: 0 },
    waits: [],
    completions: [],
  };
  const outer = new TarParser((header) => openEntry(header, state));
  for await (const chunk of source) {
    options.signal?.throwIfAborted();
    outer.write(typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    if (state.waits.length) await Promise.all(state.waits.splice(0));
  }
  outer.end();
  await Promise.all(state.completions);
  state.contents.bytesRead = outer.bytesRead;
  return state.contents;
}

function openEntry(header: TarHeader, state: PassState): TarEntrySink | undefined {
  const { contents } = state;
  if (header.type === 'symlink') {
    contents.links.set(header.path, resolveLink(header.path, header.linkName));
    return undefined;
  }
  if (header.type === 'hardlink') {
    contents.links.set(header.path, normalisePath(header.linkName));
    return undefined;
  }
  if (header.type !== 'file' || header.size === 0) return undefined;
  return new SniffingSink(header.path, header.size, state);
}

/** Resolves a symlink target relative to the link's directory, inside the archive. */
export function resolveLink(linkPath: string, target: string): string {
  const base = target.startsWith('/') ? [] : linkPath.split('/').slice(0, -1);
  for (const part of target.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') base.pop();
    else base.push(part);
  }
  return base.join('/');
}

/** Buffers an entry's first bytes, decides what it is, then streams the rest to the right reader. */
class SniffingSink implements TarEntrySink {
  private head: Buffer[] = [];
  private headLength = 0;
  /** undefined: not decided yet; null: skipped. */
  private target: TarEntrySink | null | undefined;
  private failed = false;

  constructor(private readonly path: string, private readonly size: number, private readonly state: PassState) {}

  data(chunk: Buffer): void {
    if (this.target !== undefined) {
      if (this.target) this.forward(chunk);
      return;
    }
    const have = this.headLength + chunk.length;
    if (have < Math.min(SNIFF_BYTES, this.size)) {
      // Only entries (or first pieces) under 512 bytes wait here, so these copies stay tiny.
      this.head.push(Buffer.from(chunk));
      this.headLength = have;
      return;
    }
    const earlier = this.head;
    this.head = [];
    const sniff = Buffer.concat([...earlier, chunk.subarray(0, SNIFF_BYTES)]).subarray(0, SNIFF_BYTES);
    this.target = chooseReader(this.path, this.size, sniff, this.state) ?? null;
    for (const piece of earlier) this.forward(piece);
    this.forward(chunk);
  }

  end(): void {
    if (!this.target || this.failed) return;
    try {
      this.target.end();
    } catch (err) {
      this.fail(err);
    }
  }

  private forward(chunk: Buffer): void {
    if (!this.target || this.failed) return;
    try {
      this.target.data(chunk);
    } catch (err) {
      this.fail(err);
    }
  }

  private fail(err: unknown): void {
    this.failed = true;
    this.state.contents.problems.set(this.path, err instanceof Error ? err.message : String(err));
  }
}

function chooseReader(path: string, size: number, head: Buffer, state: PassState): TarEntrySink | undefined {
  if (head[0] === 0x1f && head[1] === 0x8b) return new CompressedLayerReader(path, state, zlib.createGunzip({ chunkSize: 64 * 1024 }), 'gzip');
  if (head[0] === 0x28 && head[1] === 0xb5 && head[2] === 0x2f && head[3] === 0xfd) {
    // zstd layers (containerd/BuildKit `compression=zstd`): Node.js ≥ 22.15 can inflate them.
    const createZstd = (zlib as unknown as { createZstdDecompress?: () => zlib.Gunzip }).createZstdDecompress;
    if (createZstd) return new CompressedLayerReader(path, state, createZstd(), 'zstd');
    state.contents.problems.set(path, `zstd-compressed layer: Node.js ${process.version} cannot decompress zstd (22.15 or newer can)`);
    return undefined;
  }
  if (looksLikeTar(head)) return new PlainLayerReader(path, state);
  const first = head.find((b) => b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09);
  if ((first === 0x7b || first === 0x5b) && size <= MAX_JSON_BYTES) return new JsonReader(path, state);
  return undefined;
}

class PlainLayerReader implements TarEntrySink {
  private readonly scanner = new LayerScanner('none');
  constructor(private readonly path: string, private readonly state: PassState) {}
  data(chunk: Buffer): void {
    this.scanner.data(chunk);
  }
  end(): void {
    this.scanner.end();
    this.state.contents.layers.set(this.path, this.scanner.record);
  }
}

class JsonReader implements TarEntrySink {
  private chunks: Buffer[] = [];
  constructor(private readonly path: string, private readonly state: PassState) {}
  data(chunk: Buffer): void {
    this.chunks.push(Buffer.from(chunk));
  }
  end(): void {
    try {
      this.state.contents.documents.set(this.path, JSON.parse(Buffer.concat(this.chunks).toString('utf8')));
    } catch {
      // Not JSON after all (a file that merely starts with "{"): not something we need.
    }
    this.chunks = [];
  }
}

/**
 * Compressed layer blobs (OCI layouts) go through zlib. zlib is asynchronous, so its output arrives
 * in 'data' events; when its input buffer is full, the pass waits for 'drain' before reading on.
 */
class CompressedLayerReader implements TarEntrySink {
  private readonly scanner: LayerScanner;
  private storedBytes = 0;
  private failed = false;

  constructor(
    private readonly path: string,
    private readonly state: PassState,
    private readonly gunzip: zlib.Gunzip,
    private readonly format: 'gzip' | 'zstd',
  ) {
    this.scanner = new LayerScanner(format);
    this.gunzip.on('data', (chunk: Buffer) => {
      if (this.failed) return;
      try {
        this.scanner.data(chunk);
      } catch (err) {
        this.fail(err);
      }
    });
    state.completions.push(
      new Promise<void>((resolve) => {
        this.gunzip.once('end', () => {
          if (!this.failed) {
            try {
              this.scanner.end();
              this.scanner.record.storedBytes = this.storedBytes;
              this.state.contents.layers.set(this.path, this.scanner.record);
            } catch (err) {
              this.fail(err);
            }
          }
          resolve();
        });
        this.gunzip.once('error', (err) => {
          this.fail(err);
          resolve();
        });
      }),
    );
  }

  data(chunk: Buffer): void {
    this.storedBytes += chunk.length;
    if (this.failed) return;
    if (!this.gunzip.write(chunk)) this.state.waits.push(drained(this.gunzip));
  }

  end(): void {
    this.gunzip.end();
  }

  private fail(err: unknown): void {
    if (this.failed) return;
    this.failed = true;
    this.state.contents.problems.set(this.path, `${this.format} layer: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Resolves when the stream can take more input, or can never again (error/close): never hangs. */
function drained(stream: zlib.Gunzip): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      stream.off('drain', done);
      stream.off('error', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('error', done);
    stream.on('close', done);
  });
}
