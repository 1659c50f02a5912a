/**
 * @fileoverview Finds addons: every folder holding a `__manifest__.py` at or below the given paths.
 * The scan never leaves a given path: a link is followed only when its real path stays inside it,
 * and each real folder is visited once, so link loops (`ln -s . loop`) and links to /proc end.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isInside, realPath } from './addon-files.js';

const SKIP = new Set(['node_modules', '.git', 'setup', '__pycache__', '.venv', 'venv', '.tox']);
const MAX_DEPTH = 8;

export interface Discovery {
  /** Addon folders as reached from the given paths (not resolved), sorted. */
  dirs: string[];
  /** Links that lead out of the given path and were not followed. */
  outsideLinks: string[];
}

interface Pending {
  /** The folder as reached from the given path (what reports show). */
  shown: string;
  /** Its real path. */
  real: string;
  depth: number;
}

function scan(start: string, found: Set<string>, outsideLinks: string[]): void {
  const root = realPath(start);
  if (root === undefined) return;
  const visited = new Set<string>([root]);
  const linked: Pending[] = [];
  const walk = (first: Pending): void => {
    const stack = [first];
    while (stack.length) {
      const { shown, real, depth } = stack.pop()!;
      if (existsSync(join(real, '__manifest__.py'))) {
        found.add(shown);
        continue;
      }
      if (depth > MAX_DEPTH) continue;
      let entries;
      try {
        entries = readdirSync(real, { withFileTypes: true });
      } catch {
        // Unreadable folders hold no addon we can check.
        continue;
      }
      for (const e of entries) {
        if (SKIP.has(e.name) || e.name.startsWith('.')) continue;
        const child = { shown: join(shown, e.name), real: join(real, e.name), depth: depth + 1 };
        if (e.isDirectory()) {
          if (visited.has(child.real)) continue;
          visited.add(child.real);
          stack.push(child);
        } else if (e.isSymbolicLink()) {
          const target = realPath(child.real);
          if (target === undefined) continue;
          if (!isInside(target, root)) {
            outsideLinks.push(child.shown);
            continue;
          }
          linked.push({ ...child, real: target });
        }
      }
    }
  };
  walk({ shown: start, real: root, depth: 0 });
  // Links inside the path last, each real folder once: folders keep their own names when listed.
  for (let i = 0; i < linked.length; i++) {
    const l = linked[i]!;
    if (visited.has(l.real)) continue;
    try {
      if (!statSync(l.real).isDirectory()) continue;
    } catch {
      continue;
    }
    visited.add(l.real);
    walk(l);
  }
}

export function discoverAddons(paths: string[], cwd: string): Discovery {
  const found = new Set<string>();
  const outsideLinks: string[] = [];
  for (const p of paths) {
    const path = resolve(cwd, p);
    let isFile = false;
    try {
      isFile = statSync(path).isFile();
    } catch {
      // A missing path finds nothing; the command says so.
    }
    // A file (say __manifest__.py) stands for the folder holding it.
    scan(isFile ? dirname(path) : path, found, outsideLinks);
  }
  return { dirs: [...found].sort(), outsideLinks };
}

export function findAddonDirs(paths: string[], cwd: string): string[] {
  return discoverAddons(paths, cwd).dirs;
}
