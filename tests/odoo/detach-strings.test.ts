/**
 * The readers give their results their own strings: a file text must no longer stay in memory once
 * only its parse is kept (checked in a child process under --expose-gc, on the built modules).
 * Addon.dropTexts builds on it for the rules phase.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Addon } from '../../src/odoo/addon.js';
import { StringBatch } from '../../src/odoo/detach-strings.js';
import { tempDir } from '../helpers/temp.js';

const root = join(import.meta.dirname, '..', '..');

describe('detached strings', () => {
  it('StringBatch puts a copy of each noted string where it was noted, short ones untouched', () => {
    const text = `<odoo>${'x'.repeat(100)}</odoo>`;
    const attrs = Object.create(null) as Record<string, string>;
    attrs.name = text.slice(1, 30);
    const list = [text.slice(2, 15), 'short'];
    const batch = new StringBatch();
    batch.note(attrs, 'name', attrs.name);
    list.forEach((v, i) => batch.note(list, i, v));
    batch.detach();
    expect(attrs.name).toBe(text.slice(1, 30));
    expect(Object.getPrototypeOf(attrs)).toBeNull();
    expect(list).toEqual([text.slice(2, 15), 'short']);
  });

  it('copies alike from a Latin-1 text and from one holding a wider character', () => {
    for (const text of [`<odoo>caf\u00e9 ${'x'.repeat(100)}</odoo>`, `<odoo>\u20ac caf\u00e9 ${'x'.repeat(100)}</odoo>`]) {
      const holder = { value: text.slice(6, 40) };
      const batch = new StringBatch();
      batch.note(holder, 'value', holder.value);
      batch.detach();
      expect(holder.value).toBe(text.slice(6, 40));
    }
  });

  it('the XML, CSV and Python readers let the text go', () => {
    // 32 MB of text, of which the result keeps 2000 strings of 20 characters.
    const dist = (rel: string): string => JSON.stringify(new URL(`file://${join(root, 'dist', 'odoo', rel)}`).href);
    const heapKeeping = (read: string): number => {
      const script = `
        const { parseXml } = await import(${dist('xml.js')});
        const { parseCsv } = await import(${dist('access-csv.js')});
        const { parsePython } = await import(${dist('python.js')});
        const ids = Array.from({ length: 2000 }, (_, i) => 'k' + String(i).padStart(19, '0'));
        let text;
        ${read}
        text = undefined;
        gc();
        process.stdout.write(String(process.memoryUsage().heapUsed));
      `;
      return Number(execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { encoding: 'utf8' }));
    };
    const pad = "padEnd(32 << 20, ' ')";
    // Long tags too (13 characters or more: V8 would keep them as views into the text).
    const xml = `text = ('<odoo>' + ids.map((id) => '<record id="' + id + '">' + id + '<a_long_tag_name/></record>').join('')).${pad} + '</odoo>'; const x = parseXml(text); if (x.root.children[7].attrs.id !== ids[7] || x.root.children[7].text !== ids[7] || x.root.children[7].children[0].tag !== 'a_long_tag_name') throw 0;`;
    const csv = `text = ('id,name\\n' + ids.map((id) => id + ',' + id).join('\\n')).${pad}; const c = parseCsv(text); if (c.rows[7].values.name !== ids[7]) throw 0;`;
    // Every kind of fact: classes, fields, methods, decorators, imports, calls, comparisons, assignments, names.
    const python = `text = ids.map((id) => 'from odoo.addons.' + id + ' import ' + id + '\\n' + id + '_c = ' + id + '(' + id + '=' + id + ')\\nassert ' + id + ' == ' + id + '\\n' +
      'class ' + id + '_class(models.Model):\\n    _name = "' + id + '"\\n    ' + id + '_f = fields.Char("' + id + '", ' + id + '="' + id + '")\\n' +
      '    @api.depends("' + id + '", ' + id + '=1)\\n    def ' + id + '_m(self):\\n        pass\\n').join('') + '#'.repeat(32 << 20);
      globalThis.py = await parsePython(text); if (py.syntaxErrors.length || py.classes[7].fields[0].name !== ids[7] + '_f') throw 0;`;
    // Texts with a character beyond Latin-1 (V8 then stores them at two bytes per character).
    const wideXml = xml.replace(`.${pad}`, `.${pad} + '\u20ac'`);
    const wideCsv = `text = ('id,name,note\\n' + ids.map((id) => id + ',' + id + ',\u20ac').join('\\n')).${pad}; const c = parseCsv(text); if (c.rows[7].values.name !== ids[7]) throw 0;`;
    const widePython = python.replace(`'#'.repeat(32 << 20)`, `'#'.repeat(32 << 20) + '\u20ac'`);
    expect(widePython).not.toBe(python);
    for (const read of [xml, csv, python, wideXml, wideCsv, widePython]) expect(heapKeeping(read)).toBeLessThan(16 << 20);
    // What strings cut from the text keep without copies.
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
    const ids = addon.definedIds('views/v.xml');
    expect(addon.dropTexts()).toBeGreaterThan(xml.length);
    expect(structuredClone(await addon.summary())).toEqual(summary);
    // The same parses, not new ones; the files still exist, without a read.
    expect(addon.xml('views/v.xml')).toBe(view);
    expect(await addon.python('models/partner_extension.py')).toBe(py);
    rmSync(join(dir, 'views', 'v.xml'));
    expect(addon.exists('views/v.xml')).toBe(true);
    expect(addon.encodingError('views/v.xml')).toBeUndefined();
    // Defined ids stay too (their strings are the parse's own).
    expect(addon.definedIds('views/v.xml')).toBe(ids);
    expect(ids.map((d) => d.id)).toEqual(['view_partner_loyalty_form']);
    // A text asked for is read again.
    expect(addon.read('models/partner_extension.py')).toContain('loyalty_points_total');
  });
});
