/** Where a rule's documentation lives (docs/RULES.md, one anchor per rule id). */
export const RULES_DOC_BASE = 'https://github.com/dockerfile-studio/dockerfile-studio/blob/main/docs/RULES.md';

export function ruleDocUrl(id: string): string {
  return `${RULES_DOC_BASE}#${id}`;
}
