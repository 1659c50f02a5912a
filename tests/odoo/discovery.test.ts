import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverAddons, findAddonDirs } from '../../src/odoo/discovery.js';
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

  it('never leaves the given path: links out are reported, links inside followed once, loops end', () => {
    const base = tempDir('discovery-links');
    const root = join(base, 'repo');
    for (const dir of ['repo/addons/a', 'repo/addons/deep/b', 'outside/c']) {
      mkdirSync(join(base, dir), { recursive: true });
      writeFileSync(join(base, dir, '__manifest__.py'), '{}\n');
    }
    symlinkSync('.', join(root, 'loop1'));
    symlinkSync('..', join(root, 'addons', 'up'));
    symlinkSync('loop3', join(root, 'loop2'));
    symlinkSync('loop2', join(root, 'loop3'));
    symlinkSync('/proc', join(root, 'proc'));
    symlinkSync('/', join(root, 'slash'));
    symlinkSync(join(base, 'outside'), join(root, 'out'));
    symlinkSync(join(base, 'outside', 'c'), join(root, 'addons', 'c'));
    symlinkSync(join(root, 'addons', 'deep', 'b'), join(root, 'b_link'));
    symlinkSync('deep', join(root, 'addons', 'alias'));
    const found = discoverAddons(['.'], root);
    expect(found.dirs).toEqual([join(root, 'addons/a'), join(root, 'addons/deep/b')]);
    expect(found.outsideLinks.sort()).toEqual([join(root, 'addons/c'), join(root, 'out'), join(root, 'proc'), join(root, 'slash')]);
    // A link inside a path given to validate is followed when its real folder is not listed otherwise.
    expect(findAddonDirs(['b_link'], root)).toEqual([join(root, 'b_link')]);
    mkdirSync(join(base, 'links'));
    symlinkSync(join(root, 'addons', 'a'), join(base, 'links', 'a'));
    expect(findAddonDirs(['links'], base)).toEqual([]);
    expect(discoverAddons(['links'], base).outsideLinks).toEqual([join(base, 'links', 'a')]);
  });
});
