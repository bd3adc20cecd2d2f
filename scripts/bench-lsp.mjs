#!/usr/bin/env node
// `npm run bench`: builds the server, then runs the shared LSP benchmark harness with the anchor
// (dockerfile-language-server-nodejs, a devDependency) as server A and our dist/server.js as
// server B in one interleaved run, and writes:
//   docs/bench/lsp.json  all samples (the harness's --json)
//   docs/bench/lsp.txt   the harness's text report
//   docs/BENCHMARKS.md   the "LSP server" section between <!-- lsp-bench:start/end --> markers
// A second, shorter run times the anchor against a server that does nothing over our transport
// (scripts/bench/floorServer.ts) at 1000 lines: the fastest any request can be answered by a
// server built on vscode-languageserver (docs/bench/lsp-floor.json), and a third the anchor against
// the same do-nothing server without the library (scripts/bench/rawFloorServer.ts,
// docs/bench/lsp-floor-raw.json): the round trip of any Node process here. `--no-floor` skips both.
// Extra arguments go to the harness (e.g. `npm run bench -- --reps 5` for a quick look).
// `--no-build` skips the build; `--report-only` rewrites the section from docs/bench/lsp.json.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const harness = process.env.LSP_BENCH ?? resolve(root, '..', 'shared', 'bench', 'lsp-bench.mjs');
const jsonPath = join(root, 'docs', 'bench', 'lsp.json');
const textPath = join(root, 'docs', 'bench', 'lsp.txt');
const mdPath = join(root, 'docs', 'BENCHMARKS.md');
// Hand-written reading of the latest run (where we miss and why), kept in the section on re-render.
const notesPath = join(root, 'docs', 'bench', 'lsp-notes.md');
const floorPath = join(root, 'docs', 'bench', 'lsp-floor.json');
const rawFloorPath = join(root, 'docs', 'bench', 'lsp-floor-raw.json');
const FLOOR_SIZE = '1000';
const START = '<!-- lsp-bench:start -->';
const END = '<!-- lsp-bench:end -->';
const TARGET_SIZES = ['1000', '10000'];
const TARGET_RATIO = 0.5;
// Our server is started the way the extension starts it (client/src/languageClient.ts): same node
// flags, same environment (`env` execs node in place, so the harness still measures one process).
// The launch settings come from server/src/serverLaunch.ts itself (through tsx), for this machine.
function ourLaunch() {
  // tsx loads the module as CommonJS here, so its exports sit under `default`.
  const code = "import('./server/src/serverLaunch.ts').then((m) => process.stdout.write(JSON.stringify((m.serverLaunch ?? m.default.serverLaunch)())))";
  const r = spawnSync('node', ['--import', 'tsx', '-e', code], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`bench: could not read the server's launch settings: ${r.stderr}`);
  return JSON.parse(r.stdout);
}
function ourCommand() {
  const launch = ourLaunch();
  return ['env', ...Object.entries(launch.env).map(([k, v]) => `${k}=${v}`), 'node', ...launch.execArgv, 'dist/server.js', '--stdio'].join(' ');
}

const argv = process.argv.slice(2);
const own = new Set(['--no-build', '--report-only', '--no-floor']);
const passThrough = argv.filter((a) => !own.has(a));

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', opts.capture ? 'pipe' : 'inherit', 'inherit'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  return r;
}

if (!argv.includes('--report-only')) {
  if (!existsSync(harness)) {
    console.error(`bench: the harness is not at ${harness} (set LSP_BENCH to its path)`);
    process.exit(2);
  }
  if (!argv.includes('--no-build') && run('node', ['esbuild.mjs']).status !== 0) {
    console.error('bench: build failed');
    process.exit(1);
  }
  mkdirSync(dirname(jsonPath), { recursive: true });
  const args = [
    harness,
    '--server', 'node_modules/.bin/docker-langserver --stdio',
    '--server2', ourCommand(),
    '--name', 'anchor',
    '--name2', 'dockerfile-studio',
    '--sizes', '50,1000,10000',
    '--reps', '30',
    '--json', jsonPath,
    ...passThrough,
  ];
  const r = run('node', args, { capture: true });
  process.stdout.write(r.stdout ?? '');
  writeFileSync(textPath, r.stdout ?? '');
  if (r.status !== 0 && r.status !== 3) {
    console.error(`bench: the harness exited with ${r.status}`);
    process.exit(1);
  }
  if (!argv.includes('--no-floor')) {
    for (const [script, name, out] of [
      ['scripts/bench/floorServer.ts', 'floor', floorPath],
      ['scripts/bench/rawFloorServer.ts', 'raw-floor', rawFloorPath],
    ]) {
      const floorArgs = [
        harness,
        '--server', 'node_modules/.bin/docker-langserver --stdio',
        '--server2', `node --import tsx ${script} --stdio`,
        '--name', 'anchor',
        '--name2', name,
        '--reps', '30',
        ...withoutSizes(passThrough),
        '--sizes', FLOOR_SIZE,
        '--json', out,
      ];
      const f = run('node', floorArgs, { capture: true });
      if (f.status !== 0 && f.status !== 3) {
        console.error(`bench: the ${name} run exited with ${f.status}`);
        process.exit(1);
      }
    }
  }
}

