import { describe } from 'vitest';
import { MANIFEST, runRuleTests } from '../rule-tester.js';

/** One view record on res.partner; the arch starts on line 7 (8 with an inherit_id line). */
const view = (arch: string, extra = ''): Record<string, string> => ({
  '__manifest__.py': MANIFEST('"data": ["views.xml"]'),
  'views.xml': `<?xml version="1.0" encoding="utf-8"?>\n<odoo>\n    <record id="v" model="ir.ui.view">\n        <field name="name">v</field>\n        <field name="model">res.partner</field>\n${extra}        <field name="arch" type="xml">\n${arch}        </field>\n    </record>\n</odoo>\n`,
});
const INHERIT = '        <field name="inherit_id" ref="base.view_partner_form"/>\n';

describe('view-expression-field-missing', () => {
  runRuleTests('view-expression-field-missing', {
    valid: [
      { name: 'variables are fields of the view', files: view('<tree decoration-muted="not active" decoration-info="type == \'contact\'">\n<field name="active" invisible="1"/>\n<field name="type"/>\n<field name="parent_id" context="{\'default_type\': type}" domain="[(\'type\', \'=\', type)]"/>\n</tree>\n') },
      { name: 'ignored names, strings and xml id placeholders', files: view('<form>\n<field name="user_id" context="{\'uid\': uid, \'today\': context_today().strftime(\'%Y\'), \'x\': \'state\'}" domain="[(\'groups_id\', \'in\', %(base.group_user)d)]"/>\n</form>\n') },
      { name: 'parent.x is a field of the parent view', files: view('<form>\n<field name="active" invisible="1"/>\n<field name="child_ids">\n<tree>\n<field name="name" attrs="{\'readonly\': parent.active}"/>\n</tree>\n</field>\n</form>\n') },
      { name: 'extension: fields may be in the parent', files: view('<field name="name" position="after">\n<field name="parent_id" context="{\'default_type\': type}"/>\n</field>\n', INHERIT) },
    ],
    invalid: [
      { name: 'decoration on a missing field', files: view('<tree decoration-danger="sync_stat == \'failed\'">\n<field name="name"/>\n</tree>\n'), errors: [{ messageId: 'missing', line: 7, column: 1, data: { attr: 'decoration-danger', name: 'sync_stat' } }] },
      { name: 'context variable not in the view', files: view('<form>\n<field name="parent_id" context="{\'default_type\': type}"/>\n</form>\n'), errors: [{ messageId: 'missing', line: 8, column: 1, data: { attr: 'context', name: 'type' } }] },
      { name: 'field domain variable not in the view', files: view('<form>\n<field name="parent_id" domain="[(\'type\', \'=\', type)]"/>\n</form>\n'), errors: [{ messageId: 'missing', line: 8, column: 1, data: { attr: 'domain', name: 'type' } }] },
      { name: 'dotted variable', files: view('<form>\n<field name="parent_id"/>\n<field name="child_ids" context="{\'default_parent_id\': parent_id.id}"/>\n</form>\n'), errors: [{ messageId: 'composed', line: 9, column: 1, data: { attr: 'context', name: 'parent_id.id' } }] },
      { name: 'parent.x missing from the parent view', files: view('<form>\n<field name="child_ids">\n<tree>\n<field name="name" attrs="{\'readonly\': parent.active}"/>\n</tree>\n</field>\n</form>\n'), errors: [{ messageId: 'missing', line: 10, column: 1, data: { attr: 'attrs', name: 'active' } }] },
      { name: 'sub-view variable only in the parent view', files: view('<form>\n<field name="type"/>\n<field name="child_ids">\n<tree decoration-info="type == \'contact\'">\n<field name="name"/>\n</tree>\n</field>\n</form>\n'), errors: [{ messageId: 'missing', line: 10, column: 1, data: { attr: 'decoration-info', name: 'type' } }] },
    ],
  });
});
