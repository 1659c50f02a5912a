import { describe } from 'vitest';
import { MANIFEST, runRuleTests } from '../rule-tester.js';

/** One view record on res.partner; the arch starts on line 7 (8 with an inherit_id line). */
const view = (arch: string, extra = ''): Record<string, string> => ({
  '__manifest__.py': MANIFEST('"data": ["views.xml"]'),
  'views.xml': `<?xml version="1.0" encoding="utf-8"?>\n<odoo>\n    <record id="v" model="ir.ui.view">\n        <field name="name">v</field>\n        <field name="model">res.partner</field>\n${extra}        <field name="arch" type="xml">\n${arch}        </field>\n    </record>\n</odoo>\n`,
});
const INHERIT = '        <field name="inherit_id" ref="base.view_partner_form"/>\n';

describe('view-page-outside-notebook', () => {
  runRuleTests('view-page-outside-notebook', {
    valid: [
      { name: 'page in a notebook', files: view('<form>\n<notebook>\n<page name="p"><field name="name"/></page>\n</notebook>\n</form>\n') },
      { name: 'extension inserts a page inside a notebook', files: view('<xpath expr="//notebook" position="inside">\n<page name="p"/>\n</xpath>\n', INHERIT) },
      { name: 'extension inserts a page after a page', files: view('<page name="sales_purchases" position="after">\n<page name="p"/>\n</page>\n', INHERIT) },
    ],
    invalid: [
      { name: 'page in a sheet', files: view('<form>\n<sheet>\n<page name="p"/>\n</sheet>\n</form>\n'), errors: [{ messageId: 'outside', line: 9, column: 1, data: { parent: 'sheet' } }] },
      { name: 'extension inserts a page inside a page', files: view('<page name="sales_purchases" position="inside">\n<page name="p"/>\n</page>\n', INHERIT), errors: [{ messageId: 'outside', line: 9, column: 1, data: { parent: 'page' } }] },
    ],
  });
});
