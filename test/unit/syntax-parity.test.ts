// Parity with dockerfile-utils' validator (the editor's reference for "will the builder reject
// it"): on our own set of broken Dockerfiles, every line it flags is flagged by us too (by a rule
// reporting inside the same instruction, or on the same line outside instructions).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validate } from 'dockerfile-utils';
import { parseDockerfile } from '../../server/src/model/parser';
import { instructionAtLine } from '../../server/src/model/query';
import { allRules } from '../../server/src/rules/index';
import { configWith, lintText } from '../helpers/ruleTestKit';

/** Broken Dockerfiles, each aimed at one or more validator checks (written for this test). */
const CASES: string[] = [
  'from alpine:3.20\nrun echo hi',
  '# ESCAPE=\\\nFROM alpine:3.20',
  'FROM alpine:3.20\nUSER\nWORKDIR\nVOLUME\nLABEL\n',
  'FROM alpine:3.20\nSTOPSIGNAL SIGTERM SIGKILL',
  'FROM alpine:3.20\nHEALTHCHECK',
  'FROM alpine:3.20\nENV NAME',
  'FROM alpine:3.20\nCOPY app.js\nADD archive.tar',
  'FROM alpine:3.20 AS',
  'FROM alpine:3.20 AS a b',
  'FROM alpine:3.20\nHEALTHCHECK NONE CMD true',
  'FROM alpine:3.20 AS b\nFROM alpine:3.20 AS b',
  'FROM alpine:3.20\nRUN echo \\\n\n  hi',
  'FROM alpine:3.20 AS 1stage',
  'FROM alpine:3.20\nHEALTHCHECK --retries=0 CMD true',
  'FROM alpine:3.20\nCOPY --chown=1 --chown=2 a /b',
  'FROM alpine:3.20\nHEALTHCHECK --interval=abc CMD true',
  'FROM alpine:3.20\nHEALTHCHECK --timeout=10us CMD true',
  'FROM alpine:3.20\nHEALTHCHECK --start-period=30 CMD true',
  'FROM alpine:3.20\nCOPY --from a /b',
  'FROM alpine:3.20\nHEALTHCHECK --interval=30x CMD true',
  'RUN echo hi\nFROM alpine:3.20',
  '# escape=x\nFROM alpine:3.20',
  'FROM alpine:3.20 BS base',
  'FROM alpine:3.20\nEXPOSE http',
  'FROM alpine:3.20\nEXPOSE 80/xyz',
  'FROM alpine:',
  'FROM alpine:bad!tag',
  'FROM alpine@',
  'FROM alpine:3.20\nSTOPSIGNAL FOO',
  'FROM alpine:3.20\nHEALTHCHECK --retries=abc CMD true',
  'FROM alpine:3.20\nONBUILD ONBUILD RUN echo',
  'FROM alpine:3.20\nONBUILD FROM alpine\nONBUILD MAINTAINER me',
  'FROM alpine:3.20\nSHELL /bin/sh -c',
  'FROM alpine:3.20\nSHELL []',
  'FROM alpine:3.20\nENV A=1 B',
  'FROM alpine:3.20\nENV =1',
  "FROM alpine:3.20\nENV A='x",
  'FROM alpine:3.20\nENV A="x',
  'FROM alpine:3.20\nCMD ["a"]\nCMD ["b"]',
  'FROM alpine:3.20\nRUNN echo hi',
  'FROM alpine:3.20\nONBUILD RUNN make\nONBUILD',
  'FROM alpine:3.20\nADD --foo a /b\nCOPY --bar a /b\nHEALTHCHECK --baz=1 CMD true',
  'FROM --foo=x alpine:3.20',
  'FROM alpine:3.20\nHEALTHCHECK CONNECT tcp',
  'FROM alpine:3.20\nARG B=1\nENV A=${B:x}',
  'FROM alpine:3.20\nMAINTAINER me',
  'FROM alpine:3.20\nHEALTHCHECK CMD',
  'FROM alpine:3.20\nCOPY --from=-x a /b',
  'FROM alpine:3.20\nCOPY --link=maybe a /b',
  "FROM alpine:3.20\nCMD ['a', 'b']",
  'FROM alpine:3.20\nWORKDIR app',
  'ARG X\nFROM $X',
  '# escape=\\\n# escape=`\nFROM alpine:3.20',
  'FROM alpine:3.20\nCOPY a b c',
];

test('we flag every line dockerfile-utils flags, on our own broken Dockerfiles', () => {
  const config = configWith({ enabled: allRules.map((r) => r.meta.id) });
  const missed: string[] = [];
  const codes = new Set<number>();
  for (const text of CASES) {
    const df = parseDockerfile(text);
    const ours = lintText(text, config);
    for (const d of validate(text)) {
      codes.add(Number(d.code));
      const line = d.range.start.line;
      const ins = instructionAtLine(df, line);
      const covered = ours.some((r) => {
        const l = r.range.start.line;
        if (l === line) return true;
        return ins !== undefined && l >= ins.startLine && l <= ins.endLine;
      });
      if (!covered) missed.push(`code ${String(d.code)} line ${line + 1} "${d.message}" in:\n${text}`);
    }
  }
  assert.deepEqual(missed, []);
  // The set really exercises the validator: most of its checks fired at least once.
  assert.ok(codes.size >= 45, `only ${codes.size} validator codes exercised: ${[...codes].sort((a, b) => a - b).join(',')}`);
});

test('on valid Dockerfiles neither tool reports a syntax error', () => {
  const good = 'ARG TAG=3.20\nFROM alpine:${TAG} AS build\nCOPY --chown=1:1 --link a.txt /a/\nHEALTHCHECK --interval=30s --timeout=5s --retries=3 CMD ["true"]\nEXPOSE 80/tcp 8000-8010\nSTOPSIGNAL SIGQUIT\nSHELL ["/bin/sh", "-c"]\nUSER app\nWORKDIR /srv\nENV A=1 B="two words"\nLABEL org.opencontainers.image.title="demo"\nONBUILD RUN echo hi\nCMD ["sh"]\n';
  assert.deepEqual(validate(good).map((d) => d.message), []);
  const syntax = lintText(good).filter((r) => r.rule.source === 'syntax');
  assert.deepEqual(syntax.map((r) => `${r.rule.id}: ${r.message.en}`), []);
});
