// The bundles must be pure ASCII. V8 keeps a script's source in memory for lazy compilation, and
// one non-ASCII character (a Korean hint, a `→` in a kept comment, a `µ` in a regex) makes it
// store the whole source as two bytes per character: 2.5 MB instead of 1.3 MB for the server,
// seen in a heap snapshot of the running server (session 5). esbuild escapes strings by itself;
// comments it keeps and regex literals it does not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = join(__dirname, '..', '..', 'dist');

for (const bundle of ['server.js', 'client.js', 'cli.js']) {
  test(`dist/${bundle} is ASCII only`, () => {
    const text = readFileSync(join(dist, bundle), 'utf8');
    const lines = text.split('\n');
    const offenders = lines.flatMap((line, i) => (/[^\x00-\x7f]/.test(line) ? [`line ${i + 1}: ${line.trim().slice(0, 120)}`] : []));
    assert.deepEqual(offenders, [], `non-ASCII characters in dist/${bundle} (escape them in the source)`);
  });
}
