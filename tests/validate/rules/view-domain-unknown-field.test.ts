import { describe } from 'vitest';
import { MANIFEST, runRuleTests } from '../rule-tester.js';

/** One view record on res.partner; the arch starts on line 7 (8 with an inherit_id line). */
const view = (arch: string, extra = ''): Record<string, string> => ({
  '__manifest__.py': MANIFEST('"data": ["views.xml"]'),
  'views.xml': `<?xml version="1.0" encoding="utf-8"?>\n<odoo>\n    <record id="v" model="ir.ui.view">\n        <field name="name">v</field>\n        <field name="model">res.partner</field>\n${extra}        <field name="arch" type="xml">\n${arch}        </field>\n    </record>\n</odoo>\n`,
});
const INHERIT = '        <field name="inherit_id" ref="base.view_partner_form"/>\n';

describe('view-domain-unknown-field', () => {
  runRuleTests('view-domain-unknown-field', {
    valid: [
      { name: 'known paths', files: view('<form>\n<field name="parent_id" domain="[(\'is_company\', \'=\', True), (\'country_id.code\', \'=\', \'BE\')]"/>\n</form>\n') },
      { name: 'search filters and group_by with a granularity', files: view('<search>\n<field name="name"/>\n<filter name="c" domain="[(\'is_company\', \'=\', True)]"/>\n<filter name="g" context="{\'group_by\': \'create_date:month\'}"/>\n</search>\n') },
      { name: 'unknown model stays silent', files: { '__manifest__.py': MANIFEST('"data": ["views.xml"]'), 'views.xml': '<odoo>\n<record id="v" model="ir.ui.view">\n<field name="model">nowhere.thing</field>\n<field name="arch" type="xml">\n<search><filter name="c" domain="[(\'x\', \'=\', 1)]"/></search>\n</field>\n</record>\n</odoo>\n' } },
    ],
    invalid: [
      { name: 'field domain on the comodel', files: view('<form>\n<field name="parent_id" domain="[(\'nonexistent\', \'=\', 1)]"/>\n</form>\n'), errors: [{ messageId: 'domain', line: 8, column: 1, data: { tag: 'field', path: 'nonexistent', model: 'res.partner', field: 'nonexistent' } }] },
      { name: 'path through a comodel', files: view('<form>\n<field name="parent_id" domain="[(\'country_id.nope\', \'=\', 1)]"/>\n</form>\n'), errors: [{ messageId: 'domain', line: 8, column: 1, data: { tag: 'field', path: 'country_id.nope', model: 'res.country', field: 'nope' } }] },
      { name: 'filter domain', files: view('<search>\n<field name="name"/>\n<filter name="c" domain="[(\'is_companyy\', \'=\', True)]"/>\n</search>\n'), errors: [{ messageId: 'domain', line: 9, column: 1 }] },
      { name: 'group_by of an unknown field', files: view('<search>\n<field name="name"/>\n<filter name="g" context="{\'group_by\': \'countryy_id\'}"/>\n</search>\n'), errors: [{ messageId: 'groupBy', line: 9, column: 1, data: { value: 'countryy_id', field: 'countryy_id', model: 'res.partner' } }] },
      { name: 'group_by not a string', files: view('<search>\n<field name="name"/>\n<filter name="g" context="{\'group_by\': country_id}"/>\n</search>\n'), errors: [{ messageId: 'groupByNotString', line: 9, column: 1, data: { value: 'country_id' } }] },
      { name: 'filter inserted by an extension', files: view('<filter name="type_company" position="after">\n<filter name="g" context="{\'group_by\': \'countryy_id\'}"/>\n</filter>\n', '        <field name="inherit_id" ref="base.view_res_partner_filter"/>\n'), errors: [{ messageId: 'groupBy', line: 9, column: 1 }] },
    ],
  });
});
