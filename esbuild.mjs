// Bundles the three programs: the extension (dist/client.js), the language server
// (dist/server.js) and the lint CLI (dist/cli.js). `--release` minifies; `--watch` rebuilds.
import * as esbuild from 'esbuild';

const release = process.argv.includes('--release');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: release ? false : 'linked',
  minify: release,
  // The LSP libraries ship UMD and ESM builds; prefer the module build so esbuild can follow imports.
  mainFields: ['module', 'main'],
  // ssh2 (pulled in by dockerode for ssh:// hosts) has optional native add-ons; they are loaded
  // in try/catch at run time, so leaving them out of the bundle is safe.
  external: ['vscode', 'cpu-features', './crypto/build/Release/sshcrypto.node'],
  logLevel: 'warning',
  legalComments: 'none',
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js' },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('esbuild: watching');
} else {
  const started = Date.now();
  await Promise.all(builds.map((b) => esbuild.build(b)));
  console.log(`esbuild: built ${builds.length} bundles in ${Date.now() - started} ms${release ? ' (release)' : ''}`);
}
