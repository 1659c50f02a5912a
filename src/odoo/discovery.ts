/**
 * @fileoverview Finds addons: every folder holding a `__manifest__.py` at or below the given paths.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const SKIP = new Set(['node_modules', '.git', 'setup', '__pycache__', '.venv', 'venv', '.tox']);

export function findAddonDirs(paths: string[], cwd: string): string[] {
  const found = new Set<string>();
  const visit = (dir: string, depth: number): void => {
    if (existsSync(join(dir, '__manifest__.py'))) {
      found.add(dir);
      return;
    }
    if (depth > 8) return;
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      if (SKIP.has(name) || name.startsWith('.')) continue;
      const child = join(dir, name);
      try {
        if (statSync(child).isDirectory()) visit(child, depth + 1);
      } catch {
        // Unreadable entries are not addons.
      }
    }
  };
  for (const p of paths) {
    const path = resolve(cwd, p);
    // A file (say __manifest__.py) stands for the folder holding it.
    visit(existsSync(path) && statSync(path).isFile() ? dirname(path) : path, 0);
  }
  return [...found].sort();
}
