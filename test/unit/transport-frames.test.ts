// The stdio framing: every way a stream can cut, join or break frames must still deliver each
// valid message once, in order, and report what it had to skip.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import type { Message } from 'vscode-languageserver/node';
import { contentLength, FrameReader, MAX_HEADER_BYTES } from '../../server/src/transport/frameReader';
import { frame, FrameWriter } from '../../server/src/transport/frameWriter';
import { CHUNKED_MIN_ITEMS } from '../../server/src/transport/chunkedJson';

function framed(body: unknown): Buffer {
  return frame(body as Message);
}

/** A reader fed by hand: returns the delivered messages and the reported errors. */
function reader(): { feed(chunk: Buffer): void; messages: unknown[]; errors: string[]; source: EventEmitter } {
  const source = new EventEmitter();
  const r = new FrameReader(source as never);
  const messages: unknown[] = [];
  const errors: string[] = [];
  r.onError((e) => errors.push(e.message));
  r.listen((m) => messages.push(m));
  return { feed: (chunk) => source.emit('data', chunk), messages, errors, source };
}

const hover = { jsonrpc: '2.0', id: 1, method: 'textDocument/hover', params: { text: 'FROM 한국어 🐳 \\ "quoted"' } };
const change = { jsonrpc: '2.0', method: 'textDocument/didChange', params: { n: 2 } };

test('frame() counts Content-Length in UTF-8 bytes, not characters', () => {
  const text = frame(hover as Message).toString('utf8');
  const [head, body] = text.split('\r\n\r\n');
  assert.equal(head, `Content-Length: ${Buffer.byteLength(JSON.stringify(hover), 'utf8')}`);
  assert.ok(Buffer.byteLength(body, 'utf8') > body.length, 'the body has multi-byte characters');
  assert.deepEqual(JSON.parse(body), hover);
});

test('a message cut at every byte boundary arrives once and intact (multi-byte characters split too)', () => {
  const bytes = Buffer.concat([framed(hover), framed(change)]);
  for (let cut = 1; cut < bytes.length; cut++) {
    const r = reader();
    r.feed(bytes.subarray(0, cut));
    r.feed(bytes.subarray(cut));
    assert.deepEqual(r.messages, [hover, change], `cut at byte ${cut}`);
    assert.deepEqual(r.errors, []);
  }
});

test('a message sent one byte at a time, and many messages in one chunk, all arrive in order', () => {
  const one = reader();
  for (const b of framed(hover)) one.feed(Buffer.from([b]));
  assert.deepEqual(one.messages, [hover]);

  const many = reader();
  const list = Array.from({ length: 50 }, (_, i) => ({ jsonrpc: '2.0', id: i, method: 'm', params: { i } }));
  many.feed(Buffer.concat(list.map(framed)));
  assert.deepEqual(many.messages, list);
});

test('a 10 MB message in 64 KB chunks arrives whole', () => {
  const big = { jsonrpc: '2.0', method: 'textDocument/didOpen', params: { text: 'RUN echo 한\n'.repeat(800_000) } };
  const bytes = framed(big);
  assert.ok(bytes.length > 10_000_000);
  const r = reader();
  for (let at = 0; at < bytes.length; at += 65536) r.feed(bytes.subarray(at, at + 65536));
  assert.equal(r.messages.length, 1);
  assert.equal((r.messages[0] as typeof big).params.text.length, big.params.text.length);
});

test('other headers (Content-Type) and any letter case of Content-Length are accepted', () => {
  const body = Buffer.from(JSON.stringify(change), 'utf8');
  const r = reader();
  r.feed(Buffer.concat([Buffer.from(`content-length: ${body.length}\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n`, 'ascii'), body]));
  assert.deepEqual(r.messages, [change]);
  assert.equal(contentLength('Content-Type: x\r\nCONTENT-LENGTH:  12 '), 12);
  assert.equal(contentLength('Content-Length: 12abc'), undefined);
  assert.equal(contentLength('Content-Type: x'), undefined);
});

