/**
 * Addon.definedIds: the xml ids a data file defines, where Odoo's convert.py reads them: children of
 * the data roots (odoo, data, openerp) and nested menuitems, never a record's fields or a template's body.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Addon } from '../../src/odoo/addon.js';
import { tempDir } from '../helpers/temp.js';

function addonWith(xml: string): Addon {
  const dir = join(tempDir('defined-ids'), 'm');
  mkdirSync(join(dir, 'data'), { recursive: true });
  writeFileSync(join(dir, '__manifest__.py'), `{"name": "M", "depends": ["base"], "data": ["data/d.xml"]}\n`);
  writeFileSync(join(dir, 'data', 'd.xml'), xml);
  return new Addon(dir);
}

describe('Addon.definedIds', () => {
  it('reads the data roots and nested menuitems, with the noupdate of the enclosing data section', () => {
    const addon = addonWith(`<odoo>
  <record id="a" model="res.partner"><field name="name">A</field></record>
  <data noupdate="1">
    <record id="b" model="res.partner"/>
    <data><template id="t"><div id="not_an_xml_id"/></template></data>
  </data>
  <menuitem id="menu_root" name="Root">
    <menuitem id="menu_child" name="Child"/>
  </menuitem>
</odoo>
`);
    expect(addon.definedIds('data/d.xml').map((d) => [d.id, d.tag, d.noupdate])).toEqual([
      ['a', 'record', false],
      ['b', 'record', true],
      ['t', 'template', true],
      ['menu_root', 'menuitem', false],
      ['menu_child', 'menuitem', false],
    ]);
  });

  it("defines nothing from a record's fields: a view's arch, a record nested in a field", () => {
    const addon = addonWith(`<odoo>
  <record id="view_x" model="ir.ui.view">
    <field name="arch" type="xml"><form><template id="in_arch"/><menuitem id="in_arch_menu"/></form></field>
  </record>
  <record id="order" model="sale.order">
    <field name="order_line"><record id="line" model="sale.order.line"/></field>
  </record>
</odoo>
`);
    expect(addon.definedIds('data/d.xml').map((d) => d.id)).toEqual(['view_x', 'order']);
  });
});
