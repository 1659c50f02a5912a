import { describe } from 'vitest';
import { MANIFEST, runRuleTests } from '../rule-tester.js';

const addon = (fields: string): Record<string, string> => ({
  '__manifest__.py': MANIFEST(),
  '__init__.py': 'from . import m\n',
  'm.py': `from odoo import fields, models\n\n\nclass P(models.Model):\n    _name = "x.p"\n    _description = "P"\n\n    line_id = fields.Many2one("x.line")\n    partner_id = fields.Many2one("res.partner")\n${fields}\n\nclass L(models.Model):\n    _name = "x.line"\n    _description = "L"\n\n    code = fields.Char()\n    qty = fields.Float()\n    image = fields.Image()\n`,
});

describe('field-related-type-mismatch', () => {
  runRuleTests('field-related-type-mismatch', {
    valid: [
      { name: 'same types along the path', files: addon('    code = fields.Char(related="line_id.code")\n    qty = fields.Float(related="line_id.qty")\n    line2_id = fields.Many2one(related="line_id")\n') },
      { name: 'an Image related to an Image (both binary)', files: addon('    image = fields.Binary(related="line_id.image")\n') },
      { name: 'a Char related to a core Char, a Many2one through core fields', files: addon('    partner_name = fields.Char(related="partner_id.name")\n    country_id = fields.Many2one(related="partner_id.country_id")\n') },
      { name: 'a custom field class stays silent', files: addon('    code = Serialized(related="line_id.code")\n') },
    ],
    invalid: [
      {
        name: 'an Integer related to a core Char (types from the baseline)',
        files: addon('    partner_name = fields.Integer(related="partner_id.name")\n'),
        errors: [{ messageId: 'typeMismatch', line: 10, column: 43, data: { field: 'partner_name', type: 'integer', path: 'partner_id.name', targetType: 'char', target: 'res.partner.name', targetClass: 'Char' } }],
      },
      {
        name: 'a Many2one related to a core Char',
        files: addon('    partner_x_id = fields.Many2one("res.partner", related="partner_id.name")\n'),
        errors: [{ messageId: 'typeMismatch', line: 10, column: 59, data: { field: 'partner_x_id', type: 'many2one', path: 'partner_id.name', targetType: 'char', target: 'res.partner.name', targetClass: 'Char' } }],
      },
      {
        name: 'a Char related to a Many2one',
        files: addon('    line_ref = fields.Char(related="line_id")\n'),
        errors: [{ messageId: 'typeMismatch', line: 10, column: 36, data: { field: 'line_ref', type: 'char', path: 'line_id', targetType: 'many2one', target: 'x.p.line_id', targetClass: 'Many2one' } }],
      },
      {
        name: 'an Integer related to a Float of the comodel',
        files: addon('    qty = fields.Integer(related="line_id.qty")\n'),
        errors: [{ messageId: 'typeMismatch', line: 10, column: 34, data: { field: 'qty', type: 'integer', path: 'line_id.qty', targetType: 'float', target: 'x.line.qty', targetClass: 'Float' } }],
      },
    ],
  });
});
