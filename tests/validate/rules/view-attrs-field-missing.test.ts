import { describe } from 'vitest';
import { MANIFEST, runRuleTests } from '../rule-tester.js';

const view = (arch: string, extra = ''): Record<string, string> => ({
  '__manifest__.py': MANIFEST('"data": ["views.xml"]'),
  'views.xml': `<?xml version="1.0" encoding="utf-8"?>\n<odoo>\n    <record id="v" model="ir.ui.view">\n        <field name="name">v</field>\n        <field name="model">res.partner</field>\n${extra}        <field name="arch" type="xml">\n${arch}        </field>\n    </record>\n</odoo>\n`,
});

describe('view-attrs-field-missing', () => {
  runRuleTests('view-attrs-field-missing', {
    valid: [
      { name: 'field in the view', files: view('            <form>\n                <field name="active" invisible="1"/>\n                <field name="name" attrs="{\'readonly\': [(\'active\', \'=\', False)]}"/>\n            </form>\n') },
      { name: 'both restricted by groups', files: view('            <form>\n                <group groups="base.group_system">\n                    <field name="active" invisible="1"/>\n                    <field name="name" attrs="{\'readonly\': [(\'active\', \'=\', False)]}"/>\n                </group>\n            </form>\n') },
      { name: 'g and !g occurrences together cover everyone', files: view('            <form>\n                <field name="active" groups="base.group_system"/>\n                <field name="active" invisible="1" groups="!base.group_system"/>\n                <field name="name" attrs="{\'readonly\': [(\'active\', \'=\', False)]}"/>\n            </form>\n') },
      { name: 'a tuple of values is not a leaf', files: view('            <form>\n                <field name="type"/>\n                <field name="name" attrs="{\'readonly\': [(\'type\', \'in\', (\'contact\', \'other\'))]}"/>\n            </form>\n') },
      { name: 'inheriting view: the field may be in the parent', files: view('            <xpath expr="//field[@name=\'name\']" position="attributes">\n                <attribute name="attrs">{\'readonly\': [(\'active\', \'=\', False)]}</attribute>\n            </xpath>\n', '        <field name="inherit_id" ref="base.view_partner_form"/>\n') },
      { name: 'inline subview is its own view', files: view('            <form>\n                <field name="child_ids">\n                    <tree>\n                        <field name="type"/>\n                        <field name="name" attrs="{\'readonly\': [(\'type\', \'=\', \'contact\')]}"/>\n                    </tree>\n                </field>\n            </form>\n') },
    ],
    invalid: [
      {
        name: 'field only in attrs',
        files: view('            <form>\n                <field name="name" attrs="{\'readonly\': [(\'active\', \'=\', False)]}"/>\n            </form>\n'),
        errors: [{ messageId: 'missing', line: 8, column: 17, data: { field: 'active' } }],
      },
      {
        name: 'field only inside a groups-restricted element',
        files: view('            <tree>\n                <field name="active" groups="base.group_system"/>\n                <field name="name" attrs="{\'readonly\': [(\'active\', \'=\', False)]}"/>\n            </tree>\n'),
        errors: [{ messageId: 'restricted', line: 9, column: 17, data: { field: 'active' } }],
      },
    ],
  });
});
