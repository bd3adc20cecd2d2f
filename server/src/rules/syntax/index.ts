// The syntax rules. Adding a rule is adding its file and one line here.
import type { Rule } from '../types';

export const syntaxRules: Rule[] = [];
