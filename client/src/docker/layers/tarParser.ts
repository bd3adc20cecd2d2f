// A push-based, synchronous tar reader. It is fed chunks as they arrive and never holds an entry's
// content: each entry's bytes are handed to the sink its handler returns (or skipped), so a
// multi-gigabyte archive is read with one 512-byte header buffer. Understands ustar, GNU long
// names (L/K), pax extended headers (path, linkpath, size) and base-256 sizes.

export type TarEntryType = 'file' | 'directory' | 'symlink' | 'hardlink' | 'other';

export interface TarHeader {
  /** Normalised path: no leading "./" or "/", no trailing "/"; "" is the archive root. */
  path: string;
  type: TarEntryType;
  /** Bytes of content that follow the header. */
  size: number;
  /** Target of a symlink or hardlink, as written in the archive. */
  linkName: string;
}

export interface TarEntrySink {
  data(chunk: Buffer): void;
  end(): void;
}

/** Returns where an entry's content goes; undefined skips it without copying. */
export type TarEntryHandler = (header: TarHeader) => TarEntrySink | undefined;

const BLOCK = 512;
/** pax and GNU long-name records are metadata; anything bigger is a corrupt or hostile archive. */
const MAX_META_BYTES = 16 * 1024 * 1024;

type MetaKind = 'pax' | 'paxGlobal' | 'longName' | 'longLink';

export class TarFormatError extends Error {}

export class TarParser {
  private readonly header = Buffer.allocUnsafe(BLOCK);
  private headerFill = 0;
  /** Content bytes still to deliver for the current entry, then padding bytes to skip. */
  private remaining = 0;
  private padding = 0;
  private sink: TarEntrySink | undefined;
  private meta: { kind: MetaKind; chunks: Buffer[]; length: number } | undefined;
  private pending: { path?: string; linkName?: string; size?: number } = {};
  private zeroBlocks = 0;
  private finished = false;
  /** Total bytes consumed, for callers that report the archive's size. */
  bytesRead = 0;

  constructor(private readonly onEntry: TarEntryHandler) {}

  /** True once the end-of-archive marker (two zero blocks) was seen. */
  get done(): boolean {
    return this.finished;
  }

  write(chunk: Buffer): void {
    this.bytesRead += chunk.length;
    let pos = 0;
    const len = chunk.length;
    while (pos < len) {
      if (this.finished) return; // bytes after the end marker are padding to the record size
      if (this.remaining > 0) {
        const take = Math.min(this.remaining, len - pos);
        if (this.meta) {
          this.meta.chunks.push(Buffer.from(chunk.subarray(pos, pos + take))); // copy: the producer may reuse its chunk
          this.meta.length += take;
        } else if (this.sink) {
          this.sink.data(take === len ? chunk : chunk.subarray(pos, pos + take));
        } // else: skipped content costs nothing, not even a view
        this.remaining -= take;
        pos += take;
        if (this.remaining === 0) this.finishEntry();
        continue;
      }
      if (this.padding > 0) {
        const take = Math.min(this.padding, len - pos);
        this.padding -= take;
        pos += take;
        continue;
      }
      const take = Math.min(BLOCK - this.headerFill, len - pos);
      if (take === BLOCK) {
        this.onHeader(chunk.subarray(pos, pos + BLOCK));
      } else {
        chunk.copy(this.header, this.headerFill, pos, pos + take);
        this.headerFill += take;
        if (this.headerFill === BLOCK) {
          this.headerFill = 0;
          this.onHeader(this.header);
        }
      }
      pos += take;
    }
  }

  /** Call after the last chunk: throws when the archive stopped in the middle of an entry. */
  end(): void {
    if (this.remaining > 0 || this.headerFill > 0 || this.meta) {
      throw new TarFormatError('tar archive ends in the middle of an entry (truncated download?)');
    }
  }

  private finishEntry(): void {
    if (this.meta) {
      const meta = this.meta;
      this.meta = undefined;
      this.applyMeta(meta.kind, Buffer.concat(meta.chunks, meta.length));
    } else if (this.sink) {
      const sink = this.sink;
      this.sink = undefined;
      sink.end();
    }
  }

  private onHeader(block: Buffer): void {
    if (isZeroBlock(block)) {
      this.zeroBlocks += 1;
      if (this.zeroBlocks >= 2) this.finished = true;
      return;
    }
    this.zeroBlocks = 0;
    if (!checksumMatches(block)) throw new TarFormatError('tar header checksum mismatch (not a tar archive, or corrupt)');
    const flag = block[156];
    const metaKind = metaKindOf(flag);
    // A pax "size" applies to the entry after the pax record, never to a metadata record itself.
    const size = metaKind ? parseNumber(block, 124, 12) : (this.pending.size ?? parseNumber(block, 124, 12));
    const padded = size % BLOCK === 0 ? 0 : BLOCK - (size % BLOCK);
    if (metaKind) {
      if (size > MAX_META_BYTES) throw new TarFormatError(`tar metadata record of ${size} bytes is too large`);
      this.remaining = size;
      this.padding = padded;
      this.meta = { kind: metaKind, chunks: [], length: 0 };
      if (size === 0) this.finishEntry();
      return;
    }
    const header: TarHeader = {
      path: normalisePath(this.pending.path ?? headerName(block)),
      type: entryType(flag),
      size,
      linkName: this.pending.linkName ?? readString(block, 157, 100),
    };
    this.pending = {};
    this.sink = this.onEntry(header);
    this.remaining = size;
    this.padding = padded;
    if (size === 0) this.finishEntry();
  }

