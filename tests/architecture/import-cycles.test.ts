/**
 * No module in src/ imports itself through others (static, type-only and dynamic imports alike):
 * a cycle makes load order decide what a module sees, and hides a part that wants its own module.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp.js';

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

/** Relative imports of every .ts file under root, as root-relative paths of .ts files. */
function importGraph(root: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of globSync('**/*.ts', { cwd: root })) {
    const source = readFileSync(join(root, file), 'utf8');
    const targets = [...source.matchAll(SPECIFIER)]
      .map((match) => relative(root, resolve(root, dirname(file), match[1]!)).replace(/\.js$/, '.ts'))
      .filter((target) => target.endsWith('.ts'));
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** Cycles met by a depth-first walk (at least one per cycle there is), each as a chain of files. */
function cycles(graph: Map<string, string[]>): string[] {
  const found: string[] = [];
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (file: string): void => {
    const at = path.indexOf(file);
    if (at >= 0) {
      found.push([...path.slice(at), file].join(' -> '));
      return;
    }
    if (done.has(file)) return;
    path.push(file);
    for (const target of graph.get(file) ?? []) visit(target);
    path.pop();
    done.add(file);
  };
  for (const file of [...graph.keys()].sort()) visit(file);
  return found;
}

describe('imports in src/', () => {
  it('form no cycle', () => {
    const graph = importGraph(join(import.meta.dirname, '../../src'));
    expect(graph.size).toBeGreaterThan(50);
    expect(cycles(graph)).toEqual([]);
  });

  it('a cycle through a dynamic or type-only import is found and named', () => {
    const root = tempDir('import-cycles');
    mkdirSync(join(root, 'validate'));
    writeFileSync(join(root, 'validate/engine.ts'), "export const run = () => import('./pool.js');\n");
    writeFileSync(join(root, 'validate/pool.ts'), "import type { Options } from './engine.js';\nimport { x } from '../util.js';\n");
    writeFileSync(join(root, 'util.ts'), 'export const x = 1;\n');
    expect(cycles(importGraph(root))).toEqual(['validate/engine.ts -> validate/pool.ts -> validate/engine.ts']);
  });
});
