// Per-version cache of parsed documents: each text version is parsed once, and every request
// for that version is served from the same model.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseDockerfile } from './model/parser';
import type { Dockerfile } from './model/types';

interface Entry {
  version: number;
  model: Dockerfile;
}

export class ParsedDocuments {
  private readonly entries = new Map<string, Entry>();
  /** Number of parses done, for tests that prove requests do not re-parse. */
  parseCount = 0;

  get(doc: TextDocument): Dockerfile {
    const hit = this.entries.get(doc.uri);
    if (hit && hit.version === doc.version) return hit.model;
    // The previous version's model lets the parser keep every instruction the edit did not touch.
    const model = parseDockerfile(doc.getText(), hit?.model);
    this.parseCount++;
    this.entries.set(doc.uri, { version: doc.version, model });
    return model;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }
}
