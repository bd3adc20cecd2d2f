// The syntax/validity rules (dockerfile-utils' validator checks, plus RUN --mount). Adding a rule is
// adding its file and one line here.
import type { Rule } from '../types';
import { extraArguments, invalidStopsignal } from './argumentCount';
import { directiveCasing, duplicateDirective, invalidEscapeDirective } from './directives';
import { duplicateFlag, flagMissingValue, invalidFlagValue, invalidMount } from './flags';
import { instructionCasing } from './instructionCasing';
import { invalidExpose } from './invalidExpose';
import { invalidFrom } from './invalidFrom';
import { invalidHealthcheck } from './invalidHealthcheck';
import { invalidKeyValue, invalidVariableModifier, jsonInSingleQuotes, noSourceImage } from './misc';
import { missingArguments } from './missingArguments';
import { onbuildTriggerDisallowed } from './onbuildTrigger';
import { shellJsonForm } from './shellJsonForm';

export const syntaxRules: Rule[] = [
  missingArguments,
  extraArguments,
  invalidFrom,
  invalidExpose,
  invalidHealthcheck,
  invalidEscapeDirective,
  duplicateDirective,
  directiveCasing,
  instructionCasing,
  onbuildTriggerDisallowed,
  shellJsonForm,
  invalidStopsignal,
  duplicateFlag,
  flagMissingValue,
  invalidFlagValue,
  invalidMount,
  jsonInSingleQuotes,
  invalidKeyValue,
  noSourceImage,
  invalidVariableModifier,
];
