import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import type { TextEdit } from 'vscode-languageserver-protocol';
import { startServer, type TestServer } from '../helpers/lspClient';

let server: TestServer;
let n = 0;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.close();
});

function apply(src: string, edits: TextEdit[]): string {
  const lines = src.split('\n');
  const sorted = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
  for (let i = 1; i < sorted.length; i++) {
    const later = sorted[i - 1];
    const earlier = sorted[i];
    assert.ok(earlier.range.end.line < later.range.start.line || (earlier.range.end.line === later.range.start.line && earlier.range.end.character <= later.range.start.character), 'edits overlap');
  }
  for (const e of sorted) {
    assert.equal(e.range.start.line, e.range.end.line, 'edits stay on one line');
    const l = lines[e.range.start.line];
    lines[e.range.start.line] = l.slice(0, e.range.start.character) + e.newText + l.slice(e.range.end.character);
  }
  return lines.join('\n');
}

async function format(text: string, options = { tabSize: 4, insertSpaces: true }): Promise<{ out: string; edits: TextEdit[] }> {
  const uri = `file:///tmp/format/${n++}/Dockerfile`;
  await server.open(uri, text);
  const edits = await server.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options });
  return { out: apply(text, edits), edits };
}

const messy = [
  '  from   alpine:3.20 AS base   ',
  '    # a comment  ',
  'run   apt-get update && \\',
  '        apt-get install -y curl \\   ',
  '  # inside',
  '  && rm -rf /var/lib/apt/lists/*',
  '\t ',
  'COPY <<EOF /etc/x.conf',
  '    keep   this   ',
  '\tand this\t',
  'EOF',
  'RUN <<-EOT sh',
  '\t  indented  ',
  '\tEOT',
  '   CMD ["a"]',
  '',
].join('\n');

test('whitespace only: keywords at column 0 keeping their case, one space after, continuations indented, trailing space trimmed, heredocs untouched', async () => {
  const { out } = await format(messy);
  assert.equal(
    out,
    [
      'from alpine:3.20 AS base',
      '# a comment',
      'run apt-get update && \\',
      '    apt-get install -y curl \\',
      '    # inside',
      '    && rm -rf /var/lib/apt/lists/*',
      '',
      'COPY <<EOF /etc/x.conf',
      '    keep   this   ',
      '\tand this\t',
      'EOF',
      'RUN <<-EOT sh',
      '\t  indented  ',
      '\tEOT',
      'CMD ["a"]',
      '',
    ].join('\n'),
  );
});

test('formatting a formatted file changes nothing, and the indent follows the options', async () => {
  const { out } = await format(messy);
  assert.deepEqual((await format(out)).edits, []);
  const tabs = await format('FROM a\nRUN x \\\n  y\n', { tabSize: 4, insertSpaces: false });
  assert.equal(tabs.out, 'FROM a\nRUN x \\\n\ty\n');
  const two = await format('FROM a\nRUN x \\\n      y\n', { tabSize: 2, insertSpaces: true });
  assert.equal(two.out, 'FROM a\nRUN x \\\n  y\n');
});

test('edits are minimal: one edit per whitespace run that changes', async () => {
  const { edits } = await format('FROM a\nRUN  x   \nRUN y\n');
  assert.deepEqual(edits.map((e) => [e.range.start.line, e.range.start.character, e.range.end.character, e.newText]), [
    [1, 3, 5, ' '],
    [1, 6, 9, ''],
  ]);
});

test('with ignoreMultilineInstructions, hand-aligned continuation lines stay as they are', async () => {
  const keep = await startServer({ initializationOptions: { format: { ignoreMultilineInstructions: true } } });
  try {
    const uri = 'file:///tmp/format/keep/Dockerfile';
    const aligned = 'FROM a\nRUN apt-get install -y \\\n        curl \\\n        git\n  ENV A=1  \n';
    await keep.open(uri, aligned);
    const edits = await keep.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
    assert.equal(apply(aligned, edits), 'FROM a\nRUN apt-get install -y \\\n        curl \\\n        git\nENV A=1\n');
  } finally {
    await keep.close();
  }
});

test('range formatting touches only the lines in the range', async () => {
  const uri = `file:///tmp/format/${n++}/Dockerfile`;
  const text = '  FROM a  \n  RUN b  \n  RUN c  \n';
  await server.open(uri, text);
  const edits = await server.request<TextEdit[]>('textDocument/rangeFormatting', { textDocument: { uri }, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } }, options: { tabSize: 4, insertSpaces: true } });
  assert.equal(apply(text, edits), '  FROM a  \nRUN b\n  RUN c  \n');
});

test('on-type formatting after Enter tidies the finished line and indents a continuation', async () => {
  const uri = `file:///tmp/format/${n++}/Dockerfile`;
  const text = 'FROM a\n  RUN apt-get update &&  \\  \n\n';
  await server.open(uri, text);
  const edits = await server.request<TextEdit[]>('textDocument/onTypeFormatting', { textDocument: { uri }, position: { line: 2, character: 0 }, ch: '\n', options: { tabSize: 2, insertSpaces: true } });
  assert.equal(apply(text, edits), 'FROM a\nRUN apt-get update &&  \\\n  \n');
  assert.ok(server.init.capabilities.documentOnTypeFormattingProvider?.firstTriggerCharacter === '\n');
});

test('CRLF files and a byte-order mark keep their bytes outside whitespace', async () => {
  const uri = `file:///tmp/format/${n++}/Dockerfile`;
  const text = '\uFEFF  FROM a  \r\nRUN  b\r\n';
  await server.open(uri, text);
  const edits = await server.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
  const lines = text.split('\r\n');
  const sorted = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
  for (const e of sorted) {
    const l = lines[e.range.start.line];
    lines[e.range.start.line] = l.slice(0, e.range.start.character) + e.newText + l.slice(e.range.end.character);
  }
  assert.equal(lines.join('\r\n'), '\uFEFFFROM a\r\nRUN b\r\n');
});
