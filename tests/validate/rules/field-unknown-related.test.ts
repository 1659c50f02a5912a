import { describe } from 'vitest';
import { MANIFEST, runRuleTests } from '../rule-tester.js';

const model = (related: string): string =>
  `from odoo import fields, models\n\n\nclass P(models.Model):\n    _name = "x.p"\n    _description = "P"\n\n    partner_id = fields.Many2one("res.partner")\n    x = fields.Char(related="${related}")\n`;

describe('field-unknown-related', () => {
  runRuleTests('field-unknown-related', {
    valid: [
      { name: 'through core fields', files: { '__manifest__.py': MANIFEST(), '__init__.py': 'from . import m\n', 'm.py': model('partner_id.country_id.code') } },
      { name: 'own field', files: { '__manifest__.py': MANIFEST(), '__init__.py': 'from . import m\n', 'm.py': model('partner_id') } },
      { name: 'through a field with a non-literal comodel stays silent', files: { '__manifest__.py': MANIFEST(), '__init__.py': 'from . import m\n', 'm.py': 'from odoo import fields, models\n\n\nclass P(models.Model):\n    _name = "x.p"\n\n    o_id = fields.Many2one(MODEL)\n    x = fields.Char(related="o_id.nope")\n' } },
    ],
    invalid: [
      {
        name: 'unknown first hop',
        files: { '__manifest__.py': MANIFEST(), '__init__.py': 'from . import m\n', 'm.py': model('partnr_id.name') },
        errors: [{ messageId: 'unknownRelated', line: 9, column: 29, data: { field: 'x', path: 'partnr_id.name', model: 'x.p', missing: 'partnr_id' } }],
      },
      {
        name: 'unknown field on the comodel',
        files: { '__manifest__.py': MANIFEST(), '__init__.py': 'from . import m\n', 'm.py': model('partner_id.country_id.iso') },
        errors: [{ messageId: 'unknownRelated', line: 9, column: 29, data: { field: 'x', path: 'partner_id.country_id.iso', model: 'res.country', missing: 'iso' } }],
      },
    ],
  });
});
