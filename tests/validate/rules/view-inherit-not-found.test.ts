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

/** An extension of a core view (record `e`, specs from line 4), depending on `depends`; `more` records after it. */
const onCore = (parent: string, specs: string, depends = '"base"', more = ''): Record<string, string> => ({
  '__manifest__.py': MANIFEST('"data": ["views.xml"]', depends),
  'views.xml': `<odoo>\n<record id="e" model="ir.ui.view">\n<field name="inherit_id" ref="${parent}"/><field name="arch" type="xml">\n${specs}\n</field>\n</record>\n${more}</odoo>\n`,
});

/** An addon read this run that adds `<page name="extra">` to the partner form. */
const EXT = { ext: { '__manifest__.py': MANIFEST('"data": ["v.xml"]'), 'v.xml': '<odoo>\n<record id="x" model="ir.ui.view">\n<field name="model">res.partner</field><field name="inherit_id" ref="base.view_partner_form"/><field name="arch" type="xml">\n<notebook position="inside"><page name="extra"/></notebook>\n</field>\n</record>\n</odoo>\n' } };

describe('view-inherit-not-found', () => {
  runRuleTests('view-inherit-not-found', {
    valid: [
      { name: 'locators that match', files: views(`<xpath expr="//group[@name='main']" position="inside"><field name="email"/></xpath>\n<field name="name" position="after"><field name="phone"/></field>\n<group name="main" position="attributes"><attribute name="string">M</attribute></group>\n<xpath expr="/form/sheet" position="inside"><group name="x"/></xpath>\n<xpath expr="//form" position="inside"><field name="vat"/></xpath>`) },
      { name: 'node added by another extension', files: views(`<xpath expr="//group[@name='extra']" position="inside"><field name="email"/></xpath>`, '<record id="e2" model="ir.ui.view">\n<field name="model">res.partner</field><field name="inherit_id" ref="f"/><field name="arch" type="xml">\n<sheet position="inside"><group name="extra"/></sheet>\n</field>\n</record>\n') },
      { name: 'locators that match a core view', files: onCore('base.view_partner_form', `<field name="vat" position="after"><field name="ref"/></field>\n<xpath expr="//page[@name='internal_notes']" position="inside"><field name="email"/></xpath>\n<xpath expr="//group[@name='misc']/field[@name='company_id']" position="after"><field name="color"/></xpath>`) },
      { name: 'a node a core extension of an installed addon adds', files: onCore('base.view_partner_form', `<xpath expr="//page[@name='connector']" position="inside"><field name="email"/></xpath>`, '"connector"') },
      { name: 'a node an addon read this run adds', files: onCore('base.view_partner_form', `<xpath expr="//page[@name='extra']" position="inside"><field name="email"/></xpath>`, '"ext"'), others: EXT },
      { name: 'an own extension of an own extension of a core view', files: onCore('base.view_partner_form', '<notebook position="inside"><page name="mine"/></notebook>', '"base"', '<record id="e2" model="ir.ui.view">\n<field name="inherit_id" ref="e"/><field name="arch" type="xml">\n<page name="mine" position="inside"><field name="email"/></page>\n</field>\n</record>\n') },
      { name: 'an action ref in a core arch, qualified in the locator', files: onCore('base.res_lang_tree', `<xpath expr="//button[@name='%(base.action_view_base_language_install)d']" position="attributes"><attribute name="string">Go</attribute></xpath>`) },
      { name: 'a locator naming an attribute left out of core arches stays silent', files: onCore('base.view_partner_form', `<xpath expr="//field[@context='nope']" position="after"><field name="email"/></xpath>`) },
      { name: 'an unknown dependency stays silent', files: onCore('base.view_partner_form', `<xpath expr="//page[@name='nope']" position="inside"><field name="email"/></xpath>`, '"base", "nope_addon"') },
      { name: 'predicates joined by and stay silent', files: onCore('base.view_partner_form', `<xpath expr="//page[@name='nope' and @string='x']" position="inside"><field name="email"/></xpath>`) },
      { name: 'a view of an unknown module stays silent', files: onCore('nope_addon.view_form', `<xpath expr="//page[@name='nope']" position="inside"><field name="email"/></xpath>`) },
      { name: 'xpath beyond the simple forms stays silent', files: views(`<xpath expr="//group[hasclass('nope')]" position="inside"><field name="email"/></xpath>`) },
    ],
    invalid: [
      { name: 'xpath to a node a core view lacks', files: onCore('base.view_partner_form', `<xpath expr="//page[@name='nope']" position="inside"><field name="email"/></xpath>`), errors: [{ messageId: 'notFound', line: 4, column: 1, data: { spec: `<xpath expr="//page[@name='nope']">`, parent: 'base.view_partner_form' } }] },
      { name: 'a node only an addon not installed adds (connector)', files: onCore('base.view_partner_form', `<xpath expr="//page[@name='connector']" position="inside"><field name="email"/></xpath>`), errors: [{ messageId: 'notFound', line: 4, column: 1 }] },
      { name: 'a field locator missing from a core view and an addon read this run', files: onCore('base.view_partner_form', '<field name="nope" position="after"><field name="email"/></field>', '"ext"'), others: EXT, errors: [{ messageId: 'notFound', line: 4, column: 1 }] },
      { name: 'an own extension of an own extension of a core view, to a node nobody adds', files: onCore('base.view_partner_form', '<notebook position="inside"><page name="mine"/></notebook>', '"base"', '<record id="e2" model="ir.ui.view">\n<field name="inherit_id" ref="e"/><field name="arch" type="xml">\n<page name="yours" position="inside"><field name="email"/></page>\n</field>\n</record>\n'), errors: [{ messageId: 'notFound', line: 9, column: 1, data: { spec: '<page name="yours">', parent: 'e' } }] },
      { name: 'an action ref of the own module is another node', files: onCore('base.res_lang_tree', `<xpath expr="//button[@name='%(action_view_base_language_install)d']" position="attributes"><attribute name="string">Go</attribute></xpath>`), errors: [{ messageId: 'notFound', line: 4, column: 1 }] },
      { name: 'xpath to a missing group', files: views(`<xpath expr="//group[@name='nope']" position="inside"><field name="email"/></xpath>`), errors: [{ messageId: 'notFound', line: 14, column: 1, data: { spec: `<xpath expr="//group[@name='nope']">`, parent: 'my_addon.f' } }] },
      { name: 'field locator of a missing field, in a multi-spec arch', files: views(`<field name="name" position="after"><field name="phone"/></field>\n<field name="nope" position="after"><field name="email"/></field>`), errors: [{ messageId: 'notFound', line: 15, column: 1 }] },
      { name: 'tag locator whose attributes differ, through a chain', files: views('<group name="main" position="inside"><field name="email"/></group>', '<record id="e3" model="ir.ui.view">\n<field name="model">res.partner</field><field name="inherit_id" ref="e"/><field name="arch" type="xml">\n<group name="other" position="after"><field name="vat"/></group>\n</field>\n</record>\n'), errors: [{ messageId: "notFound", line: 19, column: 1, data: { spec: "<group name=\"other\">", parent: "e" } }] },
    ],
  });
});
