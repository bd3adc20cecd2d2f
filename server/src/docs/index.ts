// The documentation data and its lookups. Hover, signature help and scripts/gen-docs.ts read
// these; render.ts turns them into Markdown.
import { BASE_DOCS } from './instructions/base';
import { BUILD_DOCS } from './instructions/build';
import { HEALTHCHECK_KEYWORDS, RUNTIME_DOCS } from './instructions/runtime';
import { FLAG_DOCS } from './flags';
import { MOUNT_DOCS, MOUNT_TYPE_KEY } from './mounts';
import { BUILD_ARG_DOCS, DIRECTIVE_DOCS, PROXY_ARG_DOC } from './directives';
import { PREDEFINED_ARGS } from '../model/syntax';
import type { DirectiveDoc, FlagDoc, InstructionDoc, MountTypeDoc, Text } from './types';

export type { DirectiveDoc, FlagDoc, InstructionDoc, MountTypeDoc, Text } from './types';
export { SIGNATURES } from './signatures';
export { MOUNT_TYPE_KEY };

export const INSTRUCTION_DOCS: Record<string, InstructionDoc> = { ...BASE_DOCS, ...BUILD_DOCS, ...RUNTIME_DOCS };
export { FLAG_DOCS, MOUNT_DOCS, DIRECTIVE_DOCS, BUILD_ARG_DOCS, PROXY_ARG_DOC, HEALTHCHECK_KEYWORDS };

export function instructionDoc(name: string): InstructionDoc | undefined {
  return INSTRUCTION_DOCS[name.toUpperCase()];
}

export function flagDoc(instruction: string, flag: string): FlagDoc | undefined {
  return FLAG_DOCS[instruction.toUpperCase()]?.[flag.toLowerCase()];
}

export function mountTypeDoc(type: string): MountTypeDoc | undefined {
  return MOUNT_DOCS[type.toLowerCase()];
}

/** Docs of a `--mount` key; `type` documents itself, aliases map to their long names. */
export function mountKeyDoc(type: string, key: string): Text | undefined {
  const k = key.toLowerCase();
  if (k === 'type') return MOUNT_TYPE_KEY;
  const alias: Record<string, string> = { dst: 'target', destination: 'target', src: 'source' };
  return MOUNT_DOCS[type.toLowerCase()]?.keys[alias[k] ?? k];
}

export function directiveDoc(name: string): DirectiveDoc | undefined {
  return DIRECTIVE_DOCS[name.toLowerCase()];
}

/** BuildKit's automatic args and the predefined proxy args. */
export function buildArgDoc(name: string): Text | undefined {
  if (BUILD_ARG_DOCS[name]) return BUILD_ARG_DOCS[name];
  return PREDEFINED_ARGS.includes(name) ? PROXY_ARG_DOC : undefined;
}