const data = JSON.parse(readFileSync(jsonPath, 'utf8'));
writeFileSync(mdPath, withSection(existsSync(mdPath) ? readFileSync(mdPath, 'utf8') : '# Benchmarks\n', render(data)));
console.log(argv.includes('--report-only') ? `bench: rewrote the LSP section of ${mdPath} from ${jsonPath}` : `bench: wrote ${jsonPath}, ${textPath} and the LSP section of ${mdPath}`);

/** The pass-through arguments minus any `--sizes N,…` (the floor run has its own size). */
function withoutSizes(args) {
  const out = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--sizes') i++;
    else if (!args[i].startsWith('--sizes=')) out.push(args[i]);
  }
  return out;
}

function withSection(md, section) {
  const block = `${START}\n${section}\n${END}`;
  const s = md.indexOf(START);
  const e = md.indexOf(END);
  if (s >= 0 && e > s) return md.slice(0, s) + block + md.slice(e + END.length);
  return `${md.trimEnd()}\n\n${block}\n`;
}

function fmt(v) {
  if (v === null || v === undefined || Number.isNaN(v)) return '–';
  if (v >= 100) return v.toFixed(0);
  if (v >= 10) return v.toFixed(1);
  return v.toFixed(2);
}

function render(d) {
  const [a, b] = d.servers;
  const result = (doc, metric, server) => d.results.find((r) => r.doc === doc && r.metric === metric && r.server === server);
  const cell = (r) => {
    if (!r) return 'n/a';
    if (r.error && !r.stats?.n) return /timed out/i.test(r.error) ? '**TIMEOUT**' : `**${r.error.split(' ')[0]}**`;
    return r.stats ? `${fmt(r.stats.median)}` : 'n/a';
  };
  const metrics = [...new Set(d.results.map((r) => r.metric))];
  const docs = [...new Set(d.results.map((r) => r.doc))];
  const lines = [];
  const load = d.machine.loadavgStart?.join(' ') ?? '?';
  lines.push('## LSP server');
  lines.push('');
  lines.push(`Generated by \`npm run bench\` (scripts/bench-lsp.mjs) on ${d.machine.date}: \`../shared/bench/lsp-bench.mjs\` with`);
  lines.push(`A = ${a.name} (\`${a.cmd}\`, dockerfile-language-server-nodejs) and B = ${b.name} (\`${b.cmd}\`) in one interleaved run,`);
  lines.push(`sizes ${d.options.sizes.join('/')} lines, ${d.options.reps} reps (+${d.options.warmup} warm-up), seed ${d.options.seed}. Machine: ${d.machine.nproc} cores (${d.machine.cpu}), Node ${d.machine.node}, load average at start ${load}.`);
  lines.push('Medians in ms (RSS in MB); B/A < 1 means we are faster. Raw samples: `docs/bench/lsp.json`; text report: `docs/bench/lsp.txt`.');
  lines.push('');
  lines.push('| metric | size | anchor | ours | ours/anchor | target ≤ 0.5× |');
  lines.push('|---|---|---|---|---|---|');
  const misses = [];
  let met = 0;
  let counted = 0;
  for (const doc of docs) {
    for (const metric of metrics) {
      const ra = result(doc, metric, a.name);
      const rb = result(doc, metric, b.name);
      if (!ra && !rb) continue;
      // Capabilities neither server advertises (pull diagnostics) make no row.
      if (ra?.error === 'n/a' && rb?.error === 'n/a') continue;
      const ratio = d.ratios.find((x) => x.doc === doc && x.metric === metric)?.median ?? null;
      let verdict = '';
      if (TARGET_SIZES.includes(doc) && metric !== 'rss' && metric !== 'diag-pull') {
        const aTimedOut = ra?.error && !ra.stats?.n;
        const bAnswered = rb?.stats?.n > 0;
        if (aTimedOut && bAnswered && rb.error) verdict = `**no**: both time out (ours answered ${rb.stats.n} reps first)`;
        else if (aTimedOut && bAnswered) verdict = 'yes (anchor times out)';
        else if (ratio !== null && rb?.stats?.n) verdict = ratio <= TARGET_RATIO ? 'yes' : '**no**';
        else if (!rb?.stats?.n && ra?.stats?.n) verdict = '**no** (we do not answer)';
        if (verdict) {
          counted++;
          if (verdict.startsWith('yes')) met++;
          else misses.push(`${metric}@${doc} (${ratio === null ? (rb?.error ? 'both time out' : 'no answer') : `${fmt(ratio)}×`})`);
        }
      }
      if (metric === 'rss' && TARGET_SIZES.includes(doc) && ra?.stats && rb?.stats) {
        verdict = rb.stats.median <= ra.stats.median ? 'memory ≤ anchor: yes' : '**memory above anchor**';
      }
      lines.push(`| ${metric} | ${doc} | ${cell(ra)} | ${cell(rb)} | ${ratio === null ? '–' : `${fmt(ratio)}×`} | ${verdict} |`);
    }
  }
  lines.push('');
  lines.push(`**Against the target** (every metric's median at 1000 and 10000 lines ≤ 0.5× the anchor's): ${met} of ${counted} met.` + (misses.length ? ` Missed: ${misses.join(', ')}.` : ''));
  const st = result('10000', 'semtok', b.name);
  const sa = result('10000', 'semtok', a.name);
  lines.push(`Semantic tokens at 10 000 lines: ours ${st?.stats?.n ? `${fmt(st.stats.median)} ms (${st.count} tokens)` : 'no answer'}; anchor ${sa?.stats?.n ? `${fmt(sa.stats.median)} ms` : 'timed out'}.`);
  const ma = result('10000', 'rss', a.name);
  const mb = result('10000', 'rss', b.name);
  if (ma?.stats && mb?.stats) lines.push(`Memory after the 10 000-line file: ours ${fmt(mb.stats.median)} MB, anchor ${fmt(ma.stats.median)} MB.`);
  lines.push('');
  lines.push('```');
  lines.push(d.summary);
  lines.push('```');
  if (existsSync(floorPath)) lines.push('', ...renderFloor(JSON.parse(readFileSync(floorPath, 'utf8')), d, existsSync(rawFloorPath) ? JSON.parse(readFileSync(rawFloorPath, 'utf8')) : undefined));
  if (existsSync(notesPath)) lines.push('', readFileSync(notesPath, 'utf8').trim());
  return lines.join('\n');
}

