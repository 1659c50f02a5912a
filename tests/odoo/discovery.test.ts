import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findAddonDirs } from '../../src/odoo/discovery.js';
import { tempDir } from '../helpers/temp.js';

describe('findAddonDirs', () => {
  it('finds addons below a folder, skips tooling folders, and takes a file for its folder', () => {
    const root = tempDir('discovery');
    for (const dir of ['a', 'repo/b', 'node_modules/c', '.git/d', 'repo/b/nested']) {
      mkdirSync(join(root, dir), { recursive: true });
      writeFileSync(join(root, dir, '__manifest__.py'), '{}\n');
    }
    expect(findAddonDirs(['.'], root)).toEqual([join(root, 'a'), join(root, 'repo/b')]);
    expect(findAddonDirs(['a/__manifest__.py'], root)).toEqual([join(root, 'a')]);
  });
});
