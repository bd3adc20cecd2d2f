// A language server without vscode-languageserver's connection: our frame reader hands each
// message straight to this switch, which answers at once with one write. `npm run bench` times it
// against the anchor to show the round trip of a Node process on this machine (pipe, wake-up,
// JSON): no server written for Node can answer a request faster. Compare scripts/bench/floorServer.ts,
// the same do-nothing server on the library's connection.
// Run: node --import tsx scripts/bench/rawFloorServer.ts --stdio
import type { Message } from 'vscode-languageserver/node';
import { FrameReader } from '../../server/src/transport/frameReader';
import { frame } from '../../server/src/transport/frameWriter';
import { floorCapabilities } from './floorCapabilities';

interface Incoming {
  id?: number | string;
  method?: string;
  params?: { textDocument?: { uri: string; version?: number } };
}

const send = (m: object): void => void process.stdout.write(frame(m as Message));

function answer(method: string): unknown {
  if (method === 'initialize') return { capabilities: floorCapabilities };
  if (method === 'textDocument/semanticTokens/full') return { data: [] };
  if (method === 'textDocument/hover' || method === 'shutdown') return null;
  return [];
}

new FrameReader(process.stdin).listen((message) => {
  const m = message as Incoming;
  if (m.method === undefined) return; // a response to a request of ours: we send none
  if (m.id !== undefined) {
    send({ jsonrpc: '2.0', id: m.id, result: answer(m.method) });
    return;
  }
  if (m.method === 'exit') process.exit(0);
  const doc = m.params?.textDocument;
  if (doc && (m.method === 'textDocument/didOpen' || m.method === 'textDocument/didChange')) {
    send({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: doc.uri, version: doc.version, diagnostics: [] } });
  }
});
process.stdin.on('end', () => process.exit(0));
