import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const root = join(__dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'dfs-cli-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

test('json output has the documented fields, 1-based positions and aliases', () => {
  const dir = workspace({ Dockerfile: 'FROM alpine:3.20\nMAINTAINER me\n' });
  const r = run(['lint', '--format', 'json', 'Dockerfile'], dir);
  const recs = JSON.parse(r.out) as Record<string, unknown>[];
  const rec = recs.find((x) => x.rule === 'maintainer-deprecated');
  assert.ok(rec, r.out);
  assert.deepEqual(Object.keys(rec).sort(), ['aliases', 'column', 'endColumn', 'endLine', 'file', 'line', 'message', 'rule', 'severity'].sort());
  assert.equal(rec.line, 2);
  assert.equal(rec.column, 1);
  assert.ok((rec.aliases as string[]).includes('DL4000'));
});

test('folders are searched for every Dockerfile naming style', () => {
  const dir = workspace({ 'a/Dockerfile': 'FROM a\n', 'b/Containerfile': 'FROM b\n', 'c/web.Dockerfile': 'FROM c\n', 'd/x.dockerfile': 'FROM d\n', 'e/Dockerfile.dev': 'FROM e\n', 'f/README.md': 'FROM f\n', 'node_modules/Dockerfile': 'FROM g\n' });
  const r = run(['lint', '--format', 'json', '--no-shellcheck', '.'], dir);
  assert.equal(r.code, 0, r.err);
  const text = run(['lint', '.'], dir);
  assert.match(text.out, /5 file\(s\)/);
});

test('exit codes: 1 at error severity, 0 with --no-fail or a higher threshold, 2 for usage errors', () => {
  const dir = workspace({ Dockerfile: 'FROM alpine:3.20\nMAINTAINER me\n', '.hadolint.yaml': 'override:\n  error: [DL4000]\n' });
  assert.equal(run(['lint', 'Dockerfile'], dir).code, 1);
  assert.equal(run(['lint', '--no-fail', 'Dockerfile'], dir).code, 0);
  assert.equal(run(['lint', '--failure-threshold', 'none', 'Dockerfile'], dir).code, 0);
  assert.equal(run(['lint', '--format', 'yaml', 'Dockerfile'], dir).code, 2);
  assert.equal(run(['lint'], dir).code, 2);
  assert.equal(run(['frobnicate'], dir).code, 2);
});

test('a missing file is reported on stderr and the other files are still linted', () => {
  const dir = workspace({ Dockerfile: 'FROM alpine:3.20\nMAINTAINER me\n' });
  const r = run(['lint', '--format', 'json', 'missing/Dockerfile', 'Dockerfile'], dir);
  assert.match(r.err, /missing\/Dockerfile: no such file or directory/);
  assert.equal((JSON.parse(r.out) as unknown[]).length > 0, true);
  assert.equal(r.code, 2);
});

test('--config and ignore pragmas by alias, and the text, gnu, checkstyle and sarif formats', () => {
  const dir = workspace({ Dockerfile: 'FROM alpine:3.20\nMAINTAINER me\n', 'cfg.yaml': 'ignored: [DL4000]\n' });
  assert.deepEqual(JSON.parse(run(['lint', '--format', 'json', '--config', 'cfg.yaml', 'Dockerfile'], dir).out), []);
  assert.match(run(['lint', 'Dockerfile'], dir).out, /Dockerfile:2:1 warning MAINTAINER is deprecated/);
  assert.match(run(['lint', '--format', 'gnu', 'Dockerfile'], dir).out, /^Dockerfile:2\.1-2\.11: warning: /m);
  const cs = run(['lint', '--format', 'checkstyle', 'Dockerfile'], dir).out;
  assert.match(cs, /<file name="Dockerfile">\s*<error line="2" column="1" severity="warning"/);
  const sarif = JSON.parse(run(['lint', '--format', 'sarif', 'Dockerfile'], dir).out) as { version: string; runs: { tool: { driver: { rules: { id: string; helpUri: string }[] } }; results: { ruleId: string; ruleIndex: number; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] };
  assert.equal(sarif.version, '2.1.0');
  const run0 = sarif.runs[0];
  const result = run0.results.find((x) => x.ruleId === 'maintainer-deprecated');
  assert.ok(result);
  assert.equal(run0.tool.driver.rules[result.ruleIndex].id, 'maintainer-deprecated');
  assert.match(run0.tool.driver.rules[result.ruleIndex].helpUri, /RULES\.md#maintainer-deprecated$/);
  assert.equal(result.locations[0].physicalLocation.region.startLine, 2);
});

test('lints all 557 real Dockerfiles of the shared corpus in one run without an internal error', () => {
  const realDir = join(root, '..', 'shared', 'corpus', 'real');
  assert.ok(existsSync(realDir), `corpus missing at ${realDir}`);
  const files = readdirSync(realDir).filter((f) => f !== 'MANIFEST.tsv');
  assert.equal(files.length, 557);
  const r = spawnSync(process.execPath, [cli, 'lint', '--format', 'json', '--no-fail', '--no-shellcheck', ...files], { cwd: realDir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  assert.equal(r.status, 0, r.stderr.slice(0, 2000));
  assert.doesNotMatch(r.stderr, /internal error/);
  assert.ok(Array.isArray(JSON.parse(r.stdout)));
});
