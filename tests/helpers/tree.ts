/** Reads a folder into a `{ relativePath: content }` map, for comparisons. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';

export function readTree(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const path of globSync('**/*', { cwd: root, dot: true, onlyFiles: true, ignore: ['**/__pycache__/**'] }).sort()) {
    files[path] = readFileSync(join(root, path), 'utf8');
  }
  return files;
}
