import { describe } from 'vitest';
import { MANIFEST, runRuleTests } from '../rule-tester.js';

const model = (ondelete: string): string => `from odoo import fields, models\n\n\nclass A(models.Model):\n    _name = "x.a"\n    partner_id = fields.Many2one("res.partner", required=True, ondelete="${ondelete}")\n`;

describe('field-required-set-null', () => {
  runRuleTests('field-required-set-null', {
    valid: [{ name: 'cascade', files: { '__manifest__.py': MANIFEST(), 'models/a.py': model('cascade') } }],
    invalid: [{ name: 'set null', files: { '__manifest__.py': MANIFEST(), 'models/a.py': model('set null') }, errors: [{ messageId: 'setNull', line: 6, column: 73 }] }],
  });
});
