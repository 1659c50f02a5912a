import { describe } from 'vitest';
import { MANIFEST, runRuleTests } from '../rule-tester.js';

const data = (records: string, depends = '"base"'): Record<string, string> => ({
  '__manifest__.py': MANIFEST('"data": ["views.xml"]', depends),
  'views.xml': `<?xml version="1.0" encoding="utf-8"?>\n<odoo>\n${records}</odoo>\n`,
});
const view = (model: string): string => `    <record id="v" model="ir.ui.view">\n        <field name="name">v</field>\n        <field name="model">${model}</field>\n        <field name="arch" type="xml"><form><field name="name"/></form></field>\n    </record>\n`;
const action = (model: string): string => `    <record id="a" model="ir.actions.act_window">\n        <field name="name">A</field>\n        <field name="res_model">${model}</field>\n    </record>\n`;

describe('view-unknown-model', () => {
  runRuleTests('view-unknown-model', {
    valid: [
      { name: 'view and action on a core model', files: data(view('res.partner') + action('res.partner')) },
      { name: 'qweb view without a model', files: data('    <record id="t" model="ir.ui.view">\n        <field name="name">t</field>\n        <field name="type">qweb</field>\n        <field name="arch" type="xml"><t t-name="t"/></field>\n    </record>\n') },
      { name: 'unknown dependency stays silent', files: data(action('x.nope'), '"nowhere"') },
    ],
    invalid: [
      {
        name: 'view on a model of an addon not in depends',
        files: data(view('sale.order')),
        errors: [{ messageId: 'unknownModel', line: 5, column: 9, data: { what: 'View', id: 'v', model: 'sale.order', odoo: 'Model not found: sale.order' } }],
      },
      {
        name: 'action on a misspelt model',
        files: data(action('res.partnr')),
        errors: [{ messageId: 'unknownModel', line: 5, column: 9, data: { what: 'Action', id: 'a', model: 'res.partnr', odoo: "Invalid model name 'res.partnr' in action definition." } }],
      },
    ],
  });
});
