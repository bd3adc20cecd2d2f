#!/usr/bin/env node
// `npm run bench:build`: our build path (streamed tar context with .dockerignore + Engine API +
// stream parsing, client/src/docker/build.ts) against `docker build` on the same Dockerfile and
// context, classic builder both ways (DOCKER_BUILDKIT=0), --no-cache both ways so every run does
// the same engine work. Two contexts generated into /tmp: a small one and a large one (thousands
// of files, a few hundred MB). Ours runs in a fresh child process per run (bundled from the
// TypeScript with esbuild, like dist/), warms up with one untimed tiny build (the extension is a
// long-running process), then reports its build time and its peak RSS above the RSS it had just
// before the build (the extension's extra memory). The CLI is timed as a whole
// command. Runs alternate ours/CLI; medians are printed as a Markdown section for docs/BENCHMARKS.md.
// Options: --runs N (default 3), --keep (keep the generated contexts for another run).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : fallback;
};
const runs = Number(opt('--runs', '3'));
const keep = argv.includes('--keep');
const BASE = 'dfs-test/busybox:latest';

const child = `
import { buildImage } from './client/src/docker/build';
import { connectEngine } from './client/src/docker/engine';

const [contextDir, tag, warmupDir] = process.argv.slice(2);
async function main() {
  const { docker } = await connectEngine();
  // The extension is a long-running process: warm the code paths once (untimed) on a tiny context.
  await buildImage(docker, { contextDir: warmupDir, dockerfile: warmupDir + '/Dockerfile', tag: tag + '-warmup', noCache: true });
  if (global.gc) global.gc();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 5);
  const cpu0 = process.cpuUsage();
  const started = process.hrtime.bigint();
  const result = await buildImage(docker, { contextDir, dockerfile: contextDir + '/Dockerfile', tag, noCache: true });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, extraRss: peak - baseline, baselineRss: baseline, files: result.context.files, bytes: result.context.bytes };
}
main().then((r) => { process.stdout.write(JSON.stringify(r)); process.exit(0); }, (e) => { console.error(e); process.exit(1); });
`;

function generate(dir, { smallFiles, bigFiles, bigSize }) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'Dockerfile'), `FROM ${BASE}\nCOPY marker.txt /marker.txt\n`);
  writeFileSync(join(dir, 'marker.txt'), 'bench\n');
  // An ignored folder: excluded by both sides, so .dockerignore handling is part of the measurement.
  writeFileSync(join(dir, '.dockerignore'), 'ignored/\n**/*.tmp\n');
  mkdirSync(join(dir, 'ignored'), { recursive: true });
  for (let i = 0; i < 50; i++) writeFileSync(join(dir, 'ignored', `skip-${i}.bin`), Buffer.alloc(64 * 1024, i));
  let seed = 1;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  for (let i = 0; i < smallFiles; i++) {
    const sub = join(dir, 'src', `d${i % 40}`, `e${i % 7}`);
    mkdirSync(sub, { recursive: true });
    const size = 200 + Math.floor(rand() * 20000);
    writeFileSync(join(sub, `file-${i}.${i % 10 === 0 ? 'tmp' : 'txt'}`), Buffer.alloc(size, 97 + (i % 26)));
  }
  mkdirSync(join(dir, 'assets'), { recursive: true });
  const chunk = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < bigFiles; i++) {
    for (let j = 0; j < chunk.length; j += 4) chunk.writeUInt32LE((rand() * 0xffffffff) >>> 0, j);
    const parts = [];
    for (let m = 0; m < bigSize; m++) parts.push(chunk);
    writeFileSync(join(dir, 'assets', `blob-${i}.bin`), Buffer.concat(parts));
  }
}

