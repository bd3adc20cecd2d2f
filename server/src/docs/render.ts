// Markdown from the documentation data, in one language. The hover shows these; gen-docs writes
// them into docs/INSTRUCTIONS.md with deeper headings.
import type { Locale } from '../settings';
import { buildArgDoc, directiveDoc, flagDoc, instructionDoc, mountKeyDoc, mountTypeDoc, type Text } from './index';

const LABELS = {
  syntax: { en: 'Syntax', ko: '문법' },
  example: { en: 'Example', ko: '예시' },
  pitfalls: { en: 'Watch out', ko: '주의할 점' },
  keys: { en: 'Keys', ko: '키' },
  directive: { en: 'parser directive', ko: '파서 지시어' },
  buildArg: { en: 'automatic build argument', ko: '자동 빌드 인자' },
  mount: { en: 'mount type', ko: '마운트 종류' },
} satisfies Record<string, Text>;

const flagOf = (instruction: string): Text => ({ en: `flag of ${instruction}`, ko: `${instruction}의 옵션` });
const keyOf = (type: string): Text => ({ en: `key of \`--mount=type=${type}\``, ko: `\`--mount=type=${type}\`의 키` });

export interface RenderOptions {
  /** Markdown heading level for the title; 0 renders the title in bold instead (hovers). */
  headingLevel?: number;
}

function title(text: string, opts: RenderOptions): string {
  const level = opts.headingLevel ?? 0;
  return level > 0 ? `${'#'.repeat(level)} ${text}` : `**${text}**`;
}

function sub(label: Text, locale: Locale, opts: RenderOptions): string {
  const level = opts.headingLevel ?? 0;
  return level > 0 ? `${'#'.repeat(Math.min(level + 1, 6))} ${label[locale]}` : `**${label[locale]}**`;
}

function code(text: string): string {
  return '```dockerfile\n' + text + '\n```';
}

function bullets(items: Text[] | undefined, locale: Locale): string | undefined {
  return items?.length ? items.map((t) => `- ${t[locale]}`).join('\n') : undefined;
}

function join(parts: (string | undefined)[]): string {
  return parts.filter((p): p is string => p !== undefined && p !== '').join('\n\n');
}

export function renderInstruction(name: string, locale: Locale, opts: RenderOptions = {}): string | undefined {
  const d = instructionDoc(name);
  if (!d) return undefined;
  const pit = bullets(d.pitfalls, locale);
  return join([
    title(name.toUpperCase(), opts),
    d.summary[locale],
    `${sub(LABELS.syntax, locale, opts)}\n\n${code(d.syntax.join('\n'))}`,
    `${sub(LABELS.example, locale, opts)}\n\n${code(d.example)}`,
    pit && `${sub(LABELS.pitfalls, locale, opts)}\n\n${pit}`,
    d.details?.[locale],
  ]);
}

export function renderFlag(instruction: string, flag: string, locale: Locale, opts: RenderOptions = {}): string | undefined {
  const d = flagDoc(instruction, flag);
  if (!d) return undefined;
  const pit = bullets(d.pitfalls, locale);
  return join([
    title(`--${flag.toLowerCase()}`, opts) + ` (${flagOf(instruction.toUpperCase())[locale]})`,
    d.summary[locale],
    code(`${d.syntax}\n${d.example}`),
    pit && `${sub(LABELS.pitfalls, locale, opts)}\n\n${pit}`,
  ]);
}

export function renderMountType(type: string, locale: Locale, opts: RenderOptions = {}, withKeys = true): string | undefined {
  const d = mountTypeDoc(type);
  if (!d) return undefined;
  const pit = bullets(d.pitfalls, locale);
  const keys = Object.entries(d.keys).map(([k, t]) => `- \`${k}\` — ${t[locale]}`).join('\n');
  return join([
    title(`--mount=type=${type.toLowerCase()}`, opts) + ` (${LABELS.mount[locale]})`,
    d.summary[locale],
    code(d.example),
    pit && `${sub(LABELS.pitfalls, locale, opts)}\n\n${pit}`,
    withKeys ? `${sub(LABELS.keys, locale, opts)}\n\n${keys}` : undefined,
  ]);
}

export function renderMountKey(type: string, key: string, locale: Locale): string | undefined {
  const d = mountKeyDoc(type, key);
  if (!d) return undefined;
  return join([`**${key}** (${keyOf(type.toLowerCase())[locale]})`, d[locale]]);
}

export function renderDirective(name: string, locale: Locale, opts: RenderOptions = {}): string | undefined {
  const d = directiveDoc(name);
  if (!d) return undefined;
  const pit = bullets(d.pitfalls, locale);
  return join([
    title(`# ${name.toLowerCase()}=`, opts) + ` (${LABELS.directive[locale]})`,
    d.summary[locale],
    code(`${d.syntax}\n\n${d.example}`),
    pit && `${sub(LABELS.pitfalls, locale, opts)}\n\n${pit}`,
  ]);
}

export function renderBuildArg(name: string, locale: Locale): string | undefined {
  const d = buildArgDoc(name);
  return d ? `**${name}** (${LABELS.buildArg[locale]}) — ${d[locale]}` : undefined;
}
