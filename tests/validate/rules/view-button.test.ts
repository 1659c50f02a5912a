import { describe } from 'vitest';
import { MANIFEST, runRuleTests } from '../rule-tester.js';

/** One view record on res.partner; the arch starts on line 7 (8 with an inherit_id line). */
const view = (arch: string, extra = ''): Record<string, string> => ({
  '__manifest__.py': MANIFEST('"data": ["views.xml"]'),
  'views.xml': `<?xml version="1.0" encoding="utf-8"?>\n<odoo>\n    <record id="v" model="ir.ui.view">\n        <field name="name">v</field>\n        <field name="model">res.partner</field>\n${extra}        <field name="arch" type="xml">\n${arch}        </field>\n    </record>\n</odoo>\n`,
});
const INHERIT = '        <field name="inherit_id" ref="base.view_partner_form"/>\n';

const withAction = (button: string): Record<string, string> => ({
  '__manifest__.py': MANIFEST('"data": ["views.xml"]'),
  'views.xml': `<odoo>\n<record id="act" model="ir.actions.act_window">\n<field name="name">A</field>\n<field name="res_model">res.partner</field>\n</record>\n<record id="v" model="ir.ui.view">\n<field name="model">res.partner</field>\n<field name="arch" type="xml">\n<form>\n${button}\n</form>\n</field>\n</record>\n</odoo>\n`,
});

describe('view-button', () => {
  runRuleTests('view-button', {
    valid: [
      { name: 'public method and special buttons', files: view('<form>\n<button name="action_archive" type="object" string="A"/>\n<button special="cancel" string="C"/>\n</form>\n') },
      { name: 'action defined before, by xml id or placeholder', files: withAction('<button name="my_addon.act" type="action"/>\n<button name="%(act)d" type="action"/>') },
      { name: 'action of an unknown module stays silent', files: view('<form>\n<button name="nowhere.act" type="action"/>\n</form>\n') },
    ],
    invalid: [
      { name: 'private method', files: view('<form>\n<button name="_compute_x" type="object"/>\n</form>\n'), errors: [{ messageId: 'private', line: 8, column: 1, data: { name: '_compute_x', model: 'res.partner' } }] },
      { name: 'ORM method with parameters', files: view('<form>\n<button name="write" type="object"/>\n</form>\n'), errors: [{ messageId: 'params', line: 8, column: 1, data: { name: 'write', model: 'res.partner' } }] },
      { name: 'unknown action xml id', files: withAction('<button name="my_addon.nope_action" type="action"/>'), errors: [{ messageId: 'unknownAction', line: 10, column: 1, data: { name: 'my_addon.nope_action' } }] },
      { name: 'action without module', files: withAction('<button name="act" type="action"/>'), errors: [{ messageId: 'unknownAction', line: 10, column: 1 }] },
    ],
  });
});
