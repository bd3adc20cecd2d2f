// Benchmark: ShellCheck over the RUN scripts of real Dockerfiles, the way we ship it (one
// `shellcheck` process per document, scripts in temporary files) against one process per RUN
// script (script on stdin). Run: node --import tsx scripts/bench-shellcheck.mts [N files]
// Needs ../shared/corpus/real (measurement data, not shipped) and shellcheck on PATH.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDockerfile } from '../server/src/model/parser';
import { defaultConfig } from '../server/src/rules/config';
import { runShellcheck } from '../server/src/rules/shellcheck';
import { shellcheckScripts } from '../server/src/rules/shellcheckScripts';

const dir = join(import.meta.dirname, '..', '..', 'shared', 'corpus', 'real');
const limit = Number(process.argv[2] ?? 80);
const docs = readdirSync(dir)
  .filter((f) => f !== 'MANIFEST.tsv')
  .sort()
  .map((f) => parseDockerfile(readFileSync(join(dir, f), 'utf8')))
  .filter((df) => shellcheckScripts(df).length > 0)
  .slice(0, limit);
const scripts = docs.reduce((n, df) => n + shellcheckScripts(df).length, 0);

let t = performance.now();
let onePerDoc = 0;
for (const df of docs) onePerDoc += (await runShellcheck(df, defaultConfig())).length;
const perDocMs = performance.now() - t;

t = performance.now();
let onePerScript = 0;
for (const df of docs) {
  for (const s of shellcheckScripts(df)) {
    const r = spawnSync('shellcheck', ['--format=json1', '--exclude=SC2187,SC1090,SC1091', '-'], { input: s.text, encoding: 'utf8' });
    onePerScript += (JSON.parse(r.stdout || '{"comments":[]}') as { comments: unknown[] }).comments.length;
  }
}
const perScriptMs = performance.now() - t;

console.log(`${docs.length} Dockerfiles, ${scripts} RUN scripts`);
console.log(`one process per document: ${perDocMs.toFixed(0)} ms (${(perDocMs / docs.length).toFixed(1)} ms/file), ${onePerDoc} findings`);
console.log(`one process per script:   ${perScriptMs.toFixed(0)} ms (${(perScriptMs / docs.length).toFixed(1)} ms/file), ${onePerScript} findings`);
