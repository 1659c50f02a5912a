import { describe } from 'vitest';
import { MANIFEST, runRuleTests } from '../rule-tester.js';

/** One view record on res.partner; the arch starts on line 7 (8 with an inherit_id line). */
const view = (arch: string, extra = ''): Record<string, string> => ({
  '__manifest__.py': MANIFEST('"data": ["views.xml"]'),
  'views.xml': `<?xml version="1.0" encoding="utf-8"?>\n<odoo>\n    <record id="v" model="ir.ui.view">\n        <field name="name">v</field>\n        <field name="model">res.partner</field>\n${extra}        <field name="arch" type="xml">\n${arch}        </field>\n    </record>\n</odoo>\n`,
});
const INHERIT = '        <field name="inherit_id" ref="base.view_partner_form"/>\n';

describe('view-col-integer', () => {
  runRuleTests('view-col-integer', {
    valid: [
      { name: 'digits', files: view('<form>\n<group col="4">\n<field name="name" colspan="2"/>\n</group>\n</form>\n') },
    ],
    invalid: [
      { name: 'col in words', files: view('<form>\n<group col="two">\n<field name="name"/>\n</group>\n</form>\n'), errors: [{ messageId: 'notInteger', line: 8, column: 1, data: { attr: 'col', value: 'two' } }] },
      { name: 'inserted colspan with a sign', files: view('<field name="name" position="after">\n<field name="email" colspan="-1"/>\n</field>\n', INHERIT), errors: [{ messageId: 'notInteger', line: 9, column: 1 }] },
    ],
  });
});
