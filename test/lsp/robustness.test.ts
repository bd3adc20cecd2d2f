// Bad input never takes the server down: every kind of broken document gets every request the
// server advertises, and every request answers (a result, or a deliberate refusal for rename),
// never an internal error, and the server is still alive at the end.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import type { ServerCapabilities } from 'vscode-languageserver-protocol';
import { startServer, type TestServer } from '../helpers/lspClient';

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.close();
});

function garbage(size: number, seed: number): string {
  let x = seed;
  let s = '';
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    s += String.fromCharCode(x % 0xd7ff);
  }
  return s;
}

function manyStages(n: number): string {
  const out = ['ARG BASE=alpine'];
  for (let i = 0; i < n; i++) out.push(`FROM \${BASE} AS s${i}`, `COPY --from=s${Math.max(0, i - 1)} /a /b`, `RUN --mount=type=cache,from=s${i},target=/c echo $X`);
  return out.join('\n');
}

/**
 * 10 MB the way real files get that big: a vendored file pasted into a heredoc, a huge inline
 * blob on one RUN line, and a few thousand ordinary instructions around them.
 */
function tenMegabytes(): string {
  const out = ['# syntax=docker/dockerfile:1', 'FROM alpine:3.20 AS build', 'COPY <<EOF /srv/data.txt'];
  const row = 'id,name,value,comment with    spaces   and $VARS and ${BRACES} \\ and <<EOF2 markers';
  let size = 0;
  while (size < 8.5 * 1024 * 1024) {
    out.push(row);
    size += row.length + 1;
  }
  out.push('EOF', `RUN echo ${'QUJDRA=='.repeat(200000)} | base64 -d > /blob`);
  for (let i = 0; i < 2000; i++) out.push(`ENV K${i}=$K${Math.max(0, i - 1)}`, `RUN apt-get update && apt-get install -y pkg${i} \\`, `    && rm -rf /var/lib/apt/lists/*`, `COPY --from=build /a${i} /b${i}`);
  return out.join('\n');
}

const documents: Record<string, string> = {
  binary: garbage(20000, 7),
  nul: 'FROM \0alpine\0\nRUN \0\0\0 echo\n' + '\0'.repeat(5000) + '\nENV \0=\0\n',
  crlf: 'ARG A=1\r\nFROM alpine AS b\r\nRUN echo $A \\\r\n  && ls\r\nCOPY --from=b /a /b\r\n',
  cr: 'FROM a\rRUN x\r\rCMD y',
  bom: '\uFEFF# syntax=docker/dockerfile:1\nFROM alpine\nRUN echo hi\n',
  bomMidLine: 'FROM alpine\nRUN \uFEFFecho \uFEFF\n\uFEFF\uFEFF',
  unterminatedHeredoc: 'FROM a\nRUN <<EOF <<-"E2" cat\nline\nCOPY <<A <<B /x\n',
  unterminatedContinuation: 'FROM a\nRUN echo \\\n\\\n  \\',
  unterminatedVariables: 'FROM ${\nRUN ${A:-${B\nENV X=${\nARG ${=\n',
  brokenJson: 'FROM a\nCMD ["a", \nENTRYPOINT [[[[\nSHELL ["sh",\nVOLUME ]\n',
  escapeBacktick: '# escape=`\nFROM a\nRUN echo `\n  hi\nCOPY --from=`` a b\n',
  // The anchor's fuzz crashes (../shared/bench/FUZZ.md): variables before the first FROM, and a
  // stray escape/backtick in a continued RUN or COPY next to heredoc-like text.
  variableBeforeFrom: 'ONB --${X}=1\nRUN <<$VAR\nARG A=${A}\nFROM ${A}\n',
  strayHeredocInContinuation: 'FROM a\nRUN \\\n  \\ `\n  --mount=type=cache,target=/x true <<EOF\nCOPY \\\n \\ ` <<EOF a b\n',
  directivesOnly: '# syntax=\n# escape=x\n# check=\n',
  empty: '',
  onlyFlags: 'RUN --mount= --mount=type=,, --=\nFROM --platform= --\nONBUILD ONBUILD ONBUILD\nHEALTHCHECK --interval=\nONBUILD\n',
  longLine: `RUN ${'a'.repeat(100000)}\nCMD ${'['.repeat(100000)}\n`,
  manyStages: manyStages(3000),
};

function positionsFor(text: string): { line: number; character: number }[] {
  const lines = text.split(/\r\n|\r|\n/);
  const mid = Math.floor(lines.length / 2);
  return [
    { line: 0, character: 0 },
    { line: 0, character: 5 },
    { line: mid, character: Math.floor((lines[mid]?.length ?? 0) / 2) },
    { line: lines.length - 1, character: lines[lines.length - 1]?.length ?? 0 },
    { line: lines.length + 5, character: 3 },
    { line: 1, character: 100000 },
  ];
}

