/**
 * `validate` reads Python with our own reader (src/odoo/python/): no module it can load, statically
 * or dynamically, reaches web-tree-sitter, which only the scaffolding edits use. The run-time check
 * (a loader hook watching `validate` on a generated addon) is in tests/validate/help-startup.test.ts.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g;
const src = join(import.meta.dirname, '../../src');

/** Value imports (static and dynamic) of every .ts file under src/: src-relative .ts paths, or package names. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of globSync('**/*.ts', { cwd: src })) {
    // Type-only imports vanish from the JavaScript.
    const source = readFileSync(join(src, file), 'utf8').replace(/^import type [^;]*;/gm, '');
    const targets = [...source.matchAll(SPECIFIER)].map(([, spec]) =>
      spec!.startsWith('.') ? relative(src, resolve(src, dirname(file), spec!)).replace(/\.js$/, '.ts') : spec!,
    );
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

function reachable(graph: Map<string, string[]>, roots: string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const target of graph.get(file) ?? []) stack.push(target);
  }
  return seen;
}

describe('validate and tree-sitter', () => {
  const graph = importGraph();

  it('nothing validate loads reaches web-tree-sitter', () => {
    // The command, the engine, its worker thread (loaded by URL, not imported) and every rule.
    const roots = ['commands/validate.ts', ...[...graph.keys()].filter((f) => f.startsWith('validate/'))];
    const loaded = reachable(graph, roots);
    expect(loaded.has('odoo/python/parser.ts')).toBe(true);
    expect([...loaded].filter((f) => /tree-sitter/.test(f))).toEqual([]);
  });

  it('only the scaffolding edits import the tree-sitter parser', () => {
    const importers = [...graph].filter(([, targets]) => targets.includes('odoo/tree-sitter-python.ts')).map(([file]) => file);
    expect(importers).toEqual(['scaffold/edits/python-edits.ts']);
    expect([...graph].filter(([, targets]) => targets.includes('web-tree-sitter')).map(([file]) => file)).toEqual(['odoo/tree-sitter-python.ts']);
  });
});
