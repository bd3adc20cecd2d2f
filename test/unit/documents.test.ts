// Every feature reads the model through ParsedDocuments: one parse per document version.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ParsedDocuments } from '../../server/src/documents';

test('a document version is parsed once, however many requests read it; a new version parses again', () => {
  const parsed = new ParsedDocuments();
  const v1 = TextDocument.create('file:///x/Dockerfile', 'dockerfile', 1, 'FROM alpine:3.20\nRUN echo hi\n');
  const first = parsed.get(v1);
  for (let i = 0; i < 10; i++) assert.equal(parsed.get(v1), first);
  assert.equal(parsed.parseCount, 1);
  const v2 = TextDocument.update(v1, [{ text: 'FROM alpine:3.20\nRUN echo bye\n' }], 2);
  assert.notEqual(parsed.get(v2), first);
  parsed.get(v2);
  assert.equal(parsed.parseCount, 2);
  parsed.forget(v2.uri);
  parsed.get(v2);
  assert.equal(parsed.parseCount, 3);
});