function requestsFor(uri: string, caps: ServerCapabilities, text: string): [string, unknown][] {
  const doc = { textDocument: { uri } };
  const options = { tabSize: 4, insertSpaces: true };
  const out: [string, unknown][] = [];
  const whole = { start: { line: 0, character: 0 }, end: { line: 1e6, character: 0 } };
  if (caps.documentSymbolProvider) out.push(['textDocument/documentSymbol', doc]);
  if (caps.foldingRangeProvider) out.push(['textDocument/foldingRange', doc]);
  if (caps.documentLinkProvider) out.push(['textDocument/documentLink', doc]);
  if (caps.semanticTokensProvider) out.push(['textDocument/semanticTokens/full', doc], ['textDocument/semanticTokens/range', { ...doc, range: whole }]);
  if (caps.documentFormattingProvider) out.push(['textDocument/formatting', { ...doc, options }], ['textDocument/formatting', { ...doc, options: { tabSize: 0, insertSpaces: false } }]);
  if (caps.documentRangeFormattingProvider) out.push(['textDocument/rangeFormatting', { ...doc, range: whole, options }]);
  if (caps.codeActionProvider) out.push(['textDocument/codeAction', { ...doc, range: whole, context: { diagnostics: [] } }]);
  for (const position of positionsFor(text)) {
    const p = { ...doc, position };
    if (caps.completionProvider) out.push(['textDocument/completion', p]);
    if (caps.hoverProvider) out.push(['textDocument/hover', p]);
    if (caps.signatureHelpProvider) out.push(['textDocument/signatureHelp', p]);
    if (caps.documentHighlightProvider) out.push(['textDocument/documentHighlight', p]);
    if (caps.definitionProvider) out.push(['textDocument/definition', p]);
    if (caps.referencesProvider) out.push(['textDocument/references', { ...p, context: { includeDeclaration: true } }]);
    if (caps.renameProvider) out.push(['textDocument/prepareRename', p], ['textDocument/rename', { ...p, newName: 'renamed' }]);
    if (caps.documentOnTypeFormattingProvider) out.push(['textDocument/onTypeFormatting', { ...p, ch: '\n', options }]);
  }
  return out;
}

async function answered(method: string, params: unknown, timeoutMs = 20000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${method} did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([server.request(method, params), timeout]);
  } catch (err) {
    const code = (err as { code?: number }).code;
    // -32803 RequestFailed: rename's deliberate refusals (keywords, undeclared names).
    if (code === -32803 && /rename/i.test(method)) return;
    throw new Error(`${method} ${JSON.stringify((params as { position?: unknown }).position ?? '')}: ${(err as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
}

for (const [name, text] of Object.entries(documents)) {
  test(`every request answers on a bad document: ${name}`, { timeout: 240000 }, async () => {
    const uri = `file:///tmp/robust/${name}/Dockerfile`;
    if (text.length < 50000) await server.open(uri, text);
    // Big documents take the linter a while on this shared machine: the requests queue behind it.
    else await server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text } });
    for (const [method, params] of requestsFor(uri, server.init.capabilities, text)) await answered(method, params, 120000);
    // Edits that leave things broken in new ways, then the requests again on a few positions.
    const edited = text.slice(0, Math.floor(text.length / 2)) + '\\\n<<EOF ${';
    if (text.length < 50000) await server.change(uri, edited, 2);
    else await server.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: edited }] });
    for (const [method, params] of requestsFor(uri, server.init.capabilities, text).slice(0, 12)) await answered(method, params, 120000);
    assert.equal(server.proc.exitCode, null, 'the server is still running');
  });
}

test('a 10 MB file: the server parses it and still answers every kind of request', { timeout: 600000 }, async () => {
  const uri = 'file:///tmp/robust/ten-megabytes/Dockerfile';
  const text = tenMegabytes();
  assert.ok(text.length >= 10 * 1024 * 1024, `only ${text.length} characters`);
  // Not waiting for diagnostics here: the requests below queue behind the open and answer after it.
  await server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text } });
  const wanted = new Set(['textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/semanticTokens/full', 'textDocument/formatting', 'textDocument/completion', 'textDocument/references', 'textDocument/hover', 'textDocument/documentLink']);
  const seen = new Set<string>();
  for (const [method, params] of requestsFor(uri, server.init.capabilities, text)) {
    if (!wanted.has(method) || seen.has(method)) continue;
    seen.add(method);
    await answered(method, params, 300000);
  }
  await server.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  assert.equal(server.proc.exitCode, null);
});

test('requests for a document that is not open answer with nothing', async () => {
  const uri = 'file:///tmp/robust/never-opened/Dockerfile';
  for (const [method, params] of requestsFor(uri, server.init.capabilities, 'x')) await answered(method, params);
  assert.equal(server.proc.exitCode, null);
  assert.doesNotMatch(server.stderr(), /Error|at .*\.js/);
});
