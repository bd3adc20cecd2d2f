import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDockerfile } from '../../server/src/model/parser';
import { findStageByName } from '../../server/src/model/query';

test('findStageByName: case-insensitive, first stage of a name, only before the given index', () => {
  const df = parseDockerfile('FROM a AS Build\nFROM b AS other\nFROM c AS build\nFROM build\n');
  assert.equal(findStageByName(df, 'BUILD')?.index, 0);
  assert.equal(findStageByName(df, 'build', 3)?.index, 0);
  assert.equal(findStageByName(df, 'build', 0), undefined);
  assert.equal(findStageByName(df, 'other', 2)?.index, 1);
  assert.equal(findStageByName(df, 'missing'), undefined);
});
