/**
 * What add-binding and init write, and what they leave alone: bytes in any encoding they accept,
 * links and permission bits, folders and FIFOs where a file is planned, leftovers of killed runs,
 * and files another program changes while a run is planning.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runInit } from '../../src/commands/init.js';
import { RefusedError } from '../../src/errors.js';
import { memoryIo } from '../../src/io.js';
import { ChangeSet, OverwriteStrategy, type FileOps } from '../../src/scaffold/changeset.js';
import { runChild, runInProcess, type CliResult } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import { snapshotTree } from '../helpers/tree.js';

const root = tempDir('file-safety');
const pristine = join(root, 'pristine');
let counter = 0;
const freshDir = (): string => {
  const dir = join(root, `d${counter++}`);
  mkdirSync(dir);
  return dir;
};
/** A fresh copy of a crm connector (lead, contact) written by init. */
const freshAddon = (): string => {
  const dir = freshDir();
  cpSync(pristine, dir, { recursive: true });
  return join(dir, 'acme_connector');
};

beforeAll(() => {
  mkdirSync(pristine);
  expect(runInit('acme', { type: 'crm', path: '.' }, memoryIo(pristine))).toBe(0);
});

/** A pid no process has: that of a child that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

function expectRefusal(result: CliResult, message: RegExp): void {
  expect(result.exitCode, `${result.stdout}\n${result.stderr}`).toBe(1);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(/\n\s+at .*:\d+:\d+\)?|Something went wrong/);
}

const latin1 = (text: string): Buffer => Buffer.from(text, 'latin1');

describe('bytes are kept (item: non-UTF-8 files)', () => {
  it.each([
    ['# -*- coding: latin-1 -*-\n'],
    ['#!/usr/bin/env python\n# vim: set fileencoding=iso-8859-1 :\n'],
    ['# coding=latin1\n'],
    ['# -*- coding: ISO_8859_1 -*-\n'],
  ])('edits a manifest declaring %j without touching its other bytes', async (cookie) => {
    const addon = freshAddon();
    const path = join(addon, '__manifest__.py');
    const original = readFileSync(path, 'utf8').replace('"summary": "', '"summary": "Caf\u00e9 \u00e0 la cr\u00e8me, ');
    const bytes = latin1(cookie + original);
    writeFileSync(path, bytes);
    const result = await runInProcess(['add-binding', 'invoice'], addon);
    expect(result.exitCode, result.stderr).toBe(0);
    const after = readFileSync(path);
    expect(after.includes(Buffer.from([0xef, 0xbf, 0xbd]))).toBe(false);
    const untouched = bytes.indexOf('"depends"');
    expect(after.subarray(0, untouched)).toEqual(bytes.subarray(0, untouched));
    expect(after.toString('latin1')).toContain('"views/acme_account_move_views.xml"');
    expect(after.toString('latin1')).toContain('Caf\u00e9 \u00e0 la cr\u00e8me');
  });

  it('edits an XML file declaring ISO-8859-1 and keeps its latin-1 bytes', async () => {
    const addon = freshAddon();
    const path = join(addon, 'views', 'acme_menus.xml');
    const source = readFileSync(path, 'utf8').replace(/^<\?xml[^>]*\?>/, '<?xml version="1.0" encoding="ISO-8859-1"?>').replace('<odoo>', '<odoo>\n    <!-- men\u00fcs -->');
    writeFileSync(path, latin1(source));
    const result = await runInProcess(['add-binding', 'invoice'], addon);
    expect(result.exitCode, result.stderr).toBe(0);
    const after = readFileSync(path);
    expect(after.includes(latin1('<!-- men\u00fcs -->'))).toBe(true);
    expect(after.toString('latin1')).toContain('acme_account_move');
  });

  it('keeps a UTF-8 byte order mark', async () => {
    const addon = freshAddon();
    const path = join(addon, 'models', '__init__.py');
    writeFileSync(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(path)]));
    const result = await runInProcess(['add-binding', 'invoice'], addon);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(readFileSync(path).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it.each([
    ['__manifest__.py', 'a manifest with latin-1 bytes and no coding cookie', (s: string) => latin1(s.replace('"summary": "', '"summary": "Caf\u00e9 '))],
    ['models/__init__.py', 'an __init__ with a stray byte', (s: string) => Buffer.concat([Buffer.from(s), Buffer.from([0x23, 0x20, 0xff, 0x0a])])],
    ['security/ir.model.access.csv', 'an ACL file in latin-1', (s: string) => latin1(`${s}access_x_caf\u00e9,x,model_x,,1,0,0,0\n`)],
    ['views/acme_menus.xml', 'an XML file with latin-1 bytes and no encoding declaration', (s: string) => latin1(s.replace('<odoo>', '<odoo><!-- \u00e9 -->'))],
    ['__manifest__.py', 'a manifest declaring cp1252', (s: string) => Buffer.from(`# -*- coding: cp1252 -*-\n${s}`)],
    ['README.rst', 'a README with invalid UTF-8', (s: string) => Buffer.concat([Buffer.from(s), Buffer.from([0xc3, 0x28, 0x0a])])],
  ])('refuses %s (%s), naming it, changing nothing', async (file, _label, mangle) => {
    const addon = freshAddon();
    const path = join(addon, file);
    writeFileSync(path, mangle(readFileSync(path, 'utf8')));
    const before = snapshotTree(addon);
    const result = await runInProcess(['add-binding', 'invoice'], addon);
    expectRefusal(result, new RegExp(`${file.replace(/\./g, '\\.')}(:\\d+)?: (is not valid|declares)`));
    expect(snapshotTree(addon)).toEqual(before);
  });

  it('rolls back to the exact original bytes', () => {
    const dir = freshDir();
    const bytes = latin1('# -*- coding: latin-1 -*-\nx = "\u00e9"\n');
    writeFileSync(join(dir, 'a.py'), bytes);
    writeFileSync(join(dir, 'b.py'), Buffer.from([0x23, 0x0a]));
    const changes = new ChangeSet(dir);
    changes.update('a.py', `${changes.read('a.py')}y = 1\n`);
    changes.update('b.py', '# changed\n');
    const before = snapshotTree(dir);
    let renames = 0;
    const ops: FileOps = {
      writeFile: (path, content) => writeFileSync(path, content),
      rename: (from, to) => {
        if (++renames === 2) throw new Error('rename failed');
        renameSync(from, to);
      },
    };
    expect(() => changes.commit(ops)).toThrow();
    expect(snapshotTree(dir)).toEqual(before);
  });
});

describe('links and permission bits (item: writes by rename)', () => {
  it('writes through a link inside the addon and keeps modes', async () => {
    const addon = freshAddon();
    const acl = join(addon, 'security', 'ir.model.access.csv');
    renameSync(acl, join(addon, 'security', 'acl_real.csv'));
    symlinkSync('acl_real.csv', acl);
    chmodSync(join(addon, 'security', 'acl_real.csv'), 0o600);
    chmodSync(join(addon, '__manifest__.py'), 0o640);
    chmodSync(join(addon, 'models', '__init__.py'), 0o755);
    const result = await runInProcess(['add-binding', 'invoice'], addon);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(lstatSync(acl).isSymbolicLink()).toBe(true);
    expect(readlinkSync(acl)).toBe('acl_real.csv');
    expect(readFileSync(join(addon, 'security', 'acl_real.csv'), 'utf8')).toContain('access_acme_account_move');
    expect(statSync(join(addon, 'security', 'acl_real.csv')).mode & 0o777).toBe(0o600);
    expect(statSync(join(addon, '__manifest__.py')).mode & 0o777).toBe(0o640);
    expect(statSync(join(addon, 'models', '__init__.py')).mode & 0o777).toBe(0o755);
  });

  it.each([
    ['a file link', (addon: string, outside: string) => {
      const acl = join(addon, 'security', 'ir.model.access.csv');
      cpSync(acl, join(outside, 'acl.csv'));
      rmSync(acl);
      symlinkSync(join(outside, 'acl.csv'), acl);
    }],
    ['a folder link', (addon: string, outside: string) => {
      cpSync(join(addon, 'security'), join(outside, 'security'), { recursive: true });
      rmSync(join(addon, 'security'), { recursive: true });
      symlinkSync(join(outside, 'security'), join(addon, 'security'));
    }],
  ])('refuses to write through %s leaving the addon', async (_label, setup) => {
    const addon = freshAddon();
    const outside = freshDir();
    setup(addon, outside);
    const before = [snapshotTree(addon), snapshotTree(outside)];
    expectRefusal(await runInProcess(['add-binding', 'invoice'], addon), /security\/ir\.model\.access\.csv leads to .*, outside .*acme_connector/);
    expect([snapshotTree(addon), snapshotTree(outside)]).toEqual(before);
  });
});

describe('what stands where a file is planned (item: internal errors)', () => {
  const mkfifo = (path: string): void => {
    execFileSync('mkfifo', [path]);
  };
  it.each([
    ['a folder at a new file', (a: string) => mkdirSync(join(a, 'models', 'account_move.py')), /models\/account_move\.py is a folder, not a file/],
    ['a FIFO at a new file', (a: string) => mkfifo(join(a, 'components', 'account_move.py')), /components\/account_move\.py is a FIFO/],
    ['a FIFO at an edited file', (a: string) => {
      rmSync(join(a, 'README.rst'));
      mkfifo(join(a, 'README.rst'));
    }, /README\.rst is a FIFO/],
    ['a dangling link at a new file', (a: string) => symlinkSync('nowhere.py', join(a, 'models', 'account_move.py')), /models\/account_move\.py is a symbolic link to a file that does not exist/],
    ['a link loop at an edited file', (a: string) => {
      rmSync(join(a, 'README.rst'));
      symlinkSync('README.rst', join(a, 'README.rst'));
    }, /README\.rst is a symbolic link that loops/],
    ['a file where a folder is planned', (a: string) => {
      rmSync(join(a, 'views'), { recursive: true });
      writeFileSync(join(a, 'views'), 'x');
    }, /views.*(a part of the path is a file|does not exist)/],
  ])('add-binding refuses %s, changing nothing', async (_label, setup, message) => {
    const addon = freshAddon();
    setup(addon);
    const before = snapshotTree(addon);
    for (const run of [runInProcess, runChild]) {
      expectRefusal(await run(['add-binding', 'invoice'], addon), message);
      expect(snapshotTree(addon)).toEqual(before);
    }
  });

  it('add-binding reads regular files only: a FIFO named like a model is not opened', async () => {
    const addon = freshAddon();
    mkfifo(join(addon, 'models', 'zz.py'));
    const result = await runChild(['add-binding', 'invoice'], addon);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(lstatSync(join(addon, 'models', 'zz.py')).isFIFO()).toBe(true);
  });

  it.each([
    ['a regular file', (t: string) => writeFileSync(t, 'mine'), /acme_connector is a file, not a folder/],
    ['a dangling link', (t: string) => symlinkSync('gone', t), /acme_connector is a symbolic link to a folder that does not exist/],
    ['a FIFO', (t: string) => mkfifo(t), /acme_connector is a FIFO \(named pipe\), not a folder/],
    ['a link to a file', (t: string) => {
      writeFileSync(`${t}.txt`, 'x');
      symlinkSync(`${t}.txt`, t);
    }, /acme_connector is a file, not a folder/],
  ])('init (with and without --force) refuses %s as target', async (_label, setup, message) => {
    const dir = freshDir();
    setup(join(dir, 'acme_connector'));
    const before = snapshotTree(dir);
    for (const args of [['init', 'acme'], ['init', 'acme', '--force']]) {
      for (const run of [runInProcess, runChild]) {
        expectRefusal(await run(args, dir), message);
        expect(snapshotTree(dir)).toEqual(before);
      }
    }
  });

  it('init --force refuses a file where a folder of the addon goes, restoring everything', async () => {
    const dir = freshDir();
    cpSync(pristine, dir, { recursive: true });
    const addon = join(dir, 'acme_connector');
    rmSync(join(addon, 'wizards'), { recursive: true });
    writeFileSync(join(addon, 'wizards'), 'x');
    const before = snapshotTree(dir);
    expectRefusal(await runInProcess(['init', 'acme', '--type', 'crm', '--force'], dir), /wizards/);
    expect(snapshotTree(dir)).toEqual(before);
  });
});

describe('leftovers of killed runs (item: temporary files)', () => {
  it('a later run removes stale temporary files in the folders it writes, keeping live ones', async () => {
    const addon = freshAddon();
    const dead = deadPid();
    const stale = [
      `models/__init__.py.odoo-connector-${dead}-1700000000000-0.tmp`,
      `models/account_move.py.odoo-connector-${dead}-1700000000000.tmp`,
      `__manifest__.py.odoo-connector-${dead}-1700000000001-3.tmp`,
    ];
    const live = `models/x.py.odoo-connector-${process.ppid}-1700000000000-0.tmp`;
    for (const path of [...stale, live]) writeFileSync(join(addon, path), 'partial');
    const result = await runInProcess(['add-binding', 'invoice'], addon);
    expect(result.exitCode, result.stderr).toBe(0);
    for (const path of stale) expect(existsSync(join(addon, path)), path).toBe(false);
    expect(existsSync(join(addon, live))).toBe(true);
    expect(Object.keys(snapshotTree(addon)).filter((p) => p.endsWith('.tmp'))).toEqual([live]);
  });

  it('a folder holding only leftovers does not block init', async () => {
    const dir = freshDir();
    const dead = deadPid();
    const target = join(dir, 'acme_connector');
    mkdirSync(join(target, 'models'), { recursive: true });
    mkdirSync(join(target, 'views'));
    writeFileSync(join(target, `__manifest__.py.odoo-connector-${dead}-1-0.tmp`), 'x');
    writeFileSync(join(target, 'models', `__init__.py.odoo-connector-${dead}-1-1.tmp`), 'x');
    writeFileSync(join(target, '.odoo-connector.lock'), `${dead}\n`);
    const result = await runChild(['init', 'acme'], dir);
    expect(result.exitCode, result.stderr).toBe(0);
    const tree = Object.keys(snapshotTree(target));
    expect(tree.filter((p) => p.endsWith('.tmp') || p.endsWith('.lock'))).toEqual([]);
    expect(tree).toContain('__manifest__.py');
  });

  it('a folder with a file of the user still blocks init', async () => {
    const dir = freshDir();
    mkdirSync(join(dir, 'acme_connector'));
    writeFileSync(join(dir, 'acme_connector', `notes.txt`), 'mine');
    writeFileSync(join(dir, 'acme_connector', `x.odoo-connector-${deadPid()}-1-0.tmp`), 'x');
    const before = snapshotTree(dir);
    expectRefusal(await runInProcess(['init', 'acme'], dir), /already exists/);
    expect(snapshotTree(dir)).toEqual(before);
  });
});

describe('write failures name the file', () => {
  it.each(['ENOSPC', 'EDQUOT', 'EIO'])('%s while writing', (code) => {
    const dir = freshDir();
    const changes = new ChangeSet(dir);
    changes.create('a/b.txt', 'x');
    const ops: FileOps = {
      writeFile: () => {
        throw Object.assign(new Error(`${code}: write`), { code });
      },
      rename: renameSync,
    };
    expect(() => changes.commit(ops)).toThrow(RefusedError);
    expect(() => changes.commit(ops)).toThrow(new RegExp(`Cannot write ${join(dir, 'a', 'b.txt').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .* Nothing was written\\.`));
    expect(snapshotTree(dir)).toEqual({});
  });
});

describe('files changed by another program while planning (item: concurrent runs)', () => {
  const setup = (): { dir: string; changes: ChangeSet } => {
    const dir = freshDir();
    writeFileSync(join(dir, 'a.txt'), 'a\n');
    writeFileSync(join(dir, 'c.txt'), 'c\n');
    const changes = new ChangeSet(dir, OverwriteStrategy.Overwrite);
    changes.update('a.txt', 'a2\n');
    changes.create('b.txt', 'b\n');
    changes.update('c.txt', 'c2\n');
    return { dir, changes };
  };

  it.each([
    ['an updated file is rewritten', (dir: string) => writeFileSync(join(dir, 'c.txt'), 'theirs\n')],
    ['a created file appears', (dir: string) => writeFileSync(join(dir, 'b.txt'), 'theirs\n')],
    ['an updated file is removed', (dir: string) => rmSync(join(dir, 'c.txt'))],
    ['an updated file is replaced by a link', (dir: string) => {
      writeFileSync(join(dir, 'other.txt'), 'c\n');
      rmSync(join(dir, 'c.txt'));
      symlinkSync('other.txt', join(dir, 'c.txt'));
    }],
  ])('refuses when %s before the commit, leaving their change', (_label, meddle) => {
    const { dir, changes } = setup();
    meddle(dir);
    const before = snapshotTree(dir);
    expect(() => changes.commit()).toThrow(/changed on disk while odoo-connector was working/);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('refuses when a file changes between two renames, undoing the first', () => {
    const { dir, changes } = setup();
    let renames = 0;
    const ops: FileOps = {
      writeFile: (path, content) => writeFileSync(path, content, { flag: 'wx' }),
      rename: (from, to) => {
        renameSync(from, to);
        if (++renames === 1) writeFileSync(join(dir, 'c.txt'), 'theirs\n');
      },
    };
    expect(() => changes.commit(ops)).toThrow(/c\.txt changed on disk/);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('a\n');
    expect(readFileSync(join(dir, 'c.txt'), 'utf8')).toBe('theirs\n');
    expect(existsSync(join(dir, 'b.txt'))).toBe(false);
  });
});
