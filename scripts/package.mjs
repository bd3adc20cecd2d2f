#!/usr/bin/env node
// Builds the release .vsix: `npm run package` → dockerfile-studio-<version>.vsix in the repo root.
//
// The package is made in a staging copy of the sources (outside the repo), so the release build
// (minified, no source maps) never overwrites the dist/ that everyone's tests and debugging use.
// vsce runs `vscode:prepublish` (the release build) inside the staging copy, applies .vscodeignore
// and zips. Everything is bundled, so `--no-dependencies` is right: node_modules never ships.
//
// Afterwards the .vsix itself is read back and the script FAILS when it holds anything outside the
// allowlist below, or misses a file the extension needs at run time. .vscodeignore says what should
// ship; this check proves what did.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inflateRawSync } from 'node:zlib';

const root = new URL('..', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const vsixName = `${manifest.name}-${manifest.version}.vsix`;
const vsixPath = join(root, vsixName);

/** What may ship, as paths inside the .vsix. */
const allowed = [
  /^\[Content_Types\]\.xml$/,
  /^extension\.vsixmanifest$/,
  /^extension\/dist\/(client|server|cli)\.js$/,
  /^extension\/(syntaxes|snippets|l10n|resources)\/.+/,
  /^extension\/package\.json$/,
  /^extension\/package\.nls(\.[a-z-]+)?\.json$/,
  /^extension\/(readme\.md|changelog\.md|LICENSE|LICENSE\.txt)$/i, // vsce lower-cases readme/changelog, renames LICENSE to LICENSE.txt
];
/** What must ship for the extension to start and find its server. */
const required = ['extension/package.json', 'extension/dist/client.js', 'extension/dist/server.js', 'extension/dist/cli.js', 'extension.vsixmanifest'];

/** Sources the release build and vsce need; node_modules is linked, not copied. */
const staged = ['package.json', 'package-lock.json', 'package.nls.json', 'package.nls.ko.json', 'README.md', 'LICENSE', 'CHANGELOG.md',
  '.vscodeignore', 'esbuild.mjs', 'tsconfig.base.json', 'client', 'server', 'syntaxes', 'snippets', 'l10n', 'resources'];

function fail(message) {
  console.error(`package: ${message}`);
  process.exit(1);
}

function stageSources() {
  const stage = mkdtempSync(join(tmpdir(), 'dfs-package-'));
  for (const entry of staged) {
    const from = join(root, entry);
    if (existsSync(from)) cpSync(from, join(stage, entry), { recursive: true });
  }
  symlinkSync(join(root, 'node_modules'), join(stage, 'node_modules'), 'dir');
  return stage;
}

function runVsce(stage) {
  const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  if (!existsSync(vsce)) fail('@vscode/vsce is missing: run `npm ci` first');
  // --no-rewrite-relative-links: the README's images live in docs/images, which do not ship; vsce
  // would otherwise need a GitHub/GitLab repository URL to rewrite them.
  const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--no-rewrite-relative-links', '--out', vsixPath], {
    cwd: stage,
    stdio: 'inherit',
  });
  if (r.status !== 0) fail(`vsce package failed (exit ${r.status})`);
}

/** Lists a zip's entries from its central directory (a .vsix is a plain zip). */
export function listZip(buffer) {
  const eocdSignature = 0x06054b50;
  let eocd = -1;
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 22 - 0xffff); i--) {
    if (buffer.readUInt32LE(i) === eocdSignature) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip file (no end of central directory)');
  const count = buffer.readUInt16LE(eocd + 10);
  let offset = buffer.readUInt32LE(eocd + 16);
  const entries = [];
  for (let n = 0; n < count; n++) {
    if (buffer.readUInt32LE(offset) !== 0x02014b50) throw new Error(`bad central directory entry #${n}`);
    const method = buffer.readUInt16LE(offset + 10);
    const compressedSize = buffer.readUInt32LE(offset + 20);
    const size = buffer.readUInt32LE(offset + 24);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    const localHeader = buffer.readUInt32LE(offset + 42);
    const name = buffer.toString('utf8', offset + 46, offset + 46 + nameLength);
    entries.push({ name, size, compressedSize, method, localHeader });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Reads one entry's bytes (stored or deflated). */
export function readZipEntry(buffer, entry) {
  const start = entry.localHeader + 30 + buffer.readUInt16LE(entry.localHeader + 26) + buffer.readUInt16LE(entry.localHeader + 28);
  const data = buffer.subarray(start, start + entry.compressedSize);
  return entry.method === 0 ? data : inflateRawSync(data);
}

/** Lists the package and returns what is wrong with it (empty when it is right). */
export function checkContents(vsixFile) {
  const buffer = readFileSync(vsixFile);
  const entries = listZip(buffer);
  const names = entries.map((e) => e.name).filter((n) => !n.endsWith('/'));
  console.log(`\n${vsixFile} (${(statSync(vsixFile).size / 1024).toFixed(0)} KiB, ${names.length} files):`);
  for (const e of entries) console.log(`  ${String(e.size).padStart(9)}  ${e.name}`);

  const unexpected = names.filter((n) => !allowed.some((re) => re.test(n)));
  const missing = required.filter((n) => !names.includes(n));
  const problems = [];
  if (unexpected.length) problems.push(`files outside the allowlist (fix .vscodeignore):\n    ${unexpected.join('\n    ')}`);
  if (missing.length) problems.push(`missing files:\n    ${missing.join('\n    ')}`);

  // The shipped bundles must be the release build: a source-map reference would point at a file
  // that is not in the package.
  for (const e of entries.filter((x) => /^extension\/dist\/.+\.js$/.test(x.name))) {
    const text = readZipEntry(buffer, e).toString('utf8');
    if (text.includes('sourceMappingURL=')) problems.push(`${e.name} is not the release build (it references a source map)`);
  }
  return problems;
}

const isMain = process.argv[1] !== undefined && pathToFileURL(process.argv[1]).href === import.meta.url;
if (isMain) {
  const started = Date.now();
  const stage = stageSources();
  try {
    runVsce(stage);
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
  const problems = checkContents(vsixPath);
  if (problems.length) {
    rmSync(vsixPath, { force: true });
    fail(`the package is wrong, so ${vsixName} was deleted:\n  ${problems.join('\n  ')}`);
  }
  console.log('package: contents match the allowlist');
  console.log(`package: ${vsixPath} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
