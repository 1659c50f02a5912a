import { describe } from 'vitest';
import { MANIFEST, runRuleTests } from '../rule-tester.js';

const models = (inverse: string): string =>
  `from odoo import fields, models\n\n\nclass P(models.Model):\n    _name = "x.p"\n    _description = "P"\n\n    line_ids = fields.One2many("x.line", ${inverse})\n\n\nclass L(models.Model):\n    _name = "x.line"\n    _description = "L"\n\n    p_id = fields.Many2one("x.p")\n`;

describe('field-unknown-inverse', () => {
  runRuleTests('field-unknown-inverse', {
    valid: [
      { name: 'inverse on the comodel', files: { '__manifest__.py': MANIFEST(), '__init__.py': 'from . import m\n', 'm.py': models('"p_id"') } },
      { name: 'inverse as keyword', files: { '__manifest__.py': MANIFEST(), '__init__.py': 'from . import m\n', 'm.py': models('inverse_name="p_id"') } },
      { name: 'inherited field of a core comodel', files: { '__manifest__.py': MANIFEST(), '__init__.py': 'from . import m\n', 'm.py': 'from odoo import fields, models\n\n\nclass P(models.Model):\n    _inherit = "res.partner"\n\n    kids_ids = fields.One2many("res.partner", "parent_id")\n' } },
      { name: 'a computed One2many needs no inverse', files: { '__manifest__.py': MANIFEST(), '__init__.py': 'from . import m\n', 'm.py': 'from odoo import fields, models\n\n\nclass P(models.Model):\n    _name = "x.p"\n\n    partner_ids = fields.One2many("res.partner", compute="_compute_partners")\n' } },
      { name: 'an extension of a One2many keeps its inverse', files: { '__manifest__.py': MANIFEST(), '__init__.py': 'from . import m\n', 'm.py': 'from odoo import fields, models\n\n\nclass P(models.Model):\n    _inherit = "res.partner"\n\n    child_ids = fields.One2many("res.partner", string="Contacts")\n' } },
      { name: 'an abstract model has no column to make', files: { '__manifest__.py': MANIFEST(), '__init__.py': 'from . import m\n', 'm.py': 'from odoo import fields, models\n\n\nclass P(models.AbstractModel):\n    _name = "x.p"\n\n    partner_ids = fields.One2many("res.partner")\n' } },
      { name: 'unknown comodel stays silent', files: { '__manifest__.py': MANIFEST('', '"nowhere"'), '__init__.py': 'from . import m\n', 'm.py': 'from odoo import fields, models\n\n\nclass P(models.Model):\n    _name = "x.p"\n\n    l_ids = fields.One2many("x.nope", "p_id")\n' } },
    ],
    invalid: [
      {
        name: 'inverse missing on the comodel',
        files: { '__manifest__.py': MANIFEST(), '__init__.py': 'from . import m\n', 'm.py': models('"order_id"') },
        errors: [{ messageId: 'unknownInverse', line: 8, column: 42, data: { field: 'line_ids', inverse: 'order_id', comodel: 'x.line' } }],
      },
      {
        name: 'a new stored One2many without inverse',
        files: { '__manifest__.py': MANIFEST(), '__init__.py': 'from . import m\n', 'm.py': 'from odoo import fields, models\n\n\nclass P(models.Model):\n    _name = "x.p"\n\n    partner_ids = fields.One2many("res.partner")\n' },
        errors: [{ messageId: 'missingInverse', line: 7, column: 35, data: { field: 'partner_ids', comodel: 'res.partner', model: 'x.p' } }],
      },
      {
        name: 'inverse missing on a core comodel',
        files: { '__manifest__.py': MANIFEST(), '__init__.py': 'from . import m\n', 'm.py': 'from odoo import fields, models\n\n\nclass P(models.Model):\n    _name = "x.p"\n\n    partner_ids = fields.One2many("res.partner", inverse_name="x_p_id")\n' },
        errors: [{ messageId: 'unknownInverse', line: 7, column: 63, data: { field: 'partner_ids', inverse: 'x_p_id', comodel: 'res.partner' } }],
      },
    ],
  });
});
