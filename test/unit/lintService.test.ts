// LintService: one lint per document version, late ShellCheck findings merged without running the
// rules again, and parsed RUN scripts carried over to the next version.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LintService } from '../../server/src/lintService';
import { parseDockerfile } from '../../server/src/model/parser';
import { ShellCache } from '../../server/src/rules/context';
import { lint } from '../../server/src/rules/engine';
import { shellcheckMeta } from '../../server/src/rules/shellcheck';
import { defaultSettings } from '../../server/src/settings';
import { configWith } from '../helpers/lintHelpers';

const text = 'FROM debian:12\nRUN apt-get install curl\nRUN echo $HOME\n';
const uri = 'file:///w/Dockerfile';

function service(): LintService {
  return new LintService(() => defaultSettings, () => configWith({ shellcheck: true }));
}

const scFinding = {
  rule: shellcheckMeta(2086, 'info'),
  finding: { range: { start: { line: 2, character: 9 }, end: { line: 2, character: 14 } }, message: { en: 'SC2086: quote it', ko: 'SC2086: 따옴표' } },
};

test('a version is linted once; later calls return the same results', () => {
  const lints = service();
  const doc = TextDocument.create(uri, 'dockerfile', 1, text);
  const df = parseDockerfile(text);
  const first = lints.results(doc, df);
  assert.ok(first.length > 0);
  assert.equal(lints.results(doc, df), first);
});

test('ShellCheck findings for the cached version are merged without re-running the rules', () => {
  const lints = service();
  const doc = TextDocument.create(uri, 'dockerfile', 1, text);
  const df = parseDockerfile(text);
  const before = lints.results(doc, df);
  lints.setExternal(uri, 1, [scFinding]);
  const after = lints.results(doc, df);
  assert.equal(after.length, before.length + 1);
  assert.ok(after.some((r) => r.rule.aliases.includes('SC2086')));
  // The rule findings are the very same objects: no second lint ran.
  for (const r of before) assert.ok(after.includes(r));
  // Same outcome as linting with the finding from the start.
  const direct = lint(df, configWith({ shellcheck: true }), { external: [scFinding] });
  assert.deepEqual(after.map((r) => [r.rule.id, r.range.start.line, r.range.start.character]), direct.map((r) => [r.rule.id, r.range.start.line, r.range.start.character]));
});

test('ShellCheck findings for another version are not shown on this one', () => {
  const lints = service();
  const doc = TextDocument.create(uri, 'dockerfile', 2, text);
  const df = parseDockerfile(text);
  lints.results(doc, df);
  lints.setExternal(uri, 1, [scFinding]);
  assert.ok(!lints.results(doc, df).some((r) => r.rule.id === 'shellcheck'));
});

test('a suppressed ShellCheck code stays suppressed when merged late', () => {
  const lints = service();
  const suppressed = 'FROM debian:12\nRUN apt-get install curl\n# hadolint ignore=SC2086\nRUN echo $HOME\n';
  const doc = TextDocument.create(uri, 'dockerfile', 1, suppressed);
  const df = parseDockerfile(suppressed);
  lints.results(doc, df);
  lints.setExternal(uri, 1, [{ ...scFinding, finding: { ...scFinding.finding, range: { start: { line: 3, character: 9 }, end: { line: 3, character: 14 } } } }]);
  assert.ok(!lints.results(doc, df).some((r) => r.rule.id === 'shellcheck'));
});

test('ShellCache reuses an unchanged script parse in the next version, and across documents', () => {
  const cache = new ShellCache();
  cache.nextVersion();
  const a = cache.get('apt-get update && apt-get install -y curl');
  cache.nextVersion();
  assert.equal(cache.get('apt-get update && apt-get install -y curl'), a, 'unchanged script: same parse');
  const other = new ShellCache();
  other.nextVersion();
  assert.equal(other.get('apt-get update && apt-get install -y curl'), a, 'another document with the same RUN: same parse');
});

test('the parses shared across documents are bounded: the least recently used script is parsed again', () => {
  const cache = new ShellCache();
  const first = cache.get('echo bounded-cache-probe');
  // 300 000 characters of other scripts push it out of the 256 000 character budget.
  for (let i = 0; i < 30; i++) new ShellCache().get(`echo ${String(i).padStart(4, '0')} ${'x'.repeat(10_000)}`);
  assert.notEqual(new ShellCache().get('echo bounded-cache-probe'), first);
});

/** A Dockerfile big enough that linting it takes many slices of 1 ms. */
function bigDockerfile(stages: number): string {
  const parts: string[] = [];
  for (let i = 0; i < stages; i++) parts.push(`FROM debian:12 AS s${i}`, 'RUN apt-get update && apt-get install curl wget', `COPY --from=s${Math.max(0, i - 1)} /a /b`, `ENV K${i}=v`, 'RUN cd /tmp && pip install flask');
  return parts.join('\n');
}

test('a sliced lint lets the event loop run between slices and ends with the same results', async () => {
  const lints = service();
  const big = bigDockerfile(400);
  const doc = TextDocument.create(uri, 'dockerfile', 1, big);
  const df = parseDockerfile(big);
  let otherWorkRan = false;
  setImmediate(() => (otherWorkRan = true));
  const results = await lints.resultsSliced(doc, df, 1);
  assert.ok(otherWorkRan, 'something else ran while the lint was sliced');
  assert.ok(results);
  assert.equal(results.length, lint(df, configWith({ shellcheck: true })).length);
  assert.equal(lints.results(doc, df), results, 'cached for the version');
});

test('a newer version cancels the sliced lint of the older one', async () => {
  const lints = service();
  const big = bigDockerfile(400);
  const v1 = lints.resultsSliced(TextDocument.create(uri, 'dockerfile', 1, big), parseDockerfile(big), 1);
  const v2text = big + '\nRUN echo done';
  const v2 = lints.resultsSliced(TextDocument.create(uri, 'dockerfile', 2, v2text), parseDockerfile(v2text), 1);
  assert.equal(await v1, undefined);
  assert.ok((await v2)?.length);
});

test('asking for results now finishes a sliced lint of the same version at once', async () => {
  const lints = service();
  const big = bigDockerfile(400);
  const doc = TextDocument.create(uri, 'dockerfile', 1, big);
  const df = parseDockerfile(big);
  const sliced = lints.resultsSliced(doc, df, 1);
  const now = lints.results(doc, df);
  assert.equal(await sliced, now);
});

test('a lint that runs past the interim time hands out the findings so far once, then all of them', async () => {
  const lints = service();
  const big = bigDockerfile(400);
  const doc = TextDocument.create(uri, 'dockerfile', 1, big);
  const df = parseDockerfile(big);
  const interims: number[] = [];
  let finalSeen = false;
  const results = await lints.resultsSliced(doc, df, 1, (soFar) => {
    assert.equal(finalSeen, false, 'the interim comes before the end');
    interims.push(soFar.length);
  }, 0);
  finalSeen = true;
  assert.ok(results);
  assert.equal(interims.length, 1, 'exactly one interim');
  assert.ok(interims[0] > 0 && interims[0] < results.length, `a part of the findings (${interims[0]} of ${results.length})`);
});

test('a lint that ends in its first slice gives no interim', async () => {
  const lints = service();
  const doc = TextDocument.create(uri, 'dockerfile', 1, text);
  let interims = 0;
  const results = await lints.resultsSliced(doc, parseDockerfile(text), 1000, () => interims++, 0);
  assert.ok(results && results.length > 0);
  assert.equal(interims, 0);
});
