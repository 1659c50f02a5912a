import { describe } from 'vitest';
import { MANIFEST, runRuleTests } from '../rule-tester.js';

const view = (attrs: string): string => `<odoo>\n  <record id="v" model="ir.ui.view">\n    <field name="model">res.partner</field>\n    <field name="arch" type="xml">\n      <form><field name="name" ${attrs}/></form>\n    </field>\n  </record>\n</odoo>\n`;
const inherit = (ref: string): string => `<odoo>\n  <record id="v" model="ir.ui.view">\n    <field name="model">sale.order</field>\n    <field name="inherit_id" ref="${ref}"/>\n    <field name="arch" type="xml">\n      <field name="name" position="after"/>\n    </field>\n  </record>\n</odoo>\n`;
const files = (depends: string, xml: string): Record<string, string> => ({ '__manifest__.py': MANIFEST('"data": ["a.xml"]', depends), 'a.xml': xml });

describe('xml-ref-undeclared-depend', () => {
  runRuleTests('xml-ref-undeclared-depend', {
    valid: [
      { name: 'direct dependency', files: files('"sale"', inherit('sale.view_order_form')) },
      { name: 'dependency of a dependency (sale -> product)', files: files('"sale"', view('groups="product.group_product_variant"')) },
      { name: 'base is always there', files: files('"mail"', view('groups="base.group_system"')) },
      { name: 'own ids with the module prefix', files: { '__manifest__.py': MANIFEST('"data": ["a.xml"]'), 'a.xml': '<odoo>\n  <record id="g" model="res.groups"><field name="name">G</field></record>\n  <record id="h" model="res.groups"><field name="implied_ids" eval="[(4, ref(\'my_addon.g\'))]"/></record>\n</odoo>\n' } },
      { name: 'auto_install module the dependencies bring (sale_stock with sale and stock)', files: files('"sale", "stock"', inherit('sale_stock.view_order_form_inherit_sale_stock')) },
      { name: 'unknown dependency: the closure cannot be followed', files: files('"nowhere"', inherit('sale.view_order_form')) },
    ],
    invalid: [
      { name: 'inherit_id of a module not depended on', files: files('"mail"', inherit('sale.view_order_form')), errors: [{ messageId: 'undeclared', line: 4, column: 5, data: { ref: 'sale.view_order_form', module: 'sale' } }] },
      { name: 'groups in an arch', files: files('"base"', view('groups="sales_team.group_sale_manager"')), errors: [{ messageId: 'undeclared', line: 5, column: 13, data: { ref: 'sales_team.group_sale_manager', module: 'sales_team' } }] },
      {
        name: 'group of an access CSV row',
        files: {
          '__manifest__.py': MANIFEST('"data": ["security/ir.model.access.csv"]'),
          'security/ir.model.access.csv': 'id,name,model_id:id,group_id:id,perm_read,perm_write,perm_create,perm_unlink\naccess_x,x,base.model_res_partner,stock.group_stock_user,1,0,0,0\n',
        },
        errors: [{ messageId: 'undeclared', file: 'security/ir.model.access.csv', line: 2, column: 1, data: { ref: 'stock.group_stock_user', module: 'stock' } }],
      },
    ],
  });
});
