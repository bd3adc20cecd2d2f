// Every rule the engine knows, in one list. Ids are unique; tests check that.
import { buildkitRules } from './buildkit';
import { hadolintRules } from './hadolint';
import { studioRules } from './studio';
import { syntaxRules } from './syntax';
import type { Rule, RuleMeta } from './types';

export const allRules: Rule[] = [...syntaxRules, ...studioRules, ...hadolintRules, ...buildkitRules];

const byId = new Map<string, Rule>();
const byName = new Map<string, Rule[]>();
for (const r of allRules) {
  byId.set(r.meta.id, r);
  for (const n of [r.meta.id, ...r.meta.aliases]) {
    const key = n.toLowerCase();
    const list = byName.get(key) ?? [];
    list.push(r);
    byName.set(key, list);
  }
}

export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}

/** Rules that a name (our id, a hadolint code or a BuildKit check name) refers to. */
export function rulesByName(name: string): Rule[] {
  return byName.get(name.toLowerCase()) ?? [];
}

/** Does `name` (id or alias, any case) refer to this rule? */
export function ruleMatches(meta: RuleMeta, name: string): boolean {
  const n = name.toLowerCase();
  return meta.id.toLowerCase() === n || meta.aliases.some((a) => a.toLowerCase() === n);
}
