// The team's rule "no floating promises", checked on the real sources with the type checker: a
// promise made as a statement of its own must be awaited, handed to `void` (on purpose: the
// caller does not wait), or given a rejection handler (`.catch`, `.then(ok, fail)`). Otherwise a
// rejection is lost, or in Node ends the process. Assignments keep the promise, so they are fine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';

const root = join(__dirname, '..', '..');
const RUNNER_OWNED = new Set(['test', 'describe', 'it', 'suite']);

function floatingPromises(tsconfig: string): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(join(root, tsconfig), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  assert.ok(parsed, `cannot read ${tsconfig}`);
  const program = ts.createProgram(parsed.fileNames, parsed.options);
  const checker = program.getTypeChecker();
  const isThenable = (node: ts.Node): boolean => {
    const then = checker.getTypeAtLocation(node).getProperty('then');
    return then !== undefined && checker.getTypeOfSymbolAtLocation(then, node).getCallSignatures().length > 0;
  };
  const handled = (e: ts.Expression): boolean => {
    if (ts.isVoidExpression(e) || ts.isAwaitExpression(e)) return true;
    if (ts.isBinaryExpression(e) && e.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && e.operatorToken.kind <= ts.SyntaxKind.LastAssignment) return true;
    // node:test's `test()` and `describe()` return promises the runner itself waits for.
    if (ts.isCallExpression(e) && ts.isIdentifier(e.expression) && RUNNER_OWNED.has(e.expression.text)) return true;
    if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression)) {
      const method = e.expression.name.text;
      return method === 'catch' || (method === 'then' && e.arguments.length >= 2);
    }
    return false;
  };
  const sourceRoot = join(root, dirname(tsconfig));
  const found: string[] = [];
  for (const sf of program.getSourceFiles()) {
    if (sf.isDeclarationFile || sf.fileName.includes('/node_modules/') || !sf.fileName.startsWith(sourceRoot)) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isExpressionStatement(node) && !handled(node.expression) && isThenable(node.expression)) {
        const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
        found.push(`${relative(root, sf.fileName)}:${line + 1}: ${node.getText(sf).split('\n')[0]}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return found;
}

for (const tsconfig of ['server/tsconfig.json', 'client/tsconfig.json', 'test/tsconfig.json']) {
  test(`no floating promises in ${dirname(tsconfig)}/`, () => {
    assert.deepEqual(floatingPromises(tsconfig), []);
  });
}
