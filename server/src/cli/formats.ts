// Output formats of `dockerfile-studio lint`: text, json, sarif (2.1.0), checkstyle, gnu.
import { ruleDocUrl } from '../rules/docsUrl';
import type { LintResult, RuleMeta, Severity } from '../rules/types';
import type { Locale } from '../settings';

export interface FileResults {
  file: string;
  results: LintResult[];
}

export const FORMATS = ['text', 'json', 'sarif', 'checkstyle', 'gnu'] as const;
export type Format = (typeof FORMATS)[number];

/** The JSON record of one finding (1-based lines and columns). */
export function toRecord(file: string, r: LintResult, locale: Locale) {
  return {
    file,
    line: r.range.start.line + 1,
    column: r.range.start.character + 1,
    endLine: r.range.end.line + 1,
    endColumn: r.range.end.character + 1,
    rule: r.rule.id,
    aliases: r.rule.aliases,
    severity: r.severity,
    message: r.message[locale],
  };
}

const COLOURS: Record<Severity, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', hint: '\x1b[90m' };

export function formatText(all: FileResults[], locale: Locale, colour: boolean): string {
  const c = (code: string, s: string): string => (colour ? `${code}${s}\x1b[0m` : s);
  const lines: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const { file, results } of all) {
    for (const r of results) {
      counts[r.severity]++;
      const where = `${file}:${r.range.start.line + 1}:${r.range.start.character + 1}`;
      const alias = r.rule.aliases.length ? ` (${r.rule.aliases.join(', ')})` : '';
      lines.push(`${c('\x1b[1m', where)} ${c(COLOURS[r.severity], r.severity)} ${r.message[locale]} ${c('\x1b[90m', `[${r.rule.id}${alias}]`)}`);
    }
  }
  const total = counts.error + counts.warning + counts.info + counts.hint;
  const summary =
    locale === 'ko'
      ? `파일 ${all.length}개, 문제 ${total}개 (오류 ${counts.error}, 경고 ${counts.warning}, 정보 ${counts.info}, 힌트 ${counts.hint})`
      : `${all.length} file(s), ${total} problem(s) (${counts.error} error, ${counts.warning} warning, ${counts.info} info, ${counts.hint} hint)`;
  lines.push(total ? summary : c('\x1b[32m', summary));
  return lines.join('\n') + '\n';
}

export function formatJson(all: FileResults[], locale: Locale): string {
  return JSON.stringify(all.flatMap(({ file, results }) => results.map((r) => toRecord(file, r, locale))), null, 2) + '\n';
}

export function formatGnu(all: FileResults[], locale: Locale): string {
  const out: string[] = [];
  for (const { file, results } of all) {
    for (const r of results) {
      out.push(`${file}:${r.range.start.line + 1}.${r.range.start.character + 1}-${r.range.end.line + 1}.${r.range.end.character + 1}: ${r.severity}: ${r.message[locale]} [${r.rule.id}]`);
    }
  }
  return out.length ? out.join('\n') + '\n' : '';
}

function xml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

export function formatCheckstyle(all: FileResults[], locale: Locale): string {
  const sev: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info', hint: 'info' };
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<checkstyle version="4.3">'];
  for (const { file, results } of all) {
    out.push(`  <file name="${xml(file)}">`);
    for (const r of results) {
      out.push(`    <error line="${r.range.start.line + 1}" column="${r.range.start.character + 1}" severity="${sev[r.severity]}" message="${xml(r.message[locale])}" source="dockerfile-studio.${xml(r.rule.id)}"/>`);
    }
    out.push('  </file>');
  }
  out.push('</checkstyle>');
  return out.join('\n') + '\n';
}

export function formatSarif(all: FileResults[], locale: Locale, version: string, rules: RuleMeta[]): string {
  const level: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'dockerfile-studio',
            version,
            informationUri: 'https://github.com/dockerfile-studio/dockerfile-studio',
            rules: rules.map((r) => ({
              id: r.id,
              name: r.id.replace(/(^|-)([a-z])/g, (_m, _d: string, ch: string) => ch.toUpperCase()),
              shortDescription: { text: r.title[locale] },
              fullDescription: { text: r.why[locale] },
              helpUri: ruleDocUrl(r.id),
              help: { text: r.why[locale], markdown: `${r.why[locale]}\n\nBad:\n\`\`\`dockerfile\n${r.bad}\n\`\`\`\nGood:\n\`\`\`dockerfile\n${r.good}\n\`\`\`` },
              defaultConfiguration: { level: level[r.severity] },
              properties: { aliases: r.aliases, source: r.source },
            })),
          },
        },
        results: all.flatMap(({ file, results }) =>
          results.map((r) => ({
            ruleId: r.rule.id,
            ruleIndex: index.get(r.rule.id) ?? -1,
            level: level[r.severity],
            message: { text: r.message[locale] },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: file.split('\\').join('/') },
                  region: { startLine: r.range.start.line + 1, startColumn: r.range.start.character + 1, endLine: r.range.end.line + 1, endColumn: r.range.end.character + 1 },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
