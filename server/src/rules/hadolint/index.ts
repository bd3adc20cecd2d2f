// The rules hadolint has (DLxxxx). Adding a rule is adding its file and one line here.
import type { Rule } from '../types';
import { maintainerDeprecated } from './maintainerDeprecated';

export const hadolintRules: Rule[] = [maintainerDeprecated];
