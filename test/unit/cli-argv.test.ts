// The argument walker both CLI commands share: `--name value` and `--name=value` read the same,
// a value is consumed only when asked for, and the first error stops the walk.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { languageValue, localeFromEnv, walkArgs } from '../../server/src/cli/argv';

test('options take their value inline or from the next argument; plain arguments pass through', () => {
  const seen: string[] = [];
  const error = walkArgs(['--format=json', '--config', 'a.yaml', 'Dockerfile', '--no-fail', 'x=y'], ({ name, value }) => {
    if (name === '--format' || name === '--config') seen.push(`${name}:${value()}`);
    else seen.push(name);
    return undefined;
  });
  assert.equal(error, undefined);
  assert.deepEqual(seen, ['--format:json', '--config:a.yaml', 'Dockerfile', '--no-fail', 'x=y']);
});

test('the first error stops the walk and is returned', () => {
  const seen: string[] = [];
  const error = walkArgs(['a', '--bad', 'b'], ({ name }) => {
    seen.push(name);
    return name === '--bad' ? 'unknown option --bad' : undefined;
  });
  assert.equal(error, 'unknown option --bad');
  assert.deepEqual(seen, ['a', '--bad']);
});

test('language from the option or the environment', () => {
  assert.equal(languageValue('ko'), 'ko');
  assert.equal(languageValue('fr'), undefined);
  assert.equal(localeFromEnv({ LANG: 'ko_KR.UTF-8' }), 'ko');
  assert.equal(localeFromEnv({ LC_ALL: 'en_US.UTF-8', LANG: 'ko_KR.UTF-8' }), 'en');
  assert.equal(localeFromEnv({}), 'en');
});
