// When the engine cannot be reached, the Containers and Images views explain the problem in their
// welcome content (one viewsWelcome entry per problem kind, selected by a context key) with a
// Retry button, in English and Korean. A TreeView message would hide that content.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import type { EngineProblemKind } from '../../client/src/docker/engineErrors';

const root = path.join(__dirname, '..', '..');
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as Record<string, unknown>;

// Typed as a Record so adding a problem kind without updating this list fails the type check.
const KINDS: Record<EngineProblemKind, true> = { 'not-running': true, permission: true, timeout: true, 'api-too-old': true, tls: true, 'host-not-found': true, config: true, ssh: true, unknown: true };

interface Welcome {
  view: string;
  contents: string;
  when?: string;
}

test('each engine problem kind has a welcome entry with Retry in both views, in en and ko', () => {
  const welcome = (readJson('package.json').contributes as { viewsWelcome: Welcome[] }).viewsWelcome;
  const en = readJson('package.nls.json');
  const ko = readJson('package.nls.ko.json');
  for (const view of ['dockerfileStudio.containers', 'dockerfileStudio.images']) {
    for (const kind of Object.keys(KINDS)) {
      const entries = welcome.filter((w) => w.view === view && w.when === `dockerfileStudio.engineProblem == '${kind}'`);
      assert.equal(entries.length, 1, `${view}: one welcome entry for ${kind}`);
      const key = /^%(.+)%$/.exec(entries[0]!.contents)?.[1];
      assert.ok(key, `${view}/${kind}: contents come from package.nls`);
      for (const [lang, bundle, retry] of [['en', en, 'Retry'], ['ko', ko, '다시 시도']] as const) {
        const text: unknown = bundle[key];
        assert.equal(typeof text, 'string', `${lang}: ${key}`);
        assert.ok((text as string).includes(`[${retry}](command:dockerfileStudio.engine.retry)`), `${lang}: ${key} offers Retry`);
      }
    }
    // No other entry of the view may show while the engine is unavailable (it would stack up).
    const unconditional = welcome.filter((w) => w.view === view && !w.when?.includes('engineProblem') && !w.when?.includes('!dockerfileStudio.engineUnavailable'));
    assert.deepEqual(unconditional, [], `${view}: every other entry is hidden while the engine is unavailable`);
  }
  const imagesNotRunning = en['view.images.unavailable.not-running'] as string;
  assert.match(imagesNotRunning, /no images can be listed/, 'the Images view talks about images');
});
