// The text-keyed LRU behind the ShellCheck answer cache and the shared script parses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextKeyedLru } from '../../server/src/rules/textKeyedLru';

test('the least recently used entry goes first when the key characters run out', () => {
  const lru = new TextKeyedLru<number>({ maxKeyChars: 10, keyShareDivisor: 1 });
  lru.set('aaaa', 1);
  lru.set('bbbb', 2);
  assert.equal(lru.get('aaaa'), 1); // now 'bbbb' is the least recently used
  lru.set('cccc', 3); // 12 characters > 10: one must go
  assert.equal(lru.get('bbbb'), undefined);
  assert.equal(lru.get('aaaa'), 1);
  assert.equal(lru.get('cccc'), 3);
});

test('the entry limit holds, and setting a key again does not count it twice', () => {
  const lru = new TextKeyedLru<number>({ maxKeyChars: 1000, maxEntries: 2, keyShareDivisor: 1 });
  lru.set('a', 1);
  lru.set('a', 2);
  lru.set('b', 3);
  assert.equal(lru.get('a'), 2);
  lru.set('c', 4);
  assert.equal(lru.get('b'), undefined);
  assert.deepEqual([lru.get('a'), lru.get('c')], [2, 4]);
});

test('a key longer than its share of the budget is not kept', () => {
  const lru = new TextKeyedLru<number>({ maxKeyChars: 100, keyShareDivisor: 4 });
  lru.set('x'.repeat(26), 1);
  assert.equal(lru.get('x'.repeat(26)), undefined);
  lru.set('y'.repeat(25), 2);
  assert.equal(lru.get('y'.repeat(25)), 2);
});
