import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RefusedError } from '../../src/errors.js';
import { ChangeSet, OverwriteStrategy, type FileOps } from '../../src/scaffold/changeset.js';
import { tempDir } from '../helpers/temp.js';
import { readTree } from '../helpers/tree.js';

const root = tempDir('changeset');
let counter = 0;
function freshDir(): string {
  const dir = join(root, String(counter++));
  mkdirSync(dir);
  return dir;
}

describe('ChangeSet', () => {
  it('plans creates and updates and writes them', () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'a.txt'), 'old\n');
    const changes = new ChangeSet(dir);
    changes.create('sub/b.txt', 'new\n');
    changes.update('a.txt', 'changed\n');
    expect(changes.summary()).toEqual(['UPDATE a.txt (8 bytes)', 'CREATE sub/b.txt (4 bytes)']);
    expect(changes.diff()).toContain('-old\n+changed');
    changes.commit();
    expect(readTree(dir)).toEqual({ 'a.txt': 'changed\n', 'sub/b.txt': 'new\n' });
  });

  it('drops a change whose content equals the file on disk', () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'a.txt'), 'same\n');
    const changes = new ChangeSet(dir, OverwriteStrategy.Overwrite);
    changes.create('a.txt', 'same\n');
    changes.update('a.txt', 'same\n');
    expect(changes.isEmpty).toBe(true);
  });

  it('refuses to create an existing file unless overwriting', () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'a.txt'), 'x');
    expect(() => new ChangeSet(dir).create('a.txt', 'y')).toThrow(RefusedError);
    expect(() => new ChangeSet(dir).update('missing.txt', 'y')).toThrow(/does not exist/);
    const changes = new ChangeSet(dir, OverwriteStrategy.Overwrite);
    changes.create('a.txt', 'y');
    expect(changes.list()[0]).toMatchObject({ kind: 'update', before: 'x', after: 'y' });
  });

  it('reads planned content before it is written', () => {
    const dir = freshDir();
    const changes = new ChangeSet(dir);
    changes.create('a.txt', 'planned');
    expect(changes.read('a.txt')).toBe('planned');
    expect(existsSync(join(dir, 'a.txt'))).toBe(false);
  });

  it.each([
    ['while writing temporary files', 'write'],
    ['while renaming into place', 'rename'],
  ])('leaves the tree byte-identical when a failure happens %s', (_label, failing) => {
    const dir = freshDir();
    writeFileSync(join(dir, 'a.txt'), 'original a\n');
    writeFileSync(join(dir, 'c.txt'), 'original c\n');
    const before = readTree(dir);
    const changes = new ChangeSet(dir);
    changes.update('a.txt', 'new a\n');
    changes.create('b/deep/b.txt', 'new b\n');
    changes.update('c.txt', 'new c\n');
    let calls = 0;
    const ops: FileOps = {
      writeFile: (path, content) => {
        if (failing === 'write' && ++calls === 2) throw new Error('disk full');
        writeFileSync(path, content);
      },
      rename: (from, to) => {
        if (failing === 'rename' && ++calls === 3) throw new Error('rename failed');
        renameSync(from, to);
      },
    };
    expect(() => changes.commit(ops)).toThrow();
    expect(readTree(dir)).toEqual(before);
    expect(existsSync(join(dir, 'b'))).toBe(false);
  });
});


describe('ChangeSet write failures the user can fix', () => {
  it('reports a path that is a file as a refusal, writing nothing', () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'afile'), 'x');
    // found when planning, before anything is written
    const changes = new ChangeSet(join(dir, 'afile', 'addon'));
    expect(() => changes.create('__manifest__.py', '{}\n')).toThrow(RefusedError);
    expect(() => changes.create('__manifest__.py', '{}\n')).toThrow(/afile\/addon\/__manifest__\.py: a part of the path is a file, not a folder\. Nothing was written\./);
    expect(readTree(dir)).toEqual({ afile: 'x' });
  });
});
