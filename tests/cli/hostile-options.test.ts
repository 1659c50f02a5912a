/**
 * Hostile but fair option values for init and add-binding: names that are Object.prototype keys,
 * Odoo addon names, malformed URLs, path traversal, huge values and missing folders. Every one is
 * a refusal (exit 1 or 2) with one message, no stack trace and nothing written.
 */
import { cpSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runInit } from '../../src/commands/init.js';
import { memoryIo } from '../../src/io.js';
import { ODOO_ADDON_NAMES, connectorNames } from '../../src/scaffold/names.js';
import { validateExternalName } from '../../src/scaffold/binding-entity.js';
import { validateUrl } from '../../src/scaffold/options.js';
import { runChild, runInProcess, type CliResult } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import { readTree } from '../helpers/tree.js';

const root = tempDir('hostile-options');
let counter = 0;
const freshDir = (): string => {
  const dir = join(root, `d${counter++}`);
  mkdirSync(dir);
  return dir;
};

/** A refusal: the expected exit code, one short message, no stack trace. */
function expectRefusal(result: CliResult, exitCode: number, message?: RegExp): void {
  expect(result.exitCode, `${result.stdout}\n${result.stderr}`).toBe(exitCode);
  expect(result.stderr).not.toMatch(/\n\s+at .*:\d+:\d+\)?/);
  expect(result.stderr).not.toMatch(/Something went wrong/);
  expect(result.stderr.length).toBeLessThan(600);
  if (message) expect(result.stderr).toMatch(message);
}

const pristine = join(root, 'pristine');
beforeAll(() => {
  mkdirSync(pristine);
  expect(runInit('acme', { type: 'crm', path: '.' }, memoryIo(pristine))).toBe(0);
});
/** A fresh copy of a crm connector written by init. */
const fresh = (): string => {
  const dir = freshDir();
  cpSync(pristine, dir, { recursive: true });
  return join(dir, 'acme_connector');
};

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype);

