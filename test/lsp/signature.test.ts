import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import type { MarkupContent, SignatureHelp } from 'vscode-languageserver-protocol';
import { startServer, type TestServer } from '../helpers/lspClient';

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.close();
});

async function sig(s: TestServer, uri: string, line: number, character: number): Promise<SignatureHelp | null> {
  return s.request<SignatureHelp | null>('textDocument/signatureHelp', { textDocument: { uri }, position: { line, character }, context: { triggerKind: 2, triggerCharacter: ' ', isRetrigger: false } });
}

/** The active signature's label and the text of its active parameter. */
function active(h: SignatureHelp | null): { label: string; param: string; doc: string } {
  assert.ok(h, 'expected signature help');
  const s = h.signatures[h.activeSignature ?? 0];
  const p = s.parameters?.[h.activeParameter ?? 0];
  assert.ok(p, 'expected an active parameter');
  assert.ok(Array.isArray(p.label));
  const [a, b] = p.label as [number, number];
  return { label: s.label, param: s.label.slice(a, b), doc: (p.documentation as MarkupContent | undefined)?.value ?? '' };
}

test('advertises signature help triggered on space', () => {
  assert.deepEqual(server.init.capabilities.signatureHelpProvider?.triggerCharacters, [' ']);
});

test('COPY: flags from the syntax table, then <src>... and <dest> by token index', async () => {
  const uri = 'file:///tmp/sig1/Dockerfile';
  await server.open(uri, 'FROM alpine AS build\nFROM alpine\nCOPY \nCOPY --chown=app:app a\nCOPY --chown=app:app a b c\nCOPY --fr\n');
  const empty = active(await sig(server, uri, 2, 5));
  assert.match(empty.label, /^COPY \[--from=<stage>\] \[--chown=<user>:<group>\] \[--chmod=<perms>\] \[--link\] \[--parents\] \[--exclude=<value>\] <src>\.\.\. <dest>$/);
  assert.equal(empty.param, '<src>...');
  const onFlag = active(await sig(server, uri, 3, 8));
  assert.equal(onFlag.param, '[--chown=<user>:<group>]');
  assert.match(onFlag.doc, /root:root/);
  assert.equal(active(await sig(server, uri, 3, 22)).param, '<src>...');
  // Typing the second path: that one is the destination.
  assert.equal(active(await sig(server, uri, 4, 23)).param, '<src>...');
  assert.equal(active(await sig(server, uri, 4, 26)).param, '<dest>');
  // A flag being typed matches by prefix.
  assert.equal(active(await sig(server, uri, 5, 9)).param, '[--from=<stage>]');
  // On the keyword itself there is nothing to help with yet.
  assert.equal(await sig(server, uri, 2, 2), null);
});

test('FROM: image, AS, name', async () => {
  const uri = 'file:///tmp/sig2/Dockerfile';
  await server.open(uri, 'FROM --platform=linux/amd64 node:20 AS build\n');
  const p = active(await sig(server, uri, 0, 10));
  assert.equal(p.label, 'FROM [--platform=<platform>] <image>[:<tag>|@<digest>] AS <name>');
  assert.equal(p.param, '[--platform=<platform>]');
  assert.equal(active(await sig(server, uri, 0, 30)).param, '<image>[:<tag>|@<digest>]');
  assert.equal(active(await sig(server, uri, 0, 37)).param, 'AS');
  assert.equal(active(await sig(server, uri, 0, 42)).param, '<name>');
});

test('HEALTHCHECK: options then CMD, or the NONE form', async () => {
  const uri = 'file:///tmp/sig3/Dockerfile';
  await server.open(uri, 'FROM a\nHEALTHCHECK --interval=5s CMD curl -f http://localhost/\nHEALTHCHECK NONE\n');
  const h = await sig(server, uri, 1, 15);
  assert.equal(h?.signatures.length, 2);
  const opt = active(h);
  assert.equal(opt.label, 'HEALTHCHECK [--interval=<duration>] [--timeout=<duration>] [--start-period=<duration>] [--start-interval=<duration>] [--retries=<n>] CMD <command>');
  assert.equal(opt.param, '[--interval=<duration>]');
  assert.equal(active(await sig(server, uri, 1, 28)).param, 'CMD');
  assert.equal(active(await sig(server, uri, 1, 40)).param, '<command>');
  const none = await sig(server, uri, 2, 14);
  assert.equal(none?.activeSignature, 1);
  assert.equal(active(none).param, 'NONE');
});

test('exec form is chosen after `[`; RUN flags are listed; ONBUILD triggers get their own help', async () => {
  const uri = 'file:///tmp/sig4/Dockerfile';
  await server.open(uri, 'FROM a\nCMD ["node", "app.js"]\nCMD node app.js\nRUN --network=none make\nONBUILD COPY a b\n');
  const exec = await sig(server, uri, 1, 14);
  assert.equal(exec?.signatures[exec.activeSignature ?? 0].label, 'CMD ["executable", "param", ...]');
  assert.match((exec?.signatures[exec.activeSignature ?? 0].documentation as MarkupContent).value, /PID 1/);
  const shell = await sig(server, uri, 2, 6);
  assert.equal(shell?.signatures[shell.activeSignature ?? 0].label, 'CMD <command>');
  const run = active(await sig(server, uri, 3, 8));
  assert.equal(run.label, 'RUN [--mount=<type>,…] [--network=default|none|host] [--security=sandbox|insecure] <command>');
  assert.equal(run.param, '[--network=default|none|host]');
  assert.equal(active(await sig(server, uri, 3, 21)).param, '<command>');
  const trigger = active(await sig(server, uri, 4, 15));
  assert.match(trigger.label, /^COPY /);
  assert.equal(trigger.param, '<dest>');
});

test('every instruction has signature help', async () => {
  const names = ['FROM', 'RUN', 'CMD', 'LABEL', 'MAINTAINER', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT', 'VOLUME', 'USER', 'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL'];
  const uri = 'file:///tmp/sig5/Dockerfile';
  await server.open(uri, names.map((n) => `${n} `).join('\n'));
  for (let i = 0; i < names.length; i++) {
    const h = await sig(server, uri, i, names[i].length + 1);
    assert.ok(h && h.signatures.length > 0, names[i]);
    assert.ok(h.signatures[h.activeSignature ?? 0].label.startsWith(names[i]), names[i]);
  }
});

test('Korean through the client locale and through the setting', async () => {
  for (const opts of [{ locale: 'ko' }, { locale: 'en', settings: { language: 'ko' } }]) {
    const ko = await startServer(opts);
    try {
      const uri = 'file:///tmp/sig-ko/Dockerfile';
      await ko.open(uri, 'FROM a\nCOPY --chown=app:app a b\n');
      const deadline = Date.now() + 10000;
      let h = await sig(ko, uri, 1, 8);
      while (!/소유자/.test(active(h).doc) && Date.now() < deadline) {
        await new Promise((r) => setImmediate(r));
        h = await sig(ko, uri, 1, 8);
      }
      assert.match(active(h).doc, /소유자/);
      assert.match((h!.signatures[0].documentation as MarkupContent).value, /복사합니다/);
    } finally {
      await ko.close();
    }
  }
});
