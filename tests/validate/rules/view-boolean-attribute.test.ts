import { describe } from 'vitest';
import { MANIFEST, runRuleTests } from '../rule-tester.js';

/** One view record on res.partner; the arch starts on line 7 (8 with an inherit_id line). */
const view = (arch: string, extra = ''): Record<string, string> => ({
  '__manifest__.py': MANIFEST('"data": ["views.xml"]'),
  'views.xml': `<?xml version="1.0" encoding="utf-8"?>\n<odoo>\n    <record id="v" model="ir.ui.view">\n        <field name="name">v</field>\n        <field name="model">res.partner</field>\n${extra}        <field name="arch" type="xml">\n${arch}        </field>\n    </record>\n</odoo>\n`,
});
const INHERIT = '        <field name="inherit_id" ref="base.view_partner_form"/>\n';

describe('view-boolean-attribute', () => {
  runRuleTests('view-boolean-attribute', {
    valid: [
      { name: 'booleans and context expressions', files: view('<form>\n<field name="name" invisible="1" readonly="True" required="yes"/>\n<field name="email" invisible="context.get(\'hide_email\')" readonly="not context.get(\'x\', False)"/>\n</form>\n') },
      { name: 'a field name outside a field is not evaluated', files: view('<form>\n<group invisible="state"/>\n<field name="name"/>\n</form>\n') },
    ],
    invalid: [
      { name: 'invisible on a field name', files: view('<form>\n<field name="active" invisible="state"/>\n</form>\n'), errors: [{ messageId: 'notBoolean', line: 8, column: 1, data: { attr: 'invisible', value: 'state', name: 'state' } }] },
      { name: 'required on a comparison', files: view('<form>\n<field name="email" required="type == \'contact\'"/>\n</form>\n'), errors: [{ messageId: 'notBoolean', line: 8, column: 1, data: { attr: 'required', value: "type == 'contact'", name: 'type' } }] },
      { name: 'extension sets it with attribute', files: view('<field name="email" position="attributes">\n<attribute name="readonly">is_company</attribute>\n</field>\n', INHERIT), errors: [{ messageId: 'notBoolean', line: 9, column: 1, data: { attr: 'readonly', value: 'is_company', name: 'is_company' } }] },
    ],
  });
});
