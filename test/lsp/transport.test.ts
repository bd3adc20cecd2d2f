// The stdio transport of the real server (our own framing, server/src/transport/): frames cut
// anywhere, broken frames, and the client going away.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import type { Message } from 'vscode-languageserver/node';
import { FrameReader } from '../../server/src/transport/frameReader';
import { frame } from '../../server/src/transport/frameWriter';
import { serverLaunch } from '../../server/src/serverLaunch';

const serverJs = join(__dirname, '..', '..', 'dist', 'server.js');

interface RawServer {
  proc: ChildProcessWithoutNullStreams;
  /** Resolves with the response to request `id`. */
  response(id: number, timeoutMs?: number): Promise<{ result?: unknown; error?: unknown }>;
  exit: Promise<number | null>;
}

/** The server driven through raw bytes, so a test can cut and break frames as it likes. */
function startRaw(): RawServer {
  const launch = serverLaunch();
  const proc = spawn(process.execPath, [...launch.execArgv, serverJs, '--stdio'], { stdio: 'pipe', env: { ...process.env, ...launch.env } });
  const responses = new Map<number, { result?: unknown; error?: unknown }>();
  const waiting = new Map<number, (r: { result?: unknown; error?: unknown }) => void>();
  const reader = new FrameReader(proc.stdout);
  reader.listen((m) => {
    const msg = m as { id?: number; method?: string; result?: unknown; error?: unknown };
    if (msg.id === undefined) return;
    if (msg.method) {
      // A request from the server (configuration, registration): answer it so it never waits.
      proc.stdin.write(frame({ jsonrpc: '2.0', id: msg.id, result: msg.method === 'workspace/configuration' ? [null, null] : null } as Message));
      return;
    }
    const w = waiting.get(msg.id);
    if (w) w(msg);
    else responses.set(msg.id, msg);
  });
  const exit = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  return {
    proc,
    exit,
    response: (id, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const have = responses.get(id);
        if (have) return resolve(have);
        const timer = setTimeout(() => reject(new Error(`no response to request ${id} within ${timeoutMs} ms`)), timeoutMs);
        waiting.set(id, (r) => {
          clearTimeout(timer);
          resolve(r);
        });
      }),
  };
}

const initialize = (id: number): Message => ({ jsonrpc: '2.0', id, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } }) as Message;
const uri = 'file:///transport/Dockerfile';
const open: Message = { jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'dockerfile', version: 1, text: 'FROM alpine:3.20\nRUN echo 한국어 🐳\n' } } } as Message;
const hover = (id: number): Message => ({ jsonrpc: '2.0', id, method: 'textDocument/hover', params: { textDocument: { uri }, position: { line: 1, character: 1 } } }) as Message;

async function writeBytewise(proc: ChildProcessWithoutNullStreams, bytes: Buffer): Promise<void> {
  for (const b of bytes) {
    await new Promise<void>((resolve) => proc.stdin.write(Buffer.from([b]), () => resolve()));
  }
}

test('frames cut into single bytes, with multi-byte text, are answered like whole ones', { timeout: 30_000 }, async () => {
  const s = startRaw();
  try {
    await writeBytewise(s.proc, frame(initialize(1)));
    assert.ok((await s.response(1)).result);
    await writeBytewise(s.proc, Buffer.concat([frame({ jsonrpc: '2.0', method: 'initialized', params: {} } as Message), frame(open), frame(hover(2))]));
    const answer = (await s.response(2)).result as { contents: { value: string } };
    assert.match(answer.contents.value, /RUN/);
  } finally {
    s.proc.kill();
  }
});

test('a frame with broken JSON or no Content-Length is skipped; the server keeps answering', { timeout: 30_000 }, async () => {
  const s = startRaw();
  try {
    s.proc.stdin.write(frame(initialize(1)));
    await s.response(1);
    s.proc.stdin.write(Buffer.concat([Buffer.from('Content-Length: 9\r\n\r\n{"broken"' + 'X-Header: 1\r\n\r\n'), frame(open), frame(hover(2))]));
    const answer = (await s.response(2)).result as { contents: { value: string } };
    assert.match(answer.contents.value, /RUN/);
    assert.equal(s.proc.exitCode, null, 'still running');
  } finally {
    s.proc.kill();
  }
});

test('the server exits when the client closes its input: 1 without shutdown, 0 after it', { timeout: 30_000 }, async () => {
  const abrupt = startRaw();
  abrupt.proc.stdin.write(frame(initialize(1)));
  await abrupt.response(1);
  abrupt.proc.stdin.end();
  assert.equal(await abrupt.exit, 1);

  const polite = startRaw();
  polite.proc.stdin.write(frame(initialize(1)));
  await polite.response(1);
  polite.proc.stdin.write(frame({ jsonrpc: '2.0', id: 2, method: 'shutdown' } as Message));
  await polite.response(2);
  polite.proc.stdin.end();
  assert.equal(await polite.exit, 0);
});
