import { describe } from 'vitest';
import { MANIFEST, runRuleTests } from '../rule-tester.js';

/** One view record on res.partner; the arch starts on line 7 (8 with an inherit_id line). */
const view = (arch: string, extra = ''): Record<string, string> => ({
  '__manifest__.py': MANIFEST('"data": ["views.xml"]'),
  'views.xml': `<?xml version="1.0" encoding="utf-8"?>\n<odoo>\n    <record id="v" model="ir.ui.view">\n        <field name="name">v</field>\n        <field name="model">res.partner</field>\n${extra}        <field name="arch" type="xml">\n${arch}        </field>\n    </record>\n</odoo>\n`,
});
const INHERIT = '        <field name="inherit_id" ref="base.view_partner_form"/>\n';

describe('view-label-for', () => {
  runRuleTests('view-label-for', {
    valid: [
      { name: 'label for a field of the view', files: view('<form>\n<label for="name"/>\n<field name="name"/>\n</form>\n') },
      { name: 'label for a field id and a button', files: view('<form>\n<label for="n2"/>\n<field name="name" id="n2"/>\n<label for="do_it"/>\n<button name="do_it" type="object" string="Do"/>\n</form>\n') },
      { name: 'extension: the field may be in the parent', files: view('<field name="name" position="after">\n<label for="email"/>\n</field>\n', INHERIT) },
    ],
    invalid: [
      { name: 'label without for', files: view('<form>\n<label string="Name"/>\n<field name="name"/>\n</form>\n'), errors: [{ messageId: 'noFor', line: 8, column: 1 }] },
      { name: 'for names nothing', files: view('<form>\n<label for="nope"/>\n<field name="name"/>\n</form>\n'), errors: [{ messageId: 'unknown', line: 8, column: 1, data: { name: 'nope' } }] },
      { name: 'for names a field of a sub-view only', files: view('<form>\n<label for="name"/>\n<field name="child_ids">\n<tree>\n<field name="name"/>\n</tree>\n</field>\n</form>\n'), errors: [{ messageId: 'unknown', line: 8, column: 1 }] },
      { name: 'extension inserts a label without for', files: view('<field name="name" position="after">\n<label string="x"/>\n</field>\n', INHERIT), errors: [{ messageId: 'noFor', line: 9, column: 1 }] },
    ],
  });
});