/**
 * The floor table: anchor vs the do-nothing server (its own run), next to our figure from the main
 * run; then, when there is one, the run of the anchor against the do-nothing server without the library.
 */
function renderFloor(f, d, raw) {
  const [a, b] = f.servers;
  const median = (data, metric, server) => data.results.find((r) => r.doc === FLOOR_SIZE && r.metric === metric && r.server === server)?.stats?.median;
  const ours = d.servers[1].name;
  const out = [];
  out.push(`### The floor of a round trip (${FLOOR_SIZE} lines, ${f.machine.date})`);
  out.push('');
  out.push(`A second run times the anchor against \`scripts/bench/floorServer.ts\`: a server on vscode-languageserver with our transport that answers every request with an empty result at once. No handler can answer faster than it. "0.5× anchor" is the target; "ours" comes from the main run above (a different run: compare within a row only roughly).`);
  out.push('');
  out.push('| metric | anchor | floor | floor/anchor | 0.5× anchor | ours (main run) |');
  out.push('|---|---|---|---|---|---|');
  for (const metric of ['c-empty', 'hover', 'folding', 'codeaction', 'open', 'edit']) {
    const ma = median(f, metric, a.name);
    const mf = median(f, metric, b.name);
    if (ma === undefined || mf === undefined) continue;
    out.push(`| ${metric} | ${fmt(ma)} | ${fmt(mf)} | ${fmt(mf / ma)}× | ${fmt(ma / 2)} | ${fmt(median(d, metric, ours))} |`);
  }
  if (!raw) return out;
  const [ra, rb] = raw.servers;
  out.push('');
  out.push(`A third run (${raw.machine.date}) times the anchor against \`scripts/bench/rawFloorServer.ts\`: the same do-nothing server without vscode-languageserver's connection (our frame reader calls a switch that answers with one write). It is the round trip of a Node process on this machine: pipe, wake-up, JSON. Where its figure is above "0.5× anchor", no Node server can meet the target.`);
  out.push('');
  out.push('| metric | anchor | raw floor | raw floor/anchor | 0.5× anchor |');
  out.push('|---|---|---|---|---|');
  for (const metric of ['c-empty', 'hover', 'folding', 'codeaction']) {
    const ma = median(raw, metric, ra.name);
    const mr = median(raw, metric, rb.name);
    if (ma === undefined || mr === undefined) continue;
    out.push(`| ${metric} | ${fmt(ma)} | ${fmt(mr)} | ${fmt(mr / ma)}× | ${fmt(ma / 2)} |`);
  }
  return out;
}
