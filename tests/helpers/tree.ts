/** Reads a folder into a `{ relativePath: content }` map, for comparisons. */
import { lstatSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';

export function readTree(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const path of globSync('**/*', { cwd: root, dot: true, onlyFiles: true, ignore: ['**/__pycache__/**'] }).sort()) {
    files[path] = readFileSync(join(root, path), 'utf8');
  }
  return files;
}

/**
 * Everything about a folder a run could change, links not followed: per path its kind, permission
 * bits, and bytes (base64) or link target. Equal snapshots mean byte-identical trees.
 */
export function snapshotTree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string, rel: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const key = rel ? `${rel}/${name}` : name;
      const stats = lstatSync(path);
      const mode = (stats.mode & 0o7777).toString(8);
      if (stats.isSymbolicLink()) out[key] = `link -> ${readlinkSync(path)}`;
      else if (stats.isDirectory()) {
        out[key] = `dir ${mode}`;
        walk(path, key);
      } else if (stats.isFile()) out[key] = `file ${mode} ${readFileSync(path).toString('base64')}`;
      else out[key] = `special ${mode}`;
    }
  };
  walk(root, '');
  return out;
}
