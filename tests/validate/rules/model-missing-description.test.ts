import { describe } from 'vitest';
import { MANIFEST, runRuleTests } from '../rule-tester.js';

const addon = (cls: string): Record<string, string> => ({ '__manifest__.py': MANIFEST('', '"mail"'), '__init__.py': 'from . import m\n', 'm.py': `from odoo import fields, models\n\n\n${cls}` });

describe('model-missing-description', () => {
  runRuleTests('model-missing-description', {
    valid: [
      { name: 'a new model with a description', files: addon('class P(models.Model):\n    _name = "x.p"\n    _description = "P"\n') },
      { name: 'an extension needs none', files: addon('class P(models.Model):\n    _inherit = "res.partner"\n\n    x = fields.Char()\n') },
      { name: 'an extension naming the model in _name and _inherit', files: addon('class P(models.Model):\n    _name = "res.partner"\n    _inherit = ["res.partner", "mail.thread"]\n') },
      { name: 'a class not registered', files: addon('class P(models.AbstractModel):\n    _name = "x.p"\n    _register = False\n') },
      { name: 'a class deriving from another Python class is not judged', files: addon('class A(models.Model):\n    _name = "x.a"\n    _description = "A"\n\n\nclass P(A):\n    _name = "x.p"\n') },
    ],
    invalid: [
      {
        name: 'a new model without description',
        files: addon('class P(models.Model):\n    _name = "x.p"\n\n    name = fields.Char()\n'),
        errors: [{ messageId: 'missingDescription', line: 5, column: 5, data: { model: 'x.p' } }],
      },
      {
        name: 'a new model inheriting another one, without description',
        files: addon('class P(models.AbstractModel):\n    _name = "x.p"\n    _inherit = "mail.thread"\n'),
        errors: [{ messageId: 'missingDescription', line: 5, column: 5, data: { model: 'x.p' } }],
      },
    ],
  });
});
