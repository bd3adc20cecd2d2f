#!/usr/bin/env node
// Runs the project's test suites: `node scripts/test.mjs [suite...]`.
// Without arguments every suite runs (unit, lsp, cli, engine, e2e), in that order, each with the
// setup it needs (a build first; a real Docker engine before the engine suite; code-server and
// Chromium before the e2e suite). Ends with one summary line "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const all = ['unit', 'lsp', 'cli', 'engine', 'e2e'];
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const suites = wanted.length ? wanted : all;
for (const s of suites) {
  if (!all.includes(s)) {
    console.error(`unknown suite "${s}"; known: ${all.join(', ')}`);
    process.exit(2);
  }
}

/** Setup steps per suite: commands that must succeed before its tests run. */
const setup = {
  engine: [['bash', ['scripts/start-test-engine.sh', '--registry']]],
  e2e: [['bash', ['scripts/start-test-engine.sh', '--registry']], ['bash', ['scripts/e2e-setup.sh']], ['node', ['scripts/package.mjs']]],
};

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: opts.capture ? ['ignore', 'pipe', 'inherit'] : 'inherit', encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, ...opts.env } });
  if (opts.capture && r.stdout) process.stdout.write(r.stdout);
  return r;
}

function findTests(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...findTests(p));
    else if (/\.test\.(ts|mjs)$/.test(name)) out.push(p);
  }
  return out;
}

let passed = 0;
let failed = 0;
const problems = [];

const build = run('node', ['esbuild.mjs']);
if (build.status !== 0) {
  console.error('build failed');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

for (const suite of suites) {
  const files = findTests(join(root, 'test', suite));
  if (!files.length) continue;
  console.log(`\n=== ${suite}: ${files.length} test file(s) ===`);
  let setupOk = true;
  for (const [cmd, args] of setup[suite] ?? []) {
    const r = run(cmd, args);
    if (r.status !== 0) {
      problems.push(`${suite}: setup step "${cmd} ${args.join(' ')}" failed (exit ${r.status})`);
      setupOk = false;
      break;
    }
  }
  if (!setupOk) {
    failed += 1;
    continue;
  }
  // Engine and e2e tests share one engine and one browser: run their files one at a time.
  const serial = suite === 'engine' || suite === 'e2e';
  const r = run(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', `--test-concurrency=${serial ? 1 : 2}`, ...files.map((f) => relative(root, f))], { capture: true, env: { DFS_TEST_SUITE: suite } });
  const out = r.stdout ?? '';
  const p = Number(/ℹ pass (\d+)/.exec(out)?.[1] ?? 0);
  const f = Number(/ℹ fail (\d+)/.exec(out)?.[1] ?? 0);
  passed += p;
  failed += f;
  if (r.status !== 0 && f === 0) {
    failed += 1;
    problems.push(`${suite}: test runner exited with ${r.status}`);
  }
  if (f) problems.push(`${suite}: ${f} failed`);
}

if (problems.length) console.log(`\nproblems:\n  ${problems.join('\n  ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