function du(dir) {
  const r = spawnSync('du', ['-sb', dir], { encoding: 'utf8' });
  return Number(r.stdout.split('\t')[0]);
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const work = mkdtempSync(join(tmpdir(), 'dfs-bench-build-'));
const childFile = join(work, 'child.cjs');
await esbuild.build({
  stdin: { contents: child, resolveDir: root, loader: 'ts' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile: childFile,
  external: ['cpu-features', './crypto/build/Release/sshcrypto.node'],
  logLevel: 'warning',
});

const warmupDir = join(work, 'warmup');
mkdirSync(warmupDir);
writeFileSync(join(warmupDir, 'Dockerfile'), `FROM ${BASE}\nCOPY Dockerfile /warmup\n`);

const contexts = [
  { name: 'small', dir: '/tmp/dfs-bench-build-small', spec: { smallFiles: 30, bigFiles: 0, bigSize: 0 } },
  { name: 'large', dir: '/tmp/dfs-bench-build-large', spec: { smallFiles: 4000, bigFiles: 30, bigSize: 10 } },
];
const results = [];
for (const ctx of contexts) {
  if (!existsSync(join(ctx.dir, 'Dockerfile'))) {
    console.error(`generating ${ctx.name} context in ${ctx.dir} …`);
    generate(ctx.dir, ctx.spec);
  }
  const ours = [];
  const cli = [];
  const cliCpu = [];
  let info;
  for (let i = 0; i < runs; i++) {
    const tagOurs = `dfs-bench-build-ours:${ctx.name}`;
    const o = spawnSync(process.execPath, ['--expose-gc', childFile, ctx.dir, tagOurs, warmupDir], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (o.status !== 0) throw new Error(`our build failed: ${o.stderr}`);
    info = JSON.parse(o.stdout);
    ours.push(info);
    // Remove right away: the next --no-cache build would otherwise leave this one dangling.
    spawnSync('docker', ['rmi', '-f', tagOurs, `${tagOurs}-warmup`], { stdio: 'ignore' });
    const tagCli = `dfs-bench-build-cli:${ctx.name}`;
    // GNU time reports the CLI's own CPU time (user+sys), comparable with our process's cpuUsage.
    const timeCmd = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-f', 'DFS_CPU %U %S'] : [];
    const t0 = process.hrtime.bigint();
    const c = spawnSync(timeCmd[0] ?? 'docker', [...timeCmd.slice(1), ...(timeCmd.length ? ['docker'] : []), 'build', '-q', '--no-cache', '-t', tagCli, ctx.dir], { encoding: 'utf8', env: { ...process.env, DOCKER_BUILDKIT: '0' }, maxBuffer: 64 * 1024 * 1024 });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (c.status !== 0) throw new Error(`docker build failed: ${c.stderr}`);
    const cpuLine = /DFS_CPU ([\d.]+) ([\d.]+)/.exec(c.stderr ?? '');
    cli.push(ms);
    cliCpu.push(cpuLine ? (Number(cpuLine[1]) + Number(cpuLine[2])) * 1000 : NaN);
    spawnSync('docker', ['rmi', '-f', tagCli], { stdio: 'ignore' });
    console.error(`${ctx.name} run ${i + 1}/${runs}: ours ${info.ms.toFixed(0)} ms (cpu ${info.cpuMs.toFixed(0)} ms, +${(info.extraRss / 1048576).toFixed(1)} MB RSS), docker build ${ms.toFixed(0)} ms (cpu ${cliCpu[cliCpu.length - 1].toFixed(0)} ms)`);
  }
  const oursMs = median(ours.map((r) => r.ms));
  const cliMs = median(cli);
  results.push({
    name: ctx.name,
    onDisk: du(ctx.dir),
    sentFiles: info.files,
    sentBytes: info.bytes,
    oursMs,
    cliMs,
    ratio: oursMs / cliMs,
    oursCpu: median(ours.map((r) => r.cpuMs)),
    cliCpu: median(cliCpu),
    peakExtraMb: Math.max(...ours.map((r) => r.extraRss)) / 1048576,
  });
  if (!keep) rmSync(ctx.dir, { recursive: true, force: true });
}
rmSync(work, { recursive: true, force: true });

const engine = spawnSync('docker', ['version', '--format', '{{.Server.Version}} (API {{.Server.APIVersion}})'], { encoding: 'utf8' }).stdout.trim();
const lines = [
  `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} shared CPU cores, Node ${process.version}, Docker Engine ${engine}, classic builder both ways, --no-cache, median of ${runs} alternating runs.`,
  '',
  '| context | on disk | sent (after .dockerignore) | ours | `docker build` | ratio (target ≤ 1.1×) | client CPU ours / CLI | our peak extra RSS (target < 64 MB) |',
  '|---|---|---|---|---|---|---|---|',
  ...results.map(
    (r) =>
      `| ${r.name} | ${(r.onDisk / 1048576).toFixed(1)} MB | ${r.sentFiles} files, ${(r.sentBytes / 1048576).toFixed(1)} MB | ${(r.oursMs / 1000).toFixed(2)} s | ${(r.cliMs / 1000).toFixed(2)} s | ${r.ratio.toFixed(2)}× | ${(r.oursCpu / 1000).toFixed(2)} s / ${(r.cliCpu / 1000).toFixed(2)} s | ${r.peakExtraMb.toFixed(1)} MB |`,
  ),
];
console.log(lines.join('\n'));
