/**
 * A spread into a call (`list.push(...items)`, `Math.max(...values)`) passes each item as an
 * argument on the stack: with input-sized arrays it throws RangeError (a 130k-record data file did).
 * Loops do the same work without the limit, so src/ spreads no array into a call. Read with the
 * TypeScript parser, so array and object literal spreads (which copy without the stack) pass.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { expect, it } from 'vitest';

const src = join(import.meta.dirname, '..', '..', 'src');

function callSpreads(file: string, text: string): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const stack: ts.Node[] = [sf];
  while (stack.length) {
    const node = stack.pop()!;
    if (ts.isSpreadElement(node) && (ts.isCallExpression(node.parent) || ts.isNewExpression(node.parent))) {
      out.push(`${file}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${node.parent.getText().slice(0, 80)}`);
    }
    node.forEachChild((c) => void stack.push(c));
  }
  return out;
}

it('src/ spreads no array into a function call', () => {
  const offenders: string[] = [];
  for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const file = join(entry.parentPath, entry.name);
    offenders.push(...callSpreads(relative(src, file), readFileSync(file, 'utf8')));
  }
  expect(offenders).toEqual([]);
});

it('tells call spreads from literal spreads', () => {
  expect(callSpreads('x.ts', 'out.push(...items); Math.max(...xs); new Set(...a); f(a, ...rest);')).toHaveLength(4);
  expect(callSpreads('x.ts', 'const f = (...args: number[]) => [...args, ...more]; const o = { ...p }; g([...a]);')).toEqual([]);
});
