import { describe } from 'vitest';
import { MANIFEST, runRuleTests } from '../rule-tester.js';

const view = (field: string): string => `<odoo>\n  <record id="v" model="ir.ui.view">\n    <field name="model">res.partner</field>\n    <field name="arch" type="xml">\n      <form>\n        <field name="${field}"/>\n        <field name="child_ids"><tree><field name="not_on_partner_but_child"/></tree></field>\n      </form>\n    </field>\n  </record>\n</odoo>\n`;
const inherited = (arch: string): string => `<odoo>\n  <record id="v" model="ir.ui.view">\n    <field name="model">res.partner</field>\n    <field name="inherit_id" ref="base.view_partner_form"/>\n    <field name="arch" type="xml">\n${arch}    </field>\n  </record>\n</odoo>\n`;
const files = (xml: string): Record<string, string> => ({ '__manifest__.py': MANIFEST('"data": ["v.xml"]'), 'v.xml': xml });

describe('view-unknown-field', () => {
  runRuleTests('view-unknown-field', {
    valid: [
      { name: 'known field', files: files(view('name')) },
      { name: 'anchor in a sub-view of another model', files: files(inherited('      <field name="no_partner_field" position="after">\n        <field name="also_not_partner"/>\n      </field>\n')) },
      { name: 'xpath into a sub-view', files: files(inherited('      <xpath expr="//field[@name=\'child_ids\']/tree/field[@name=\'name\']" position="after">\n        <field name="x_child_only"/>\n      </xpath>\n')) },
      { name: 'xpath on a field of another model', files: files(inherited('      <xpath expr="//field[@name=\'line_type_id\']" position="after">\n        <field name="x_line_only"/>\n      </xpath>\n')) },
      { name: 'an extension of a view of an unknown module, without model, stays silent', files: files(inherited('      <field name="email" position="after">\n        <field name="emial2"/>\n      </field>\n').replace('    <field name="model">res.partner</field>\n', '').replace('base.view_partner_form', 'nope_addon.view_form')) },
      { name: 'list groupby of the comodel', files: files(view('name').replace('<form>', '<tree><groupby name="parent_id"><field name="x_parent_only"/></groupby>').replace('</form>', '</tree>')) },
    ],
    invalid: [
      {
        name: 'an extension without model takes the core parent view\'s',
        files: files(inherited('      <field name="email" position="after">\n        <field name="emial2"/>\n      </field>\n').replace('    <field name="model">res.partner</field>\n', '')),
        errors: [{ messageId: 'unknownField', line: 6, column: 9, data: { field: 'emial2', model: 'res.partner' } }],
      },
      { name: 'unknown field', files: files(view('no_such_field')), errors: [{ messageId: 'unknownField', line: 6, column: 9, data: { field: 'no_such_field', model: 'res.partner' } }] },
      {
        name: 'unknown field after a known anchor, unknown button',
        files: files(inherited('      <field name="email" position="after">\n        <field name="emial2"/>\n        <button name="action_nope" type="object" string="Go"/>\n      </field>\n')),
        errors: [
          { messageId: 'unknownField', line: 7, column: 9, data: { field: 'emial2', model: 'res.partner' } },
          { messageId: 'unknownMethod', line: 8, column: 9, data: { method: 'action_nope', model: 'res.partner' } },
        ],
      },
    ],
  });
});
