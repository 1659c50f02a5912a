import { describe } from 'vitest';
import { MANIFEST, runRuleTests } from '../rule-tester.js';

/** A form of the addon (record `f`) and an extension of it (record `e`, specs from line 14). */
const views = (specs: string, more = ''): Record<string, string> => ({
  '__manifest__.py': MANIFEST('"data": ["views.xml"]'),
  'views.xml': `<odoo>
<record id="f" model="ir.ui.view">
<field name="model">res.partner</field>
<field name="arch" type="xml">
<form>
<sheet>
<group name="main"><field name="name"/></group>
</sheet>
</form>
</field>
</record>
<record id="e" model="ir.ui.view">
<field name="model">res.partner</field><field name="inherit_id" ref="my_addon.f"/><field name="arch" type="xml">
${specs}
</field>
</record>
${more}</odoo>
`,
});

describe('view-inherit-not-found', () => {
  runRuleTests('view-inherit-not-found', {
    valid: [
      { name: 'locators that match', files: views(`<xpath expr="//group[@name='main']" position="inside"><field name="email"/></xpath>\n<field name="name" position="after"><field name="phone"/></field>\n<group name="main" position="attributes"><attribute name="string">M</attribute></group>\n<xpath expr="/form/sheet" position="inside"><group name="x"/></xpath>\n<xpath expr="//form" position="inside"><field name="vat"/></xpath>`) },
      { name: 'node added by another extension', files: views(`<xpath expr="//group[@name='extra']" position="inside"><field name="email"/></xpath>`, '<record id="e2" model="ir.ui.view">\n<field name="model">res.partner</field><field name="inherit_id" ref="f"/><field name="arch" type="xml">\n<sheet position="inside"><group name="extra"/></sheet>\n</field>\n</record>\n') },
      { name: 'parent of another module stays silent', files: { '__manifest__.py': MANIFEST('"data": ["views.xml"]'), 'views.xml': '<odoo>\n<record id="e" model="ir.ui.view">\n<field name="model">res.partner</field><field name="inherit_id" ref="base.view_partner_form"/><field name="arch" type="xml">\n<xpath expr="//group[@name=\'nope\']" position="inside"><field name="email"/></xpath>\n</field>\n</record>\n</odoo>\n' } },
      { name: 'xpath beyond the simple forms stays silent', files: views(`<xpath expr="//group[hasclass('nope')]" position="inside"><field name="email"/></xpath>`) },
    ],
    invalid: [
      { name: 'xpath to a missing group', files: views(`<xpath expr="//group[@name='nope']" position="inside"><field name="email"/></xpath>`), errors: [{ messageId: 'notFound', line: 14, column: 1, data: { spec: `<xpath expr="//group[@name='nope']">`, parent: 'my_addon.f' } }] },
      { name: 'field locator of a missing field, in a multi-spec arch', files: views(`<field name="name" position="after"><field name="phone"/></field>\n<field name="nope" position="after"><field name="email"/></field>`), errors: [{ messageId: 'notFound', line: 15, column: 1 }] },
      { name: 'tag locator whose attributes differ, through a chain', files: views('<group name="main" position="inside"><field name="email"/></group>', '<record id="e3" model="ir.ui.view">\n<field name="model">res.partner</field><field name="inherit_id" ref="e"/><field name="arch" type="xml">\n<group name="other" position="after"><field name="vat"/></group>\n</field>\n</record>\n'), errors: [{ messageId: "notFound", line: 19, column: 1, data: { spec: "<group name=\"other\">", parent: "e" } }] },
    ],
  });
});
