#!/usr/bin/env node
// `npm run conformance`: runs every peer test case (hadolint's and BuildKit's own suites, from
// ../shared/corpus/peer-cases) through the CLI, and lints the 557 real Dockerfiles of
// ../shared/corpus/real, then writes docs/CONFORMANCE.md.
//
// Agreement per case: a `catch` case agrees when a rule carrying the peer's code as an alias fires
// (for BuildKit: on the expected line); a `pass` case agrees when no such rule fires.
// hadolint's `SHELLCHECK` pseudo-rule = any SCxxxx finding; `*` = no hadolint/ShellCheck finding.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const root = new URL('..', import.meta.url).pathname;
const shared = process.env.DFS_SHARED ?? join(root, '..', 'shared');
const corpus = join(shared, 'corpus');
const cli = join(root, 'dist', 'cli.js');
const quick = process.argv.includes('--no-write');

if (!existsSync(cli) || process.argv.includes('--build')) spawnSync(process.execPath, [join(root, 'esbuild.mjs')], { stdio: 'inherit' });

function readJsonl(path) {
  return readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

/** Write every case to its own folder (with its config), lint them all in one CLI run. */
function lintCases(name, cases, prepare) {
  const dir = join(tmpdir(), `dfs-conformance-${name}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cases.forEach((c, i) => {
    const d = join(dir, String(i).padStart(5, '0'));
    mkdirSync(d);
    const { text, config, dockerignore } = prepare(c);
    writeFileSync(join(d, 'Dockerfile'), text);
    if (config) writeFileSync(join(d, '.hadolint.yaml'), JSON.stringify(config));
    if (dockerignore !== undefined) writeFileSync(join(d, '.dockerignore'), dockerignore);
  });
  const started = Date.now();
  const r = spawnSync(process.execPath, [cli, 'lint', '--format', 'json', '--no-fail', dir], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, cwd: dir });
  if (r.status !== 0) throw new Error(`CLI exited ${r.status}: ${r.stderr}`);
  const byCase = new Map();
  for (const rec of JSON.parse(r.stdout)) {
    const idx = Number(rec.file.split(/[\\/]/)[0]);
    if (!byCase.has(idx)) byCase.set(idx, []);
    byCase.get(idx).push(rec);
  }
  return { byCase, ms: Date.now() - started, stderr: r.stderr };
}

function table(rows) {
  return rows.map((r) => `| ${r.join(' | ')} |`).join('\n');
}

function summarise(cases, agrees) {
  const per = new Map();
  let agree = 0;
  let catches = 0;
  let caught = 0;
  cases.forEach((c, i) => {
    const ok = agrees[i];
    const p = per.get(c.rule) ?? { rule: c.rule, n: 0, ok: 0, catch: 0, caught: 0, pass: 0, passOk: 0, failures: [] };
    p.n++;
    if (ok) p.ok++;
    else p.failures.push(c);
    if (c.expect === 'catch') {
      p.catch++;
      catches++;
      if (ok) {
        p.caught++;
        caught++;
      }
    } else {
      p.pass++;
      if (ok) p.passOk++;
    }
    if (ok) agree++;
    per.set(c.rule, p);
  });
  return { per: [...per.values()].sort((a, b) => a.rule.localeCompare(b.rule)), agree, total: cases.length, catches, caught };
}

const pct = (a, b) => (b ? ((100 * a) / b).toFixed(1) + '%' : '–');

// --- hadolint -------------------------------------------------------------------------------
const hadolintCases = readJsonl(join(corpus, 'peer-cases', 'hadolint.jsonl'));
// hadolint's spec helpers run the rule under test even when it is off by default (DL3057, DL1001);
// we do the same by giving that one rule a severity, which switches an opt-in rule on (a case's
// own `ignored` list still wins).
const OPT_IN = new Set(['DL3057', 'DL1001']);
function hadolintConfig(c) {
  if (!OPT_IN.has(c.rule)) return c.config ?? undefined;
  const config = { ...(c.config ?? {}) };
  config.override = { ...(config.override ?? {}), info: [...(config.override?.info ?? []), c.rule] };
  return config;
}
const h = lintCases('hadolint', hadolintCases, (c) => ({ text: c.dockerfile.endsWith('\n') ? c.dockerfile : c.dockerfile + '\n', config: hadolintConfig(c) }));
const hadolintOwn = (rec) => rec.aliases.some((a) => /^(DL|SC)\d+$/.test(a));
const hAgrees = hadolintCases.map((c, i) => {
  const recs = h.byCase.get(i) ?? [];
  let fired;
  if (c.rule === '*') fired = recs.some(hadolintOwn);
  else if (c.rule === 'SHELLCHECK') fired = recs.some((r) => r.aliases.some((a) => /^SC\d+$/.test(a)));
  else fired = recs.some((r) => r.aliases.includes(c.rule));
  if (c.rule === '*') return !fired;
  return c.expect === 'catch' ? fired : !fired;
});
const hs = summarise(hadolintCases, hAgrees);

// --- BuildKit -------------------------------------------------------------------------------
function buildkitPrepare(c) {
  let text = c.dockerfile;
  let shift = 0;
  const attrs = c.frontend_attrs ?? {};
  const check = attrs['build-arg:BUILDKIT_DOCKERFILE_CHECK'];
  if (check) {
    text = `# check=${check}\n${text}`;
    shift = 1;
  }
  return { text, config: undefined, dockerignore: c.dockerignore ?? undefined, shift };
}
const buildkitCases = readJsonl(join(corpus, 'peer-cases', 'buildkit.jsonl'));
const b = lintCases('buildkit', buildkitCases, buildkitPrepare);
const bAgrees = buildkitCases.map((c, i) => {
  const { shift } = buildkitPrepare(c);
  const recs = (b.byCase.get(i) ?? []).filter((r) => r.aliases.includes(c.rule));
  if (c.expect === 'catch') return c.line == null ? recs.length > 0 : recs.some((r) => r.line - shift === c.line);
  return recs.length === 0;
});
const bs = summarise(buildkitCases, bAgrees);

const docsCases = readJsonl(join(corpus, 'peer-cases', 'buildkit-docs.jsonl'));
const d = lintCases('buildkit-docs', docsCases, (c) => ({ text: c.dockerfile }));
const dAgrees = docsCases.map((c, i) => {
  const fired = (d.byCase.get(i) ?? []).some((r) => r.aliases.includes(c.rule));
  return c.expect === 'catch' ? fired : !fired;
});
const ds = summarise(docsCases, dAgrees);

// --- real Dockerfiles -----------------------------------------------------------------------
const realDir = join(corpus, 'real');
const realFiles = readdirSync(realDir).filter((f) => f !== 'MANIFEST.tsv');
const realStart = Date.now();
const rr = spawnSync(process.execPath, [cli, 'lint', '--format', 'json', '--no-fail', ...realFiles], { cwd: realDir, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
const realMs = Date.now() - realStart;
if (rr.status !== 0) throw new Error(`real corpus: CLI exited ${rr.status}: ${rr.stderr.slice(0, 2000)}`);
const realRecs = JSON.parse(rr.stdout);
const perRuleFiles = new Map();
const perRuleCount = new Map();
for (const rec of realRecs) {
  perRuleCount.set(rec.rule, (perRuleCount.get(rec.rule) ?? 0) + 1);
  if (!perRuleFiles.has(rec.rule)) perRuleFiles.set(rec.rule, new Set());
  perRuleFiles.get(rec.rule).add(rec.file);
}
const internalErrors = (h.stderr + b.stderr + d.stderr + rr.stderr).split('\n').filter((l) => l.includes('internal error'));

function ruleRows(s) {
  return s.per.map((p) => {
    const flag = p.ok / p.n < 0.9 ? ' ⚠' : '';
    return [p.rule, p.n, `${p.caught}/${p.catch}`, `${p.passOk}/${p.pass}`, pct(p.ok, p.n) + flag];
  });
}

const now = new Date().toISOString().slice(0, 10);
const md = `# Conformance with hadolint and BuildKit

Generated by \`npm run conformance\` on ${now}. Every case of the peers' own test suites
(\`../shared/corpus/peer-cases/\`, measurement data that is not part of the package) is linted by
\`dist/cli.js lint --format json\` with the configuration the case runs under. A \`catch\` case agrees
when a rule that carries the peer's code as an alias fires (BuildKit: on the expected line); a
\`pass\` case agrees when none does. hadolint's \`SHELLCHECK\` = any \`SCxxxx\` finding, \`*\` = no
hadolint-equivalent finding at all. Like hadolint's own spec helpers, a case about an opt-in rule
(DL3057, DL1001) runs with that rule switched on. ShellCheck runs when it is installed (Debian's
\`shellcheck\` here). Rules below 90% are marked ⚠ and explained under "Below 90%".

## Summary

| suite | cases | agree | catch cases caught | target |
|---|---:|---:|---:|---|
| hadolint | ${hs.total} | ${hs.agree} (${pct(hs.agree, hs.total)}) | ${hs.caught}/${hs.catches} (${pct(hs.caught, hs.catches)}) | ≥97% agree, ≥95% caught |
| BuildKit | ${bs.total} | ${bs.agree} (${pct(bs.agree, bs.total)}) | ${bs.caught}/${bs.catches} (${pct(bs.caught, bs.catches)}) | ≥97% agree, ≥95% caught |
| BuildKit docs examples (secondary) | ${ds.total} | ${ds.agree} (${pct(ds.agree, ds.total)}) | ${ds.caught}/${ds.catches} (${pct(ds.caught, ds.catches)}) | – |

Times: hadolint suite ${h.ms} ms, BuildKit ${b.ms} ms, docs ${d.ms} ms (one CLI process each).

## hadolint, per rule

| rule | cases | catch caught | pass kept | agree |
|---|---:|---:|---:|---:|
${table(ruleRows(hs))}

## BuildKit, per check

| check | cases | catch caught | pass kept | agree |
|---|---:|---:|---:|---:|
${table(ruleRows(bs))}

## BuildKit documentation examples, per check (secondary)

| check | cases | catch caught | pass kept | agree |
|---|---:|---:|---:|---:|
${table(ruleRows(ds))}

## Below 90%

<!-- explanations:start -->
<!-- explanations:end -->

## Real Dockerfiles (${realFiles.length} files from public repositories)

Linted in one CLI run in ${realMs} ms; ${internalErrors.length} internal errors${internalErrors.length ? ':\n\n```\n' + internalErrors.slice(0, 20).join('\n') + '\n```' : ''}.
Findings per rule (files = how many of the ${realFiles.length} files it fires on; a rule that fires on most
files deserves a second look):

| rule | findings | files | share of files |
|---|---:|---:|---:|
${table([...perRuleCount.entries()].sort((a, b) => b[1] - a[1]).map(([rule, n]) => [rule, n, perRuleFiles.get(rule).size, pct(perRuleFiles.get(rule).size, realFiles.length)]))}
`;

const outPath = join(root, 'docs', 'CONFORMANCE.md');
if (!quick) {
  // Keep hand-written explanations between the markers across regenerations.
  let kept = '';
  if (existsSync(outPath)) {
    const old = readFileSync(outPath, 'utf8');
    const m = /<!-- explanations:start -->\n([\s\S]*?)<!-- explanations:end -->/.exec(old);
    if (m) kept = m[1];
  }
  writeFileSync(outPath, md.replace('<!-- explanations:start -->\n', `<!-- explanations:start -->\n${kept}`));
}
console.log(`hadolint: ${hs.agree}/${hs.total} agree (${pct(hs.agree, hs.total)}), caught ${hs.caught}/${hs.catches} (${pct(hs.caught, hs.catches)})`);
console.log(`buildkit: ${bs.agree}/${bs.total} agree (${pct(bs.agree, bs.total)}), caught ${bs.caught}/${bs.catches} (${pct(bs.caught, bs.catches)})`);
console.log(`buildkit-docs: ${ds.agree}/${ds.total} agree (${pct(ds.agree, ds.total)})`);
console.log(`real: ${realFiles.length} files, ${realRecs.length} findings, ${internalErrors.length} internal errors, ${realMs} ms`);
if (process.argv.includes('--failures')) {
  for (const p of [...hs.per, ...bs.per]) for (const f of p.failures) console.log(`\n--- ${p.rule} ${f.expect} (${f.note ?? ''})\n${f.dockerfile}`);
}
