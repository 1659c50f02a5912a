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
  it('keeps every value, shape, prototype and frozen constant, through parent links and shared objects', () => {
    const text = `<odoo>${'x'.repeat(100)}</odoo>`;
    const shared = { id: text.slice(6, 40), n: 3 };
    const attrs = Object.create(null) as Record<string, unknown>;
    attrs.name = text.slice(1, 30);
    attrs.parent = text.slice(3, 33);
    const frozen = Object.freeze({});
    const tree: Record<string, unknown> = { tag: 'odoo', attrs, children: [shared, shared, [text.slice(2, 15), 'short', 7, null]], frozen };
    const child = { tag: text.slice(5, 25), parent: tree };
    (tree.children as unknown[]).push(child);
    const project = (): unknown => JSON.parse(JSON.stringify(tree, (k, v: unknown) => (k === 'parent' && typeof v === 'object' ? '(link)' : v)));
    const before = project() as { children: unknown[] };
    const copies = new Map<string, string>([[text.slice(6, 40), 'known copy of the id.....']]);
    detachStrings([tree, shared], copies);
    const known = { id: 'known copy of the id.....', n: 3 };
    expect(project()).toEqual({ ...before, children: [known, known, ...before.children.slice(2)] });
    expect(child.parent).toBe(tree);
    expect(Object.getPrototypeOf(tree.attrs)).toBeNull();
    expect(tree.frozen).toBe(frozen);
    // Strings under 13 characters are never views into another string: left alone.
    expect([...copies.keys()].sort()).toEqual([text.slice(1, 30), text.slice(3, 33), text.slice(2, 15), text.slice(6, 40), text.slice(5, 25)].sort());
  });

  it('lets the text the strings were cut from go, and so do the XML and CSV readers', () => {
    // 32 MB of text, of which the data keeps 2000 strings of 20 characters.
    const dist = (rel: string): string => JSON.stringify(new URL(`file://${join(root, 'dist', 'odoo', rel)}`).href);
    const heapKeeping = (read: string): number => {
      const script = `
        const { detachStrings } = await import(${dist('detach-strings.js')});
        const { parseXml } = await import(${dist('xml.js')});
        const { parseCsv } = await import(${dist('access-csv.js')});
        const ids = Array.from({ length: 2000 }, (_, i) => String(i).padStart(20, 'k'));
        let text;
        ${read}
        text = undefined;
        gc();
        process.stdout.write(String(process.memoryUsage().heapUsed));
      `;
      return Number(execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { encoding: 'utf8' }));
    };
    const pad = "padEnd(32 << 20, ' ')";
    const sliced = `text = ids.join(' ').${pad}; const data = ids.map((_, i) => ({ id: text.slice(i * 21, i * 21 + 20) })); detachStrings([data]); if (data[7].id !== ids[7]) throw 0;`;
    const xml = `text = ('<odoo>' + ids.map((id) => '<record id="' + id + '">' + id + '</record>').join('')).${pad} + '</odoo>'; const x = parseXml(text); if (x.root.children[7].attrs.id !== ids[7] || x.root.children[7].text !== ids[7]) throw 0;`;
    const csv = `text = ('id,name\\n' + ids.map((id) => id + ',' + id).join('\\n')).${pad}; const c = parseCsv(text); if (c.rows[7].values.name !== ids[7]) throw 0;`;
    for (const read of [sliced, xml, csv]) expect(heapKeeping(read)).toBeLessThan(16 << 20);
    // What they would keep without copies.
    expect(heapKeeping(`text = ids.join(' ').${pad}; globalThis.data = ids.map((_, i) => text.slice(i * 21, i * 21 + 20));`)).toBeGreaterThan(32 << 20);
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
