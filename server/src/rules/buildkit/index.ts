// The BuildKit build checks (InvalidBaseImagePlatform excepted: it needs a registry). MaintainerDeprecated
// and DuplicateStageName are covered by the hadolint rules maintainer-deprecated and duplicate-stage-name,
// which carry both aliases. Adding a rule is
// adding its file and one line here.
import type { Rule } from '../types';
import { consistentInstructionCasing } from './consistentInstructionCasing';
import { copyIgnoredFile } from './copyIgnoredFile';
import { exposeInvalidFormat } from './exposeInvalidFormat';
import { exposeProtoCasing } from './exposeProtoCasing';
import { fromAsCasing } from './fromAsCasing';
import { fromPlatformFlagConstDisallowed } from './fromPlatformFlagConstDisallowed';
import { invalidDefaultArgInFrom } from './invalidDefaultArgInFrom';
import { invalidDefinitionDescription } from './invalidDefinitionDescription';
import { jsonArgsRecommended } from './jsonArgsRecommended';
import { legacyKeyValueFormat } from './legacyKeyValueFormat';
import { multipleInstructionsDisallowed } from './multipleInstructionsDisallowed';
import { noEmptyContinuation } from './noEmptyContinuation';
import { redundantTargetPlatform } from './redundantTargetPlatform';
import { reservedStageName } from './reservedStageName';
import { secretsUsedInArgOrEnv } from './secretsUsedInArgOrEnv';
import { stageNameCasing } from './stageNameCasing';
import { undefinedArgInFrom } from './undefinedArgInFrom';
import { undefinedVar } from './undefinedVar';
import { workdirRelativePath } from './workdirRelativePath';

export const buildkitRules: Rule[] = [
  stageNameCasing,
  fromAsCasing,
  noEmptyContinuation,
  consistentInstructionCasing,
  reservedStageName,
  jsonArgsRecommended,
  undefinedArgInFrom,
  workdirRelativePath,
  undefinedVar,
  multipleInstructionsDisallowed,
  legacyKeyValueFormat,
  invalidDefaultArgInFrom,
  fromPlatformFlagConstDisallowed,
  copyIgnoredFile,
  redundantTargetPlatform,
  secretsUsedInArgOrEnv,
  invalidDefinitionDescription,
  exposeProtoCasing,
  exposeInvalidFormat,
];
