import { describe } from 'vitest';
import { MANIFEST, runRuleTests } from '../rule-tester.js';

const addon = (field: string): Record<string, string> => ({
  '__manifest__.py': MANIFEST(),
  '__init__.py': 'from . import m\n',
  'm.py': `from odoo import fields, models\n\n\nclass P(models.Model):\n    _name = "x.p"\n    _description = "P"\n\n    ${field}\n`,
});

describe('field-ondelete-invalid', () => {
  runRuleTests('field-ondelete-invalid', {
    valid: [
      { name: 'a Many2many with restrict', files: addon('partner_ids = fields.Many2many("res.partner", ondelete="restrict")') },
      { name: 'a Many2one to ir.model with cascade', files: addon('model_id = fields.Many2one("ir.model", ondelete="cascade")') },
      { name: 'a Many2one to another model with restrict', files: addon('partner_id = fields.Many2one("res.partner", ondelete="restrict")') },
    ],
    invalid: [
      {
        name: 'a Many2many with set null',
        files: addon('partner_ids = fields.Many2many("res.partner", ondelete="set null")'),
        errors: [{ messageId: 'manyToMany', line: 8, column: 60, data: { field: 'partner_ids', ondelete: 'set null' } }],
      },
      {
        name: 'a Many2one to ir.model with restrict',
        files: addon('model_id = fields.Many2one("ir.model", ondelete="restrict")'),
        errors: [{ messageId: 'restrictIrModel', line: 8, column: 53, data: { field: 'model_id', comodel: 'ir.model' } }],
      },
    ],
  });
});