  private applyMeta(kind: MetaKind, data: Buffer): void {
    if (kind === 'longName') this.pending.path = cString(data);
    else if (kind === 'longLink') this.pending.linkName = cString(data);
    else if (kind === 'pax') Object.assign(this.pending, parsePax(data));
    // Global pax headers only carry defaults we do not use (mtime, charset).
  }
}

function metaKindOf(flag: number): MetaKind | undefined {
  switch (flag) {
    case 0x78: return 'pax'; // 'x'
    case 0x67: return 'paxGlobal'; // 'g'
    case 0x4c: return 'longName'; // 'L'
    case 0x4b: return 'longLink'; // 'K'
    default: return undefined;
  }
}

function entryType(flag: number): TarEntryType {
  switch (flag) {
    case 0: case 0x30: case 0x37: return 'file'; // '\0', '0', '7' (contiguous file)
    case 0x31: return 'hardlink';
    case 0x32: return 'symlink';
    case 0x35: return 'directory';
    default: return 'other';
  }
}

function isZeroBlock(block: Buffer): boolean {
  // A real header always has a non-zero checksum field, so testing it first keeps this cheap.
  if (block[148] !== 0) return false;
  for (let i = 0; i < BLOCK; i++) if (block[i] !== 0) return false;
  return true;
}

function checksumMatches(block: Buffer): boolean {
  let sum = 8 * 0x20; // the checksum field itself counts as eight spaces
  for (let i = 0; i < 148; i++) sum += block[i];
  for (let i = 156; i < BLOCK; i++) sum += block[i];
  return sum === parseOctal(block, 148, 8);
}

/** True when a block looks like the first header of a tar archive (or an empty archive). */
export function looksLikeTar(block: Buffer): boolean {
  if (block.length < BLOCK) return false;
  return isZeroBlock(block) || checksumMatches(block);
}

function headerName(block: Buffer): string {
  const name = readString(block, 0, 100);
  // ustar ("ustar\0") splits long names into prefix/name; GNU ("ustar  ") uses L records instead.
  if (block[257] === 0x75 && block[262] === 0 && block[345] !== 0) {
    return `${readString(block, 345, 155)}/${name}`;
  }
  return name;
}

function readString(block: Buffer, start: number, length: number): string {
  let end = start;
  const limit = start + length;
  while (end < limit && block[end] !== 0) end++;
  return block.toString('utf8', start, end);
}

function cString(data: Buffer): string {
  const nul = data.indexOf(0);
  return data.toString('utf8', 0, nul < 0 ? data.length : nul);
}

function parseOctal(block: Buffer, start: number, length: number): number {
  let value = 0;
  let i = start;
  const end = start + length;
  while (i < end && (block[i] === 0x20 || block[i] === 0)) i++;
  for (; i < end; i++) {
    const c = block[i];
    if (c < 0x30 || c > 0x37) break;
    value = value * 8 + (c - 0x30);
  }
  return value;
}

function parseNumber(block: Buffer, start: number, length: number): number {
  if (block[start] & 0x80) {
    // GNU base-256: big-endian two's complement with the top bit as a marker (sizes ≥ 8 GiB).
    let value = block[start] & 0x7f;
    for (let i = start + 1; i < start + length; i++) value = value * 256 + block[i];
    return value;
  }
  return parseOctal(block, start, length);
}

function parsePax(data: Buffer): { path?: string; linkName?: string; size?: number } {
  const out: { path?: string; linkName?: string; size?: number } = {};
  let pos = 0;
  while (pos < data.length) {
    const space = data.indexOf(0x20, pos);
    if (space < 0) break;
    const recordLength = Number(data.toString('ascii', pos, space));
    if (!Number.isFinite(recordLength) || recordLength <= 0) break;
    const record = data.toString('utf8', space + 1, pos + recordLength - 1); // drop trailing "\n"
    const eq = record.indexOf('=');
    if (eq > 0) {
      const key = record.slice(0, eq);
      const value = record.slice(eq + 1);
      if (key === 'path') out.path = value;
      else if (key === 'linkpath') out.linkName = value;
      else if (key === 'size') out.size = Number(value);
    }
    pos += recordLength;
  }
  return out;
}

/** "./a/b/", "/a/b" and "a//b" all become "a/b"; "." and "./" become "". */
export function normalisePath(raw: string): string {
  let start = 0;
  let end = raw.length;
  for (;;) {
    if (raw.startsWith('./', start)) start += 2;
    else if (raw[start] === '/') start += 1;
    else break;
  }
  while (end > start && raw[end - 1] === '/') end--;
  let path = raw.slice(start, end);
  if (path === '.') return '';
  if (path.includes('//') || path.includes('/./')) {
    path = path.split('/').filter((p) => p !== '' && p !== '.').join('/');
  }
  return path;
}
