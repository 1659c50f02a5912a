import { describe } from 'vitest';
import { MANIFEST, runRuleTests } from '../rule-tester.js';

const view = (field: string): string => `<odoo>\n  <record id="v" model="ir.ui.view">\n    <field name="model">res.partner</field>\n    <field name="arch" type="xml">\n      <form>\n        <field name="${field}"/>\n        <field name="child_ids"><tree><field name="not_on_partner_but_child"/></tree></field>\n      </form>\n    </field>\n  </record>\n</odoo>\n`;

describe('view-unknown-field', () => {
  runRuleTests('view-unknown-field', {
    valid: [{ name: 'known field', files: { '__manifest__.py': MANIFEST('"data": ["v.xml"]'), 'v.xml': view('name') } }],
    invalid: [{ name: 'unknown field', files: { '__manifest__.py': MANIFEST('"data": ["v.xml"]'), 'v.xml': view('no_such_field') }, errors: [{ messageId: 'unknownField', line: 6, column: 9 }] }],
  });
});
