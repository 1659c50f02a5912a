import { describe } from 'vitest';
import { MANIFEST, runRuleTests } from '../rule-tester.js';

/** One view record on res.partner; the arch starts on line 7 (8 with an inherit_id line). */
const view = (arch: string, extra = ''): Record<string, string> => ({
  '__manifest__.py': MANIFEST('"data": ["views.xml"]'),
  'views.xml': `<?xml version="1.0" encoding="utf-8"?>\n<odoo>\n    <record id="v" model="ir.ui.view">\n        <field name="name">v</field>\n        <field name="model">res.partner</field>\n${extra}        <field name="arch" type="xml">\n${arch}        </field>\n    </record>\n</odoo>\n`,
});
const INHERIT = '        <field name="inherit_id" ref="base.view_partner_form"/>\n';

describe('view-inherit-position', () => {
  runRuleTests('view-inherit-position', {
    valid: [
      { name: 'known positions', files: view('<data>\n<field name="name" position="after"><field name="email"/></field>\n<field name="email" position="attributes"><attribute name="required">1</attribute></field>\n<field name="phone" position="replace"/>\n<xpath expr="//sheet" position="inside"><field name="mobile" position="move"/></xpath>\n</data>\n', INHERIT) },
      { name: 'no position means inside', files: view('<xpath expr="//sheet">\n<field name="mobile"/>\n</xpath>\n', INHERIT) },
    ],
    invalid: [
      { name: 'within', files: view('<field name="name" position="within">\n<field name="email"/>\n</field>\n', INHERIT), errors: [{ messageId: 'position', line: 8, column: 1, data: { position: 'within' } }] },
      { name: 'arch of several specs without <data>', files: view('<field name="name" position="after"><field name="email"/></field>\n<field name="email" position="within"><field name="phone"/></field>\n', INHERIT), errors: [{ messageId: 'position', line: 9, column: 1 }] },
      { name: 'move at top level', files: view('<data>\n<field name="name" position="move"/>\n</data>\n', INHERIT), errors: [{ messageId: 'position', line: 9, column: 1 }] },
    ],
  });
});