describe('names that are Object.prototype keys', () => {
  it.each(PROTOTYPE_KEYS)('init --entities %s is an unknown entity', async (key) => {
    const dir = freshDir();
    expectRefusal(await runInProcess(['init', 'shop', '--entities', `product,${key}`], dir), 2, /Unknown entity/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each(PROTOTYPE_KEYS)('init --type / --auth %s is refused', async (key) => {
    const dir = freshDir();
    expectRefusal(await runInProcess(['init', 'shop', '--type', key], dir), 2);
    expectRefusal(await runInProcess(['init', 'shop', '--auth', key], dir), 2);
    expect(readdirSync(dir)).toEqual([]);
  });

  describe('add-binding', () => {
    it.each(PROTOTYPE_KEYS)('%s as entity is refused cleanly (or asks for --odoo-model)', async (key) => {
      const addon = fresh();
      const before = readTree(addon);
      expectRefusal(await runInProcess(['add-binding', key], addon), 2, /is invalid|not in the entity catalogue/);
      expect(readTree(addon)).toEqual(before);
    });

    it.each(PROTOTYPE_KEYS.filter((key) => /^[a-z][a-z0-9_]*$/.test(key)).flatMap((key) => [key, `${key}.thing`, `x.${key}`]))(
      'binds the custom model %s without an internal error',
      async (model) => {
        const addon = fresh();
        const result = await runInProcess(['add-binding', 'thing', '--odoo-model', model, '--dry-run'], addon);
        expect(result.exitCode, result.stderr).toBe(0);
      },
    );

    it('reads model classes whose attributes are named like Object.prototype keys', async () => {
      const addon = fresh();
      const attrs = PROTOTYPE_KEYS.map((key) => `    ${key} = {"_name": "x"}\n`).join('');
      writeFileSync(join(addon, 'models', 'zz.py'), `from odoo import models\n\n\nclass Zz(models.Model):\n${attrs}    _inherit = "res.partner"\n`);
      const result = await runInProcess(['add-binding', 'invoice', '--dry-run'], addon);
      expect(result.exitCode, result.stderr).toBe(0);
    });

    it('binds a custom model under the entity name "constructor"', async () => {
      const addon = fresh();
      const result = await runInProcess(['add-binding', 'constructor', '--odoo-model', 'res.users'], addon);
      expect(result.exitCode, result.stderr).toBe(0);
    });

    it.each(PROTOTYPE_KEYS)('a config naming %s as type, auth and entity is read as unknown', async (key) => {
      const addon = fresh();
      const config = join(addon, '.odoo-connector.json');
      writeFileSync(config, JSON.stringify({ prefix: 'acme', type: key, auth: key, entities: [key, 'lead', 'contact'] }));
      const result = await runInProcess(['add-binding', 'invoice', '--dry-run'], addon);
      expect(result.exitCode, result.stderr).toBe(0);
    });
  });
});

describe('connector names that are Odoo or OCA addons', () => {
  it('reserves every addon of the list, and the list covers the validate baseline', async () => {
    const { loadBaseline } = await import('../../src/odoo/baseline/index.js');
    const baseline = await loadBaseline();
    for (const addon of baseline.addons) expect(ODOO_ADDON_NAMES.has(addon.name), addon.name).toBe(true);
    expect(ODOO_ADDON_NAMES.size).toBeGreaterThan(400);
    for (const name of ODOO_ADDON_NAMES) {
      if (!/^[a-z][a-z0-9_]*$/.test(name)) continue;
      expect(() => connectorNames(name), name).toThrow(/reserved|too long|without "_connector"/);
    }
  });

  it.each(['website', 'payment', 'hr', 'mrp', 'point_of_sale', 'website_sale', 'test'])('init %s exits 2', async (name) => {
    const dir = freshDir();
    expectRefusal(await runInProcess(['init', name], dir), 2, /reserved/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('--api-url', () => {
  it.each([
    'https:x.com',
    'https:/x.com',
    'HTTPS:x.com',
    'http:///x',
    'https://',
    '//x.com',
    'x.com/v1',
    'ftp://x.com',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'https://user:pass@x.com/v1',
    'https://user@x.com',
    'https://:secret@x.com',
    'https://x.com/v1#frag',
    'https://x.com/#',
    'https://x .com',
    'https://x.com/\u00e9',
    'https://x.com/a\u0007',
  ])('refuses %j', async (url) => {
    expect(() => validateUrl('--api-url', url)).toThrow(/Invalid --api-url/);
    const dir = freshDir();
    expectRefusal(await runInProcess(['init', 'shop', '--api-url', url], dir), 2, /--api-url/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each(['https://api.x.com/v1', 'http://localhost:8069', 'HTTPS://API.X.COM/v2/', 'https://x.com:8443/a/b?c=1'])('accepts %j', (url) => {
    expect(validateUrl('--api-url', url)).toBe(url.replace(/\/+$/, ''));
  });

  it('refuses credentials in --website but allows a fragment there', () => {
    expect(() => validateUrl('--website', 'https://me:pw@x.com', { fragment: true })).toThrow(/credentials/);
    expect(validateUrl('--website', 'https://x.com/#readme', { fragment: true })).toBe('https://x.com/#readme');
  });
});

describe('--external-name', () => {
  it.each(['a/../b', '..', '.', '../x', 'x/..', 'a/./b', '/x', 'x/', 'a//b', '%2e%2e/x', 'a\\b', 'x?y', 'x#y', 'x y', '-x', 'a/-b', 'x'.repeat(41)])(
    'refuses %j',
    (name) => {
      expect(() => validateExternalName(name)).toThrow(/Invalid --external-name/);
    },
  );
  it.each(['customers', 'v2/orders', 'a.b/c-d_e', '_x'])('accepts %j', (name) => {
    expect(validateExternalName(name)).toBe(name);
  });
});

describe('huge values are echoed cut short', () => {
  const huge = `a${'b'.repeat(4999)}`;
  it.each([
    [['init', huge]],
    [['init', 'shop', '--author', huge]],
    [['init', 'shop', '--api-url', `https://x.com/${huge}`]],
    [['init', 'shop', '--website', `https://x.com/${huge}`]],
    [['init', 'shop', '--entities', huge]],
    [['init', 'shop', '--license', huge]],
    [['add-binding', huge]],
    [['add-binding', 'x', '--odoo-model', huge]],
    [['add-binding', 'x', '--odoo-model', 'res.users', '--external-name', huge]],
    [['add-binding', 'x', '--odoo-model', 'res.users', '--direction', huge]],
  ])('case %#', async (args) => {
    const addon = fresh();
    const before = readTree(addon);
    const result = await runInProcess(args, args[0] === 'init' ? freshDir() : addon);
    expectRefusal(result, 2, /\(5\d{3} characters\)|Allowed choices/);
    expect(readTree(addon)).toEqual(before);
  });
});

describe('--addons-path', () => {
  it.each([
    ['a missing folder', 'missing'],
    ['a file', 'file.txt'],
    ['a missing folder after an existing one', '.,missing'],
  ])('refuses %s with exit 2, naming it, writing nothing', async (_label, value) => {
    const dir = freshDir();
    writeFileSync(join(dir, 'file.txt'), 'x');
    for (const run of [runInProcess, runChild]) {
      const result = await run(['init', 'shop', '--addons-path', value], dir);
      expectRefusal(result, 2, new RegExp(`--addons-path: ${join(dir, value.split(',').at(-1)!).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not a folder`));
    }
    expect(readdirSync(dir)).toEqual(['file.txt']);
  });

  it('accepts existing folders', async () => {
    const dir = freshDir();
    mkdirSync(join(dir, 'oca'));
    const result = await runInProcess(['init', 'shop', '--addons-path', 'oca', '--dry-run'], dir);
    expect(result.exitCode, result.stderr).toBe(0);
  });
});