test('invalid JSON and a header without Content-Length are reported and skipped; the next message still arrives', () => {
  const r = reader();
  const bad = Buffer.from('{"jsonrpc": "2.0", "id": 3, ', 'utf8');
  r.feed(Buffer.concat([
    Buffer.from(`Content-Length: ${bad.length}\r\n\r\n`, 'ascii'), bad,
    Buffer.from('X-Nonsense: 1\r\n\r\n', 'ascii'),
    framed(hover),
  ]));
  assert.deepEqual(r.messages, [hover]);
  assert.equal(r.errors.length, 2);
  assert.match(r.errors[0], /not valid JSON/);
  assert.match(r.errors[1], /no valid Content-Length/);
});

test('bytes that never form a header are dropped past the limit instead of growing forever', () => {
  const r = reader();
  const junk = Buffer.alloc(MAX_HEADER_BYTES + 10, 'a');
  r.feed(junk);
  assert.equal(r.errors.length, 1);
  assert.match(r.errors[0], /without a complete message header/);
  r.feed(framed(change));
  assert.deepEqual(r.messages, [change]);
});

test('the stream closing or failing is passed on to the connection', () => {
  const source = new EventEmitter();
  const r = new FrameReader(source as never);
  let closed = 0;
  const errors: string[] = [];
  r.onClose(() => closed++);
  r.onError((e) => errors.push(e.message));
  source.emit('error', new Error('EPIPE'));
  source.emit('end');
  assert.deepEqual(errors, ['EPIPE']);
  assert.equal(closed, 1);
});

/** A sink that records writes and calls back as a pipe does (later, maybe with an error). */
class RecordingSink extends EventEmitter {
  writes: Buffer[] = [];
  failWith: Error | undefined;
  write(chunk: Buffer, callback: (error?: Error | null) => void): boolean {
    this.writes.push(chunk);
    const error = this.failWith;
    setImmediate(() => callback(error));
    return true;
  }
  end(): void {
    this.emit('close');
  }
}

test('the writer sends each message as one write, in the order write() was called', async () => {
  const sink = new RecordingSink();
  const w = new FrameWriter(sink);
  const messages = Array.from({ length: 20 }, (_, i) => ({ jsonrpc: '2.0', id: i, result: { text: 'ü'.repeat(i) } }));
  await Promise.all(messages.map((m) => w.write(m as Message)));
  assert.equal(sink.writes.length, messages.length);
  const r = reader();
  for (const bytes of sink.writes) r.feed(bytes);
  assert.deepEqual(r.messages, messages);
});

test('a failed write rejects and is reported with the message; a value JSON cannot hold sends nothing', async () => {
  const sink = new RecordingSink();
  const w = new FrameWriter(sink);
  const reported: [string, unknown, number | undefined][] = [];
  w.onError(([e, m, n]) => reported.push([e.message, m, n]));
  sink.failWith = new Error('EPIPE');
  await assert.rejects(w.write(change as Message), /EPIPE/);
  assert.deepEqual(reported, [['EPIPE', change, 1]]);

  sink.failWith = undefined;
  const cyclic: Record<string, unknown> = { jsonrpc: '2.0', id: 9 };
  cyclic.result = cyclic;
  const before = sink.writes.length;
  await assert.rejects(w.write(cyclic as unknown as Message), /circular/i);
  assert.equal(sink.writes.length, before);
  assert.equal(reported.length, 2);
});

test('a long diagnostics list is framed piecewise into exactly the JSON of the whole message', () => {
  const diagnostics = Array.from({ length: CHUNKED_MIN_ITEMS * 12 }, (_, i) => ({
    range: { start: { line: i, character: 0 }, end: { line: i, character: 4 } },
    message: i % 3 ? `Pin the version of "pkg${i}"` : `"pkg${i}"의 버전을 고정하세요 🐳`,
    code: 'apt-get-pin-versions',
  }));
  const publish = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///x/Dockerfile', version: 3, diagnostics } };
  const bytes = frame(publish as Message);
  const text = bytes.toString('utf8');
  const body = text.slice(text.indexOf('\r\n\r\n') + 4);
  assert.equal(body, JSON.stringify(publish), 'byte for byte what JSON.stringify writes');
  assert.equal(Buffer.byteLength(body, 'utf8'), Number(/Content-Length: (\d+)/.exec(text)?.[1]));
  // Diagnostics not last in params: still the same message once parsed.
  const reordered = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { diagnostics, uri: 'file:///y' } };
  const r = reader();
  r.feed(frame(reordered as Message));
  assert.deepEqual(r.messages, [reordered]);
});
