// The language-server side of ShellCheck: after a change, findings are attached to that document
// version and diagnostics are republished; stale runs are dropped; the setting turns it off.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseDockerfile } from '../../server/src/model/parser';
import { createShellcheckFeature, type ShellcheckRun } from '../../server/src/features/shellcheckDiagnostics';
import type { ExternalFinding } from '../../server/src/rules/engine';
import type { ServerContext } from '../../server/src/serverContext';
import { defaultSettings, type StudioSettings } from '../../server/src/settings';

function harness(runner: ShellcheckRun) {
  const docs = new Map<string, TextDocument>();
  const changeListeners: ((e: { document: TextDocument }) => void)[] = [];
  const settingListeners: (() => void)[] = [];
  let settings: StudioSettings = structuredClone(defaultSettings);
  const attached: { uri: string; version: number; findings: ExternalFinding[] }[] = [];
  const republished: number[] = [];
  // Every run of the feature's debounced check starts by reading the settings: counting the reads
  // tells a test that a check has run, so "ShellCheck was not started" needs no waiting period.
  let settingsReads = 0;
  const ctx = {
    connection: { console: { warn: () => undefined, error: () => undefined } },
    documents: { onDidChangeContent: (l: (e: { document: TextDocument }) => void) => changeListeners.push(l), onDidClose: () => undefined, get: (uri: string) => docs.get(uri), all: () => [...docs.values()] },
    parsed: { get: (doc: TextDocument) => parseDockerfile(doc.getText()) },
    settings: {
      get: () => {
        settingsReads++;
        return settings;
      },
      onChange: (l: () => void) => settingListeners.push(l),
    },
    lint: { setExternal: (uri: string, version: number, findings: ExternalFinding[]) => attached.push({ uri, version, findings }) },
    republish: (doc: TextDocument) => republished.push(doc.version),
  } as unknown as ServerContext;
  createShellcheckFeature(runner, 1).register(ctx);
  return {
    attached,
    republished,
    settingsReads: () => settingsReads,
    change(version: number, text: string) {
      const doc = TextDocument.create('untitled:Dockerfile', 'dockerfile', version, text);
      docs.set(doc.uri, doc);
      for (const l of changeListeners) l({ document: doc });
    },
    setShellcheck(on: boolean) {
      settings = { ...settings, lint: { ...settings.lint, shellcheck: on } };
      for (const l of settingListeners) l();
    },
  };
}

async function until(cond: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setImmediate(r));
  }
}

const finding = (line: number): ExternalFinding => ({ rule: { id: 'shellcheck', aliases: ['SC2086'], severity: 'info', source: 'shellcheck', title: { en: 't', ko: 't' }, why: { en: 'w', ko: 'w' }, bad: 'b', good: 'g' }, finding: { range: { start: { line, character: 0 }, end: { line, character: 1 } }, message: { en: 'm', ko: 'm' } } });

test('findings are attached to the document version they were computed for, then republished', async () => {
  const h = harness(async () => [finding(1)]);
  h.change(1, 'FROM debian:12\nRUN echo $HOME\n');
  await until(() => h.republished.length === 1);
  assert.deepEqual(h.attached.map((a) => [a.version, a.findings.length]), [[1, 1]]);
});

test('a run that finishes after the document changed again is dropped', async () => {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((r) => (release = r));
  let calls = 0;
  let staleSettled = false;
  const h = harness(async () => {
    calls++;
    if (calls === 1) {
      await gate;
      staleSettled = true;
    }
    return [finding(1)];
  });
  h.change(1, 'FROM debian:12\nRUN echo $A\n');
  await until(() => calls === 1);
  h.change(2, 'FROM debian:12\nRUN echo $B\n');
  await until(() => h.attached.length === 1);
  release();
  // The stale run has returned; one more turn of the event loop lets its caller act on it.
  await until(() => staleSettled);
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(h.attached.map((a) => a.version), [2]);
});

test('turning the setting off clears the findings and stops running ShellCheck', async () => {
  let calls = 0;
  const h = harness(async () => {
    calls++;
    return [finding(1)];
  });
  h.change(1, 'FROM debian:12\nRUN echo $HOME\n');
  await until(() => h.attached.length === 1);
  h.setShellcheck(false);
  assert.deepEqual(h.attached.at(-1)?.findings, []);
  const reads = h.settingsReads();
  h.change(2, 'FROM debian:12\nRUN echo $HOME\n');
  // The debounced check for version 2 has run once it read the settings; it must have stopped there.
  await until(() => h.settingsReads() > reads);
  assert.equal(calls, 1);
});
