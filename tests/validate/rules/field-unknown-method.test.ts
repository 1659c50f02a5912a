import { describe } from 'vitest';
import { MANIFEST, runRuleTests } from '../rule-tester.js';

const model = (field: string, methods = ''): string =>
  `from odoo import fields, models\n\n\nclass P(models.Model):\n    _name = "x.p"\n    _description = "P"\n\n    ${field}\n${methods}`;

describe('field-unknown-method', () => {
  runRuleTests('field-unknown-method', {
    valid: [
      { name: 'own methods', files: { '__manifest__.py': MANIFEST(), '__init__.py': 'from . import m\n', 'm.py': model('total = fields.Float(compute="_compute_total", inverse="_inverse_total", search="_search_total")', '\n    def _compute_total(self):\n        pass\n\n    def _inverse_total(self):\n        pass\n\n    def _search_total(self, op, value):\n        return []\n') } },
      { name: 'method of an inherited core model', files: { '__manifest__.py': MANIFEST(), '__init__.py': 'from . import m\n', 'm.py': 'from odoo import fields, models\n\n\nclass P(models.Model):\n    _inherit = "res.partner"\n\n    x_name = fields.Char(compute="_compute_display_name")\n' } },
      { name: 'unknown parent stays silent', files: { '__manifest__.py': MANIFEST('', '"nowhere"'), '__init__.py': 'from . import m\n', 'm.py': 'from odoo import fields, models\n\n\nclass P(models.Model):\n    _inherit = "x.nope"\n\n    x = fields.Char(compute="_c")\n' } },
    ],
    invalid: [
      {
        name: 'compute method missing',
        files: { '__manifest__.py': MANIFEST(), '__init__.py': 'from . import m\n', 'm.py': model('total = fields.Float(compute="_compute_totl")', '\n    def _compute_total(self):\n        pass\n') },
        errors: [{ messageId: 'unknownMethod', line: 8, column: 34, data: { field: 'total', key: 'compute', method: '_compute_totl', model: 'x.p' } }],
      },
      {
        name: 'inverse and search missing',
        files: { '__manifest__.py': MANIFEST(), '__init__.py': 'from . import m\n', 'm.py': model('total = fields.Float(compute="_c", inverse="_i", search="_s")', '\n    def _c(self):\n        pass\n') },
        errors: [
          { messageId: 'unknownMethod', line: 8, column: 48, data: { field: 'total', key: 'inverse', method: '_i', model: 'x.p' } },
          { messageId: 'unknownMethod', line: 8, column: 61, data: { field: 'total', key: 'search', method: '_s', model: 'x.p' } },
        ],
      },
    ],
  });
});
