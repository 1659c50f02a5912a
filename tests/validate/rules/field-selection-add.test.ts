import { describe } from 'vitest';
import { MANIFEST, runRuleTests } from '../rule-tester.js';

/** x.base (another addon) has a required state with a default, and an optional kind without one. */
const OTHER = {
  other: {
    '__manifest__.py': MANIFEST(),
    '__init__.py': 'from . import m\n',
    'm.py': 'from odoo import fields, models\n\n\nclass B(models.Model):\n    _name = "x.base"\n    _description = "B"\n\n    state = fields.Selection([("draft", "Draft"), ("done", "Done")], required=True, default="draft")\n    kind = fields.Selection([("a", "A")])\n    mode = fields.Selection("_modes")\n',
  },
};
const addon = (field: string): Record<string, string> => ({
  '__manifest__.py': MANIFEST('', '"other"'),
  '__init__.py': 'from . import m\n',
  'm.py': `from odoo import fields, models\n\n\nclass P(models.Model):\n    _inherit = "x.base"\n\n    ${field}\n`,
});

describe('field-selection-add', () => {
  runRuleTests('field-selection-add', {
    valid: [
      { name: 'a required field with cascade', files: addon('state = fields.Selection(selection_add=[("paused", "Paused")], ondelete={"paused": "cascade"})'), others: OTHER },
      { name: 'set default on a field with a default', files: addon('state = fields.Selection(selection_add=[("paused", "Paused")], ondelete={"paused": "set default"})'), others: OTHER },
      { name: 'set to an existing value', files: addon('state = fields.Selection(selection_add=[("paused", "Paused")], ondelete={"paused": "set draft"})'), others: OTHER },
      { name: 'an optional field needs no policy', files: addon('kind = fields.Selection(selection_add=[("b", "B")])'), others: OTHER },
      { name: 'reordering existing values of a required field', files: addon('state = fields.Selection(selection_add=[("done",), ("draft",)])'), others: OTHER },
      { name: 'a core field of unknown selection stays silent', files: { '__manifest__.py': MANIFEST(), '__init__.py': 'from . import m\n', 'm.py': 'from odoo import fields, models\n\n\nclass P(models.Model):\n    _inherit = "res.partner"\n\n    type = fields.Selection(selection_add=[("x", "X")])\n' } },
    ],
    invalid: [
      {
        name: 'a new value of a required field without policy',
        files: addon('state = fields.Selection(selection_add=[("paused", "Paused")])'),
        others: OTHER,
        errors: [{ messageId: 'requiredOndelete', line: 7, column: 44, data: { field: 'state', model: 'x.base', value: 'paused' } }],
      },
      {
        name: 'selection_add on a new field',
        files: addon('speed = fields.Selection(selection_add=[("fast", "Fast")])'),
        others: OTHER,
        errors: [{ messageId: 'noBaseSelection', line: 7, column: 44, data: { field: 'speed', model: 'x.base' } }],
      },
      {
        name: 'selection_add on a selection given by a method',
        files: addon('mode = fields.Selection(selection_add=[("fast", "Fast")])'),
        others: OTHER,
        errors: [{ messageId: 'noBaseSelection', line: 7, column: 43, data: { field: 'mode', model: 'x.base' } }],
      },
      {
        name: 'policies Odoo refuses',
        files: addon('kind = fields.Selection(selection_add=[("b", "B"), ("c", "C"), ("d", "D")], ondelete={"b": "remove", "c": "set default", "d": "set c"})'),
        others: OTHER,
        errors: [
          { messageId: 'invalidPolicy', line: 7, column: 96, data: { policy: 'remove', value: 'b' } },
          { messageId: 'setDefaultNoDefault', line: 7, column: 111, data: { field: 'kind', model: 'x.base', value: 'c' } },
          { messageId: 'setUnknownValue', line: 7, column: 131, data: { policy: 'set c', value: 'd' } },
        ],
      },
    ],
  });
});
