// The rules hadolint has (DLxxxx). Adding a rule is adding its file and one line here.
import type { Rule } from '../types';
import { addToExtractArchives, copyFromKnownStage, copyFromOwnStage, copyMultipleNeedsDirDest, copyRelativeWithoutWorkdir, copyWholeFilesystem, useCopyNotAdd } from './copyRules';
import { apkNoCache, apkPinVersions } from './apk';
import { aptGetCleanLists, aptGetNoInstallRecommends, aptGetPinVersions, aptGetYes, useAptGetNotApt } from './aptGet';
import { duplicateStageName, noFromPlatform, noLatestTag, redundantTargetPlatform, reservedStageName, tagImageVersion, trustedRegistry } from './fromRules';
import { envSelfReference, exposePortRange, fileStartsWithFrom, inlineIgnorePragma, jsonCmdEntrypoint, lastUserNotRoot, numericUser, onbuildTriggerDisallowed, workdirAbsolute } from './instructionRules';
import { labelEmail, labelGitHash, labelKeyValid, labelNotEmpty, labelRfc3339, labelSemver, labelSpdx, labelUrl, noExtraLabels, requiredLabels } from './labels';
import { gemPinVersions, goPinVersions, npmPinVersions, yarnCacheClean } from './languagePackages';
import { maintainerDeprecated } from './maintainerDeprecated';
import { pipNoCacheDir, pipPinVersions } from './pip';
import { dnfAssumeYes, dnfCleanAll, dnfPinVersions, yumAssumeYes, yumCleanAll, yumPinVersions, zypperClean, zypperNoDistUpgrade, zypperNonInteractive, zypperPinVersions } from './rpmPackages';
import { noSudo, pointlessCommands, useraddLongUid, useShellNotLnSh, useWorkdirNotCd, wgetOrCurl, wgetProgress } from './runCommands';
import { mergeConsecutiveRuns, pipefailBeforePipe } from './runStructure';
import { secretsInArgEnv } from './secrets';
import { healthcheckMissing, singleCmd, singleEntrypoint, singleHealthcheck } from './stageRules';

export const hadolintRules: Rule[] = [
  inlineIgnorePragma, // DL1001
  workdirAbsolute, // DL3000
  pointlessCommands, // DL3001
  lastUserNotRoot, // DL3002
  useWorkdirNotCd, // DL3003
  noSudo, // DL3004
  tagImageVersion, // DL3006
  noLatestTag, // DL3007
  aptGetPinVersions, // DL3008
  aptGetCleanLists, // DL3009
  addToExtractArchives, // DL3010
  exposePortRange, // DL3011
  singleHealthcheck, // DL3012
  pipPinVersions, // DL3013
  aptGetYes, // DL3014
  aptGetNoInstallRecommends, // DL3015
  npmPinVersions, // DL3016
  apkPinVersions, // DL3018
  apkNoCache, // DL3019
  useCopyNotAdd, // DL3020
  copyMultipleNeedsDirDest, // DL3021
  copyFromKnownStage, // DL3022
  copyFromOwnStage, // DL3023
  duplicateStageName, // DL3024
  jsonCmdEntrypoint, // DL3025
  trustedRegistry, // DL3026
  useAptGetNotApt, // DL3027
  gemPinVersions, // DL3028
  noFromPlatform, // DL3029
  yumAssumeYes, // DL3030
  yumCleanAll, // DL3032
  yumPinVersions, // DL3033
  zypperNonInteractive, // DL3034
  zypperNoDistUpgrade, // DL3035
  zypperClean, // DL3036
  zypperPinVersions, // DL3037
  dnfAssumeYes, // DL3038
  dnfCleanAll, // DL3040
  dnfPinVersions, // DL3041
  pipNoCacheDir, // DL3042
  onbuildTriggerDisallowed, // DL3043
  envSelfReference, // DL3044
  copyRelativeWithoutWorkdir, // DL3045
  useraddLongUid, // DL3046
  wgetProgress, // DL3047
  labelKeyValid, // DL3048
  requiredLabels, // DL3049
  noExtraLabels, // DL3050
  labelNotEmpty, // DL3051
  labelUrl, // DL3052
  labelRfc3339, // DL3053
  labelSpdx, // DL3054
  labelGitHash, // DL3055
  labelSemver, // DL3056
  healthcheckMissing, // DL3057
  labelEmail, // DL3058
  mergeConsecutiveRuns, // DL3059
  yarnCacheClean, // DL3060
  fileStartsWithFrom, // DL3061
  goPinVersions, // DL3062
  reservedStageName, // DL3063
  secretsInArgEnv, // DL3064
  redundantTargetPlatform, // DL3065
  numericUser, // DL3066
  copyWholeFilesystem, // DL3067
  maintainerDeprecated, // DL4000
  wgetOrCurl, // DL4001
  singleCmd, // DL4003
  singleEntrypoint, // DL4004
  useShellNotLnSh, // DL4005
  pipefailBeforePipe, // DL4006
];
