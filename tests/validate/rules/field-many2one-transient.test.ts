import { describe } from 'vitest';
import { MANIFEST, runRuleTests } from '../rule-tester.js';

const WIZARD = 'class W(models.TransientModel):\n    _name = "x.wizard"\n    _description = "W"\n\n    p_id = fields.Many2one("x.p")\n';
const addon = (pBase: string, field: string): Record<string, string> => ({
  '__manifest__.py': MANIFEST(),
  '__init__.py': 'from . import m\n',
  'm.py': `from odoo import fields, models\n\n\n${WIZARD}\n\nclass P(${pBase}):\n    _name = "x.p"\n    _description = "P"\n\n    ${field}\n`,
});

describe('field-many2one-transient', () => {
  runRuleTests('field-many2one-transient', {
    valid: [
      { name: 'a wizard pointing at a model', files: addon('models.Model', 'partner_id = fields.Many2one("res.partner")') },
      { name: 'a computed field is not stored', files: addon('models.Model', 'wizard_id = fields.Many2one("x.wizard", compute="_compute_wizard")') },
      { name: 'an abstract model has no table', files: addon('models.AbstractModel', 'wizard_id = fields.Many2one("x.wizard")') },
      { name: 'a transient model pointing at a transient model', files: addon('models.TransientModel', 'wizard_id = fields.Many2one("x.wizard")') },
    ],
    invalid: [
      {
        name: 'a model pointing at a wizard',
        files: addon('models.Model', 'wizard_id = fields.Many2one("x.wizard")'),
        errors: [{ messageId: 'toTransient', line: 15, column: 33, data: { field: 'wizard_id', model: 'x.p', comodel: 'x.wizard' } }],
      },
      {
        name: 'a stored computed field pointing at a wizard',
        files: addon('models.Model', 'wizard_id = fields.Many2one(comodel_name="x.wizard", compute="_c", store=True)'),
        errors: [{ messageId: 'toTransient', line: 15, column: 46, data: { field: 'wizard_id', model: 'x.p', comodel: 'x.wizard' } }],
      },
    ],
  });
});
