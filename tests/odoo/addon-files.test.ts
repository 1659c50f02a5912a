import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listAddonFiles, MAX_FILE_BYTES, readRegularFile, realPath } from '../../src/odoo/addon-files.js';
import { tempDir } from '../helpers/temp.js';

function write(root: string, rel: string, text: string | Buffer): void {
  mkdirSync(join(root, rel, '..'), { recursive: true });
  writeFileSync(join(root, rel), text);
}

describe('listAddonFiles', () => {
  it('lists depth first in name order, without assets, translations, tooling folders or nested addons', () => {
    const root = tempDir('addon-files');
    for (const rel of ['__manifest__.py', 'b.py', 'a/z.xml', 'a/b/c.py', 'c.csv', 'static/x.js', 'i18n/fr.po', 'node_modules/m.js', 'sub/__manifest__.py', 'sub/models/m.py', 'a/deep/inner/__manifest__.py']) {
      write(root, rel, '\n');
    }
    const listing = listAddonFiles(root, realPath(root)!);
    expect(listing.files).toEqual(['__manifest__.py', 'a/b/c.py', 'a/z.xml', 'b.py', 'c.csv']);
    expect([...listing.unlisted].sort()).toEqual(['a/deep/inner', 'i18n', 'node_modules', 'static', 'sub']);
  });

  it('lists a linked folder inside the addon once, after the plain tree, unless it is a nested addon', () => {
    const root = tempDir('addon-files-links');
    write(root, '__manifest__.py', '\n');
    write(root, 'real/a.py', '\n');
    write(root, 'other/__manifest__.py', '\n');
    symlinkSync('real', join(root, 'alias'));
    symlinkSync('other', join(root, 'other_link'));
    symlinkSync('.', join(root, 'loop'));
    const listing = listAddonFiles(root, realPath(root)!);
    expect(listing.files).toEqual(['__manifest__.py', 'real/a.py']);
    expect([...listing.unlisted].sort()).toEqual(['alias', 'loop', 'other', 'other_link']);
  });
});

describe('readRegularFile', () => {
  it('reads files of every size whole, one after the other, and refuses those over the cap', () => {
    const root = tempDir('addon-files-read');
    const sizes = [0, 1, 4095, 4096, 65_535, 65_536, 200_000, 70_000, 3];
    sizes.forEach((size, i) => write(root, `f${i}`, Buffer.alloc(size, 97 + i)));
    sizes.forEach((size, i) => {
      const r = readRegularFile(join(root, `f${i}`));
      expect(r.ok && r.bytes.length === size && r.bytes.every((b) => b === 97 + i)).toBe(true);
    });
    write(root, 'big', Buffer.alloc(MAX_FILE_BYTES + 1));
    expect(readRegularFile(join(root, 'big'))).toEqual({ ok: false, reason: 'tooLarge' });
    expect(readRegularFile(join(root, 'missing'))).toEqual({ ok: false, reason: 'missing' });
    expect(readRegularFile(root)).toEqual({ ok: false, reason: 'notRegular' });
  });
});
