// The registry HTTP transport on loopback servers: redirects are followed (blob downloads are
// often redirected to object storage) and Authorization is dropped when the redirect leaves the
// registry's host; oversized bodies fail instead of filling memory.
import assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { BodyTooLargeError, nodeHttpTransport } from '../../client/src/docker/registry/httpTransport';

let storage: http.Server;
let registry: http.Server;
const storageSaw: Array<string | undefined> = [];
const registrySaw: Array<string | undefined> = [];

const listen = (s: http.Server) => new Promise<number>((resolve) => s.listen(0, '127.0.0.1', () => resolve((s.address() as AddressInfo).port)));
let storagePort = 0;
let registryPort = 0;

before(async () => {
  storage = http.createServer((req, res) => {
    storageSaw.push(req.headers.authorization);
    res.end('blob-bytes');
  });
  storagePort = await listen(storage);
  registry = http.createServer((req, res) => {
    registrySaw.push(req.headers.authorization);
    if (req.url === '/same-host') res.writeHead(307, { Location: '/final' }).end();
    else if (req.url === '/other-host') res.writeHead(307, { Location: `http://localhost:${storagePort}/blob` }).end();
    else if (req.url === '/big') res.end(Buffer.alloc(4096));
    else res.end('final');
  });
  registryPort = await listen(registry);
});
after(async () => {
  for (const s of [storage, registry]) {
    s.closeAllConnections();
    await new Promise<void>((r) => s.close(() => r()));
  }
});

test('a redirect on the same host keeps Authorization; one to another host drops it', async () => {
  const same = await nodeHttpTransport({ method: 'GET', url: `http://127.0.0.1:${registryPort}/same-host`, headers: { Authorization: 'Bearer T' } });
  assert.equal(same.status, 200);
  assert.equal(same.body.toString(), 'final');
  assert.deepEqual(registrySaw.slice(-2), ['Bearer T', 'Bearer T']);

  const other = await nodeHttpTransport({ method: 'GET', url: `http://127.0.0.1:${registryPort}/other-host`, headers: { Authorization: 'Bearer T' } });
  assert.equal(other.body.toString(), 'blob-bytes');
  assert.equal(other.url, `http://localhost:${storagePort}/blob`);
  assert.deepEqual(storageSaw, [undefined]);
});

test('bodies above the limit fail', async () => {
  await assert.rejects(nodeHttpTransport({ method: 'GET', url: `http://127.0.0.1:${registryPort}/big`, maxBodyBytes: 1024 }), (err: unknown) => err instanceof BodyTooLargeError);
  const ok = await nodeHttpTransport({ method: 'GET', url: `http://127.0.0.1:${registryPort}/big`, maxBodyBytes: 8192 });
  assert.equal(ok.body.length, 4096);
});
