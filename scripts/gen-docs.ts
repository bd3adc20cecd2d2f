// Writes the documentation generated from data: `npm run gen:docs` (write) or
// `npm run gen:docs -- --check` (exit 1 when a committed file is out of date).
// Each generator owns one file; a new generated document is one more entry in `generators`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { instructionsMarkdown } from '../server/src/docs/markdown';

export interface DocGenerator {
  /** Path relative to the repository root. */
  file: string;
  generate(): string;
}

export const generators: DocGenerator[] = [
  { file: 'docs/INSTRUCTIONS.md', generate: instructionsMarkdown },
];

function main(): void {
  const root = join(__dirname, '..');
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const g of generators) {
    const path = join(root, g.file);
    const text = g.generate();
    let current: string | undefined;
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      current = undefined;
    }
    if (current === text) {
      console.log(`${g.file}: up to date`);
    } else if (check) {
      console.error(`${g.file}: out of date; run npm run gen:docs`);
      stale++;
    } else {
      writeFileSync(path, text);
      console.log(`${g.file}: written`);
    }
  }
  if (stale) process.exit(1);
}

main();
