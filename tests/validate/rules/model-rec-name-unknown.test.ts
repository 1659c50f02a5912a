import { describe } from 'vitest';
import { MANIFEST, runRuleTests } from '../rule-tester.js';

const addon = (attrs: string, base = '    _name = "x.p"\n    _description = "P"\n'): Record<string, string> => ({
  '__manifest__.py': MANIFEST(),
  '__init__.py': 'from . import m\n',
  'm.py': `from odoo import fields, models\n\n\nclass P(models.Model):\n${base}${attrs}\n    title = fields.Char()\n    active = fields.Boolean(default=True)\n`,
});

describe('model-rec-name-unknown', () => {
  runRuleTests('model-rec-name-unknown', {
    valid: [
      { name: 'a field of the class', files: addon('    _rec_name = "title"\n    _active_name = "active"\n') },
      { name: 'a magic field', files: addon('    _rec_name = "create_date"\n') },
      { name: 'a field of the extended core model', files: addon('    _rec_name = "email"\n', '    _inherit = "res.partner"\n') },
      { name: 'an unknown parent stays silent', files: addon('    _rec_name = "anything"\n', '    _name = "x.p"\n    _inherit = "x.nowhere"\n') },
    ],
    invalid: [
      {
        name: '_rec_name naming no field',
        files: addon('    _rec_name = "name"\n'),
        errors: [{ messageId: 'unknownRecName', line: 7, column: 5, data: { name: 'name', model: 'x.p' } }],
      },
      {
        name: '_active_name other than active',
        files: addon('    _active_name = "title"\n'),
        errors: [{ messageId: 'invalidActiveName', line: 7, column: 5, data: { name: 'title', model: 'x.p' } }],
      },
    ],
  });
});
