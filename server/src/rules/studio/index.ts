// Dockerfile Studio's own rules, drawn from real mistakes in the seed notes. Adding a rule is
// adding its file and one line here.
import type { Rule } from '../types';
import { aptInstallWithoutUpdate } from './aptInstallWithoutUpdate';
import { aptUpdateAlone } from './aptUpdateAlone';
import { continuationMissingOperator } from './continuationMissingOperator';
import { copyAllBeforeInstall } from './copyAllBeforeInstall';
import { deletedInLaterLayer } from './deletedInLaterLayer';
import { legacyEnvMultiPair } from './legacyEnvMultiPair';
import { packageManagerMismatch } from './packageManagerMismatch';
import { spacesAroundEquals } from './spacesAroundEquals';
import { undefinedVarTypo } from './undefinedVarTypo';
import { unknownFlag } from './unknownFlag';
import { unknownInstruction } from './unknownInstruction';

export const studioRules: Rule[] = [
  aptInstallWithoutUpdate,
  aptUpdateAlone,
  packageManagerMismatch,
  continuationMissingOperator,
  legacyEnvMultiPair,
  spacesAroundEquals,
  undefinedVarTypo,
  deletedInLaterLayer,
  copyAllBeforeInstall,
  unknownInstruction,
  unknownFlag,
];
