/**
 * Builds POSIX tar headers (ustar, with PAX records for long or non-ASCII names and huge sizes).
 * Only headers are built here; file bodies are streamed by the caller, so memory stays bounded.
 */

export type TarEntryType = 'file' | 'directory' | 'symlink';

export interface TarHeader {
  readonly name: string;
  readonly type: TarEntryType;
  readonly mode: number;
  readonly size: number;
  readonly mtime: number; // seconds since the epoch
  readonly linkname?: string;
}

export const BLOCK = 512;
const MAX_OCTAL_11 = 0o77777777777;

function writeString(buf: Buffer, offset: number, length: number, value: string): void {
  buf.write(value, offset, length, 'utf8');
}

function writeOctal(buf: Buffer, offset: number, length: number, value: number): void {
  const digits = Math.floor(value).toString(8).padStart(length - 1, '0');
  buf.write(`${digits}\0`, offset, length, 'ascii');
}

function fitsUstar(value: string, max: number): boolean {
  // eslint-disable-next-line no-control-regex
  return /^[\x01-\x7f]*$/.test(value) && Buffer.byteLength(value) <= max;
}

function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  let len = Buffer.byteLength(body);
  let total = len + String(len).length;
  if (String(total).length !== String(len).length) total = len + String(total).length;
  len = total;
  return `${len}${body}`;
}

function rawHeader(h: TarHeader, typeflag: string, name: string, linkname: string, size: number): Buffer {
  const buf = Buffer.alloc(BLOCK);
  writeString(buf, 0, 100, name);
  writeOctal(buf, 100, 8, h.mode & 0o7777);
  writeOctal(buf, 108, 8, 0); // uid 0 like the CLI (ChownOpts 0:0)
  writeOctal(buf, 116, 8, 0); // gid 0
  writeOctal(buf, 124, 12, size);
  writeOctal(buf, 136, 12, Math.max(0, Math.min(h.mtime, MAX_OCTAL_11)));
  buf.fill(0x20, 148, 156); // checksum is computed with its own field as spaces
  writeString(buf, 156, 1, typeflag);
  writeString(buf, 157, 100, linkname);
  writeString(buf, 257, 6, 'ustar\0');
  writeString(buf, 263, 2, '00');
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += buf[i]!;
  buf.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'ascii');
  return buf;
}

const TYPEFLAG: Record<TarEntryType, string> = { file: '0', directory: '5', symlink: '2' };

/** The header block(s) for one entry: a PAX extended header first when ustar cannot hold it. */
export function encodeHeader(h: TarHeader): Buffer {
  const name = h.type === 'directory' && !h.name.endsWith('/') ? `${h.name}/` : h.name;
  const linkname = h.linkname ?? '';
  const records: string[] = [];
  if (!fitsUstar(name, 100)) records.push(paxRecord('path', name));
  if (!fitsUstar(linkname, 100)) records.push(paxRecord('linkpath', linkname));
  if (h.size > MAX_OCTAL_11) records.push(paxRecord('size', String(h.size)));
  const main = rawHeader(h, TYPEFLAG[h.type], records.length ? asciiPrefix(name, 100) : name, records.length ? asciiPrefix(linkname, 100) : linkname, h.size > MAX_OCTAL_11 ? 0 : h.size);
  if (!records.length) return main;
  const body = Buffer.from(records.join(''), 'utf8');
  const paxHeader = rawHeader({ ...h, type: 'file', mode: 0o644 }, 'x', asciiPrefix(`PaxHeaders.0/${baseName(name)}`, 100), '', body.length);
  return Buffer.concat([paxHeader, body, Buffer.alloc(padding(body.length)), main]);
}

function baseName(p: string): string {
  const trimmed = p.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

function asciiPrefix(s: string, max: number): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[^\x01-\x7f]/g, '_').slice(0, max);
}

export function padding(size: number): number {
  const rest = size % BLOCK;
  return rest === 0 ? 0 : BLOCK - rest;
}

/** Two zero blocks end an archive. */
export function endOfArchive(): Buffer {
  return Buffer.alloc(BLOCK * 2);
}
