import { describe } from 'vitest';
import { MANIFEST, runRuleTests } from '../rule-tester.js';

const model = (depends: string, kind = 'Model', compute = '_compute_x'): string =>
  `from odoo import api, fields, models\n\n\nclass P(models.${kind}):\n    _name = "x.p"\n    _description = "P"\n\n    partner_id = fields.Many2one("res.partner")\n    x = fields.Char(compute="${compute}")\n\n    @api.depends(${depends})\n    def _compute_x(self):\n        pass\n`;

describe('depends-unknown-field', () => {
  runRuleTests('depends-unknown-field', {
    valid: [
      { name: 'existing paths', files: { '__manifest__.py': MANIFEST(), '__init__.py': 'from . import m\n', 'm.py': model('"partner_id.country_id.code", "partner_id"') } },
      { name: 'method no field computes with', files: { '__manifest__.py': MANIFEST(), '__init__.py': 'from . import m\n', 'm.py': model('"partner_id"').replace('    @api.depends("partner_id")\n    def _compute_x', '    @api.depends("nope")\n    def _compute_y(self):\n        pass\n\n    def _compute_x') } },
      { name: 'stacked decorators: the outermost wins', files: { '__manifest__.py': MANIFEST(), '__init__.py': 'from . import m\n', 'm.py': model('"partner_id"').replace('    @api.depends("partner_id")\n', '    @api.depends("partner_id")\n    @api.depends("uid")\n') } },
      { name: 'abstract model: checked where inherited', files: { '__manifest__.py': MANIFEST(), '__init__.py': 'from . import m\n', 'm.py': model('"child_ids"', 'AbstractModel') } },
      { name: 'transient model into a regular one stays silent', files: { '__manifest__.py': MANIFEST(), '__init__.py': 'from . import m\n', 'm.py': model('"partner_id.nope"', 'TransientModel') } },
    ],
    invalid: [
      {
        name: 'unknown field on the model',
        files: { '__manifest__.py': MANIFEST(), '__init__.py': 'from . import m\n', 'm.py': model('"partner"') },
        errors: [{ messageId: 'unknownDepend', line: 11, column: 18, data: { path: 'partner', method: '_compute_x', model: 'x.p', missing: 'partner' } }],
      },
      {
        name: 'unknown field on the comodel',
        files: { '__manifest__.py': MANIFEST(), '__init__.py': 'from . import m\n', 'm.py': model('"partner_id", "partner_id.nme"') },
        errors: [{ messageId: 'unknownDepend', line: 11, column: 32, data: { path: 'partner_id.nme', method: '_compute_x', model: 'res.partner', missing: 'nme' } }],
      },
    ],
  });
});
