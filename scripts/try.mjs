#!/usr/bin/env node
// `npm run try`: the product in a browser, without installing VS Code.
// Packages the extension, installs it into a fresh code-server profile (a real VS Code, the same
// one the e2e suite drives), opens the repo's examples/ folder and prints the 127.0.0.1 URL.
// Ctrl+C stops code-server and deletes the profile.
//
//   npm run try                     # a free port
//   npm run try -- --port 8080      # a chosen port
//   npm run try -- --ko             # extension messages in Korean (dockerfileStudio.language: "ko")
//
// Runs under tsx (see package.json) so it can share test/e2e/codeServer.ts with the e2e harness.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// A CommonJS TypeScript module seen from ESM: its exports arrive as the default export.
import codeServer from '../test/e2e/codeServer.ts';

const { createProfile, installExtension, repoRoot, startCodeServer, stopProcessGroup, vsixPath } = codeServer;

const args = process.argv.slice(2);
const portArg = args.indexOf('--port');
const port = portArg >= 0 ? Number(args[portArg + 1]) : undefined;
if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
  console.error('usage: npm run try -- [--port N] [--ko]');
  process.exit(2);
}

function step(cmd, cmdArgs) {
  const r = spawnSync(cmd, cmdArgs, { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) {
    console.error(`try: "${cmd} ${cmdArgs.join(' ')}" failed (exit ${r.status})`);
    process.exit(1);
  }
}

console.log('try: installing code-server and Chromium if needed (the first time takes ~3 min)...');
step('bash', ['scripts/e2e-setup.sh']);
console.log('try: packaging the extension...');
step(process.execPath, ['scripts/package.mjs']);

const root = mkdtempSync(join(tmpdir(), 'dfs-try-'));
const settings = args.includes('--ko') ? { 'dockerfileStudio.language': 'ko' } : {};
const profile = createProfile(root, settings);
installExtension(profile, vsixPath());
const workspace = join(repoRoot, 'examples');
const server = await startCodeServer(profile, workspace, port);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await stopProcessGroup(server.process);
  rmSync(root, { recursive: true, force: true });
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
server.process.on('exit', (code) => {
  if (stopping) return;
  console.error(`try: code-server exited (${code}); its log: ${profile.logFile}`);
  process.exit(1);
});

console.log(`\nDockerfile Studio is running in VS Code (code-server) on ${workspace}:\n\n  ${server.url}\n`);
console.log('Open it in a browser on this machine. Ctrl+C stops it.');
