import { describe } from 'vitest';
import { MANIFEST, runRuleTests } from '../rule-tester.js';

/** One view record on res.partner; the arch starts on line 7 (8 with an inherit_id line). */
const view = (arch: string, extra = ''): Record<string, string> => ({
  '__manifest__.py': MANIFEST('"data": ["views.xml"]'),
  'views.xml': `<?xml version="1.0" encoding="utf-8"?>\n<odoo>\n    <record id="v" model="ir.ui.view">\n        <field name="name">v</field>\n        <field name="model">res.partner</field>\n${extra}        <field name="arch" type="xml">\n${arch}        </field>\n    </record>\n</odoo>\n`,
});
const INHERIT = '        <field name="inherit_id" ref="base.view_partner_form"/>\n';

describe('view-tree-child', () => {
  runRuleTests('view-tree-child', {
    valid: [
      { name: 'allowed children', files: view('<tree>\n<header><button name="a" type="object" string="A"/></header>\n<field name="name"/>\n<button name="b" type="object" string="B"/>\n<groupby name="parent_id"/>\n<control><create string="Add"/></control>\n<widget name="w"/>\n</tree>\n') },
      { name: 'graph of fields', files: view('<graph>\n<field name="name"/>\n</graph>\n') },
    ],
    invalid: [
      { name: 'div in a tree', files: view('<tree>\n<div>x</div>\n<field name="name"/>\n</tree>\n'), errors: [{ messageId: 'tree', line: 8, column: 1, data: { tag: 'div' } }] },
      { name: 'group in an inline tree', files: view('<form>\n<field name="child_ids">\n<tree>\n<group/>\n</tree>\n</field>\n</form>\n'), errors: [{ messageId: 'tree', line: 10, column: 1 }] },
      { name: 'button in a graph', files: view('<graph>\n<field name="name"/>\n<button name="b" type="object"/>\n</graph>\n'), errors: [{ messageId: 'graph', line: 9, column: 1 }] },
    ],
  });
});
