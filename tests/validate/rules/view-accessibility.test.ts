import { describe } from 'vitest';
import { MANIFEST, runRuleTests } from '../rule-tester.js';

/** One view record on res.partner; the arch starts on line 7 (8 with an inherit_id line). */
const view = (arch: string, extra = ''): Record<string, string> => ({
  '__manifest__.py': MANIFEST('"data": ["views.xml"]'),
  'views.xml': `<?xml version="1.0" encoding="utf-8"?>\n<odoo>\n    <record id="v" model="ir.ui.view">\n        <field name="name">v</field>\n        <field name="model">res.partner</field>\n${extra}        <field name="arch" type="xml">\n${arch}        </field>\n    </record>\n</odoo>\n`,
});
const INHERIT = '        <field name="inherit_id" ref="base.view_partner_form"/>\n';

describe('view-accessibility', () => {
  runRuleTests('view-accessibility', {
    valid: [
      { name: 'described icons', files: view('<form>\n<i class="fa fa-warning" title="Warning"/>\n<div title="x"><i class="fa fa-x"/></div>\n<span class="fa fa-y"> </span>\n<div>Text <i class="fa fa-z"/></div>\n<button name="a" type="object" icon="fa-refresh" string="Refresh"/>\n<field name="name"/>\n</form>\n') },
      { name: 'img with alt, a.btn with role, roles', files: view('<form>\n<img src="/x.png" alt="X"/>\n<a class="btn btn-link" role="button" href="#">Help</a>\n<div class="dropdown-menu" role="menu"/>\n<div class="alert alert-info" role="alert">x</div>\n<field name="name"/>\n</form>\n') },
    ],
    invalid: [
      { name: 'fa icon without title', files: view('<form>\n<i class="fa fa-warning"/><strong>x</strong>\n</form>\n'), errors: [{ messageId: 'faTitle', line: 8, column: 1 }] },
      { name: 'icon button without string or title', files: view('<form>\n<button name="a" type="object" icon="fa-refresh"/>\n</form>\n'), errors: [{ messageId: 'faTitle', line: 8, column: 1 }] },
      { name: 'img without alt', files: view('<form>\n<img src="/x.png"/>\n</form>\n'), errors: [{ messageId: 'imgAlt', line: 8, column: 1 }] },
      { name: 'a.btn without role', files: view('<form>\n<a class="btn btn-link" href="#">Help</a>\n</form>\n'), errors: [{ messageId: 'aBtnRole', line: 8, column: 1 }] },
      { name: 'group instead of groups, role none, alert without role', files: view('<form>\n<field name="name" group="base.group_user"/>\n<div role="none">x</div>\n<div class="alert alert-info">x</div>\n</form>\n'), errors: [{ messageId: 'groupAttr', line: 8, column: 1 }, { messageId: 'roleNone', line: 9, column: 1 }, { messageId: 'classRole', line: 10, column: 1 }] },
      { name: 'inserted by an extension', files: view('<field name="name" position="after">\n<img src="/x.png"/>\n</field>\n', INHERIT), errors: [{ messageId: 'imgAlt', line: 9, column: 1 }] },
    ],
  });
});
