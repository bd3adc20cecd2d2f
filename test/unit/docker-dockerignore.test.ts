// .dockerignore semantics as the docker CLI applies them (moby patternmatcher): parsing, pattern
// compilation, parent-directory matches, exceptions, and when an ignored directory is entered.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanPath, compilePattern, DockerignoreMatcher, readDockerignore, withAlwaysSent } from '../../client/src/docker/dockerignore';

const m = (text: string) => DockerignoreMatcher.fromText(text);

test('reading: comments only at line start, trimming, leading slash dropped, paths cleaned', () => {
  assert.deepEqual(readDockerignore('\uFEFF# comment\n  *.log  \n\n/abs/x\n!  keep.log\nfoo/./bar/../baz/\n # not a comment\r\n'), ['*.log', 'abs/x', '!keep.log', 'foo/baz', '# not a comment']);
  assert.equal(cleanPath('a//b/./c/..'), 'a/b');
  assert.equal(cleanPath('../x'), '../x');
  assert.equal(cleanPath(''), '.');
  assert.equal(cleanPath('/'), '/');
});

test('* and ? stay within one path segment; ** crosses any number of them', () => {
  assert.equal(compilePattern('*.txt')('a.txt'), true);
  assert.equal(compilePattern('*.txt')('dir/a.txt'), false);
  assert.equal(compilePattern('a?c')('abc'), true);
  assert.equal(compilePattern('a?c')('a/c'), false);
  assert.equal(compilePattern('**/*.go')('x.go'), true);
  assert.equal(compilePattern('**/*.go')('a/b/x.go'), true);
  assert.equal(compilePattern('a/**/b')('a/b'), true);
  assert.equal(compilePattern('a/**/b')('a/x/y/b'), true);
  assert.equal(compilePattern('a/**')('a/x'), true);
  assert.equal(compilePattern('a/**')('a'), false);
  assert.equal(compilePattern('**')('anything/at/all'), true);
  assert.equal(compilePattern('**/foo')('foo'), true);
  assert.equal(compilePattern('**/foo')('x/foo'), true);
  assert.equal(compilePattern('**/foo')('xfoo'), false);
});

test('character classes, escapes and regex metacharacters behave like filepath.Match', () => {
  assert.equal(compilePattern('file[0-9].txt')('file7.txt'), true);
  assert.equal(compilePattern('file[0-9].txt')('filex.txt'), false);
  assert.equal(compilePattern('file[^0-9].txt')('filex.txt'), true);
  assert.equal(compilePattern('a.b')('axb'), false, 'a dot is literal');
  assert.equal(compilePattern('a+(b)|c$')('a+(b)|c$'), true);
  assert.equal(compilePattern('\\*star')('*star'), true);
  assert.equal(compilePattern('\\*star')('xstar'), false);
  assert.throws(() => compilePattern('bad[')('x'), SyntaxError);
});

test('a pattern matching a parent directory ignores everything below it', () => {
  const ig = m('node_modules\nbuild/\nsrc/*/generated\n');
  assert.equal(ig.ignores('node_modules'), true);
  assert.equal(ig.ignores('node_modules/pkg/index.js'), true);
  assert.equal(ig.ignores('build/out/x.bin'), true);
  assert.equal(ig.ignores('src/a/generated/x.js'), true);
  assert.equal(ig.ignores('src/a/b/generated/x.js'), false);
  assert.equal(ig.ignores('lib/node_modules/x'), false, 'no ** → only at the top');
});

test('the last matching pattern wins; exceptions re-include', () => {
  const ig = m('*.log\n!important.log\n');
  assert.equal(ig.ignores('app.log'), true);
  assert.equal(ig.ignores('important.log'), false);
  const ig2 = m('!important.log\n*.log\n');
  assert.equal(ig2.ignores('important.log'), true, 'an exception before the pattern is overridden');
  const ig3 = m('docs\n!docs/keep.md\n');
  assert.equal(ig3.ignores('docs/other.md'), true);
  assert.equal(ig3.ignores('docs/keep.md'), false);
});

test('an ignored directory is entered only when an exception starts with it', () => {
  const ig = m('docs\n!docs/keep.md\n');
  assert.equal(ig.mustDescendInto('docs'), true);
  const ig2 = m('docs\n!**/keep.md\n');
  assert.equal(ig2.mustDescendInto('docs'), false, 'the CLI does not reopen directories for ** exceptions');
  const ig3 = m('docs\n');
  assert.equal(ig3.mustDescendInto('docs'), false);
});

test('the Dockerfile and .dockerignore are always sent', () => {
  assert.deepEqual(withAlwaysSent(['*', '!src'], ['Dockerfile', '.dockerignore']), ['*', '!src', '!Dockerfile', '!.dockerignore']);
  const ig = DockerignoreMatcher.fromText('Dockerfile\n.dockerignore\n*.md\n', ['Dockerfile', '.dockerignore']);
  assert.equal(ig.ignores('Dockerfile'), false);
  assert.equal(ig.ignores('.dockerignore'), false);
  assert.equal(ig.ignores('README.md'), true);
  const nested = DockerignoreMatcher.fromText('build\n', ['build/app.Dockerfile']);
  assert.equal(nested.mustDescendInto('build'), true);
  assert.equal(nested.ignores('build/app.Dockerfile'), false);
  assert.equal(nested.ignores('build/other'), true);
});

test('a lone "!" is refused like the CLI does', () => {
  assert.throws(() => new DockerignoreMatcher(['!']), /illegal exclusion/);
});
