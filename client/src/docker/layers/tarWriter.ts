// A small tar writer (ustar headers, pax records for long names): builds layer tars and image
// exports for tests and benchmarks, so the reader is checked against archives we fully control.
export interface TarInput {
  path: string;
  type?: 'file' | 'directory' | 'symlink' | 'hardlink';
  content?: Buffer | string;
  linkName?: string;
  mode?: number;
}

const BLOCK = 512;

export function tarHeader(input: TarInput, size: number): Buffer {
  const type = input.type ?? 'file';
  const name = type === 'directory' && !input.path.endsWith('/') ? `${input.path}/` : input.path;
  const linkName = input.linkName ?? '';
  const parts: Buffer[] = [];
  const needsPax = Buffer.byteLength(name) > 100 || Buffer.byteLength(linkName) > 100;
  if (needsPax) {
    const records = [record('path', name), ...(linkName ? [record('linkpath', linkName)] : [])].join('');
    const body = Buffer.from(records, 'utf8');
    parts.push(rawHeader('PaxHeader', 'x', body.length, ''), body, Buffer.alloc(pad(body.length)));
  }
  const flag = { file: '0', directory: '5', symlink: '2', hardlink: '1' }[type];
  parts.push(rawHeader(needsPax ? name.slice(-100) : name, flag, size, needsPax ? linkName.slice(0, 100) : linkName, input.mode));
  return Buffer.concat(parts);
}

/** A whole archive in memory: fine for tests' small layers and for exports built from them. */
export function buildTar(inputs: TarInput[]): Buffer {
  const parts: Buffer[] = [];
  for (const input of inputs) {
    const content = input.content === undefined ? Buffer.alloc(0) : Buffer.isBuffer(input.content) ? input.content : Buffer.from(input.content, 'utf8');
    parts.push(tarHeader(input, content.length), content, Buffer.alloc(pad(content.length)));
  }
  parts.push(Buffer.alloc(BLOCK * 2));
  return Buffer.concat(parts);
}

function pad(size: number): number {
  return size % BLOCK === 0 ? 0 : BLOCK - (size % BLOCK);
}

function record(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  let length = Buffer.byteLength(body) + 1;
  while (String(length).length + Buffer.byteLength(body) !== length) length = String(length).length + Buffer.byteLength(body);
  return `${length}${body}`;
}

function rawHeader(name: string, flag: string, size: number, linkName: string, mode?: number): Buffer {
  const h = Buffer.alloc(BLOCK);
  h.write(name, 0, 100, 'utf8');
  octal(h, 100, 8, mode ?? (flag === '5' ? 0o755 : 0o644));
  octal(h, 108, 8, 0);
  octal(h, 116, 8, 0);
  octal(h, 124, 12, size);
  octal(h, 136, 12, 0);
  h.fill(0x20, 148, 156);
  h.write(flag, 156, 1, 'ascii');
  h.write(linkName, 157, 100, 'utf8');
  h.write('ustar\u000000', 257, 8, 'binary');
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += h[i];
  h.write(`${sum.toString(8).padStart(6, '0')}\u0000 `, 148, 8, 'binary');
  return h;
}

function octal(h: Buffer, offset: number, length: number, value: number): void {
  h.write(`${value.toString(8).padStart(length - 1, '0')}\u0000`, offset, length, 'ascii');
}
