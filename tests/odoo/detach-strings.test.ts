/**
 * detachStrings gives parsed data its own strings: the data must read the same afterwards, and a
 * file text its strings were cut from must no longer stay in memory (checked in a child process
 * under --expose-gc, on the built module). Addon.dropTexts builds on it for the rules phase.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Addon } from '../../src/odoo/addon.js';
import { detachStrings } from '../../src/odoo/detach-strings.js';
import { tempDir } from '../helpers/temp.js';

const root = join(import.meta.dirname, '..', '..');

describe('detachStrings', () => {
  it('keeps every value, shape, prototype and frozen constant, through cycles and shared objects', () => {
    const text = `<odoo>${'x'.repeat(100)}</odoo>`;
    const shared = { id: text.slice(6, 40), n: 3 };
    const attrs = Object.create(null) as Record<string, unknown>;
    attrs.name = text.slice(1, 30);
    const frozen = Object.freeze({ label: text.slice(0, 20) });
    const tree: Record<string, unknown> = { tag: 'odoo', attrs, children: [shared, shared, [text.slice(2, 15), 'short', 7, null]], frozen };
    tree.self = tree;
    const before = structuredClone({ ...tree, self: undefined });
    const copies = new Map<string, string>();
    detachStrings([tree, shared], copies);
    expect({ ...tree, self: undefined }).toEqual(before);
    expect(tree.self).toBe(tree);
    expect(Object.getPrototypeOf(tree.attrs)).toBeNull();
    expect(tree.frozen).toBe(frozen);
    // Strings under 13 characters are never views into another string: left alone.
    expect([...copies.keys()].sort()).toEqual([text.slice(1, 30), text.slice(2, 15), text.slice(6, 40)].sort());
  });

  it('lets the text the strings were cut from go', () => {
    // 32 MB of text, of which the data keeps 2000 strings of 20 characters.
    const script = `
      const { detachStrings } = await import(${JSON.stringify(new URL(`file://${join(root, 'dist', 'odoo', 'detach-strings.js')}`).href)});
      let text = Array.from({ length: 2000 }, (_, i) => String(i).padStart(20, 'k')).join(' ').padEnd(32 << 20, '.');
      const data = Array.from({ length: 2000 }, (_, i) => ({ id: text.slice(i * 21, i * 21 + 20) }));
      detachStrings([data]);
      text = undefined;
      gc();
      const used = process.memoryUsage().heapUsed;
      if (data[1999].id !== '1999'.padStart(20, 'k')) throw new Error('value changed');
      process.stdout.write(String(used));
    `;
    const used = Number(execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { encoding: 'utf8' }));
    expect(used).toBeLessThan(16 << 20);
  });
});

describe('Addon.dropTexts', () => {
  it('keeps the parses and file facts, and reads a text again only when asked for it', async () => {
    const dir = join(tempDir('drop-texts'), 'm');
    mkdirSync(join(dir, 'views'), { recursive: true });
    mkdirSync(join(dir, 'models'), { recursive: true });
    writeFileSync(join(dir, '__manifest__.py'), `{"name": "M", "depends": ["base"], "data": ["views/v.xml"]}\n`);
    writeFileSync(join(dir, '__init__.py'), 'from . import models\n');
    writeFileSync(join(dir, 'models', '__init__.py'), 'from . import partner_extension\n');
    writeFileSync(join(dir, 'models', 'partner_extension.py'), 'from odoo import fields, models\n\n\nclass P(models.Model):\n    _inherit = "res.partner"\n    loyalty_points_total = fields.Integer()\n');
    const xml = '<odoo>\n  <record id="view_partner_loyalty_form" model="ir.ui.view">\n    <field name="arch" type="xml"><form><field name="loyalty_points_total"/></form></field>\n  </record>\n</odoo>\n';
    writeFileSync(join(dir, 'views', 'v.xml'), xml);
    const addon = new Addon(dir);
    const summary = structuredClone(await addon.summary());
    const view = addon.xml('views/v.xml');
    const py = await addon.python('models/partner_extension.py');
    expect(await addon.dropTexts()).toBeGreaterThan(xml.length);
    expect(structuredClone(await addon.summary())).toEqual(summary);
    // The same parses, not new ones; the files still exist, without a read.
    expect(addon.xml('views/v.xml')).toBe(view);
    expect(await addon.python('models/partner_extension.py')).toBe(py);
    rmSync(join(dir, 'views', 'v.xml'));
    expect(addon.exists('views/v.xml')).toBe(true);
    expect(addon.encodingError('views/v.xml')).toBeUndefined();
    expect(addon.definedIds('views/v.xml').map((d) => d.id)).toEqual(['view_partner_loyalty_form']);
    // A text asked for is read again.
    expect(addon.read('models/partner_extension.py')).toContain('loyalty_points_total');
  });
});
