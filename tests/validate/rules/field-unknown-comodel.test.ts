import { describe } from 'vitest';
import { MANIFEST, runRuleTests } from '../rule-tester.js';

const model = (body: string): string => `from odoo import fields, models\n\n\nclass P(models.Model):\n    _name = "x.p"\n    _description = "P"\n\n${body}`;

describe('field-unknown-comodel', () => {
  runRuleTests('field-unknown-comodel', {
    valid: [
      { name: 'core comodel', files: { '__manifest__.py': MANIFEST(), '__init__.py': 'from . import m\n', 'm.py': model('    partner_id = fields.Many2one("res.partner")\n') } },
      { name: 'own model, comodel_name keyword', files: { '__manifest__.py': MANIFEST(), '__init__.py': 'from . import m\n', 'm.py': model('    p_ids = fields.Many2many(comodel_name="x.p")\n') } },
      { name: 'unknown dependency stays silent', files: { '__manifest__.py': MANIFEST('', '"nowhere"'), '__init__.py': 'from . import m\n', 'm.py': model('    o_id = fields.Many2one("x.nope")\n') } },
      { name: 'comodel not a literal stays silent', files: { '__manifest__.py': MANIFEST(), '__init__.py': 'from . import m\n', 'm.py': model('    o_id = fields.Many2one(MODEL)\n') } },
    ],
    invalid: [
      {
        name: 'model of an addon not in depends',
        files: { '__manifest__.py': MANIFEST(), '__init__.py': 'from . import m\n', 'm.py': model('    order_id = fields.Many2one("sale.order")\n') },
        errors: [{ messageId: 'unknownComodel', line: 8, column: 32, data: { field: 'order_id', comodel: 'sale.order' } }],
      },
      {
        name: 'One2many on a misspelt model',
        files: { '__manifest__.py': MANIFEST(), '__init__.py': 'from . import m\n', 'm.py': model('    line_ids = fields.One2many(comodel_name="x.pline", inverse_name="p_id")\n') },
        errors: [{ messageId: 'unknownComodel', line: 8, column: 45, data: { field: 'line_ids', comodel: 'x.pline' } }],
      },
    ],
  });
});
