import { describe } from 'vitest';
import { MANIFEST, runRuleTests } from '../rule-tester.js';

const HEAD = 'from odoo import fields, models\n\n\n';
const addon = (body: string, depends = '"base"'): Record<string, string> => ({ '__manifest__.py': MANIFEST('', depends), '__init__.py': 'from . import m\n', 'm.py': HEAD + body });
const newModel = (field: string, extra = ''): string => `class P(models.Model):\n    _name = "x.p"\n    _description = "P"\n${extra}\n    ${field}\n`;

describe('field-unknown-parameter', () => {
  runRuleTests('field-unknown-parameter', {
    valid: [
      { name: 'parameters of Field and of the type', files: addon(newModel('a = fields.Char(string="A", required=True, size=8, trim=False)')) },
      { name: 'digits on a Float, depends on a computed field', files: addon(newModel('a = fields.Float(digits=(16, 2), compute="_c", depends=["id"])')) },
      { name: 'selection_add and ondelete on a Selection', files: addon('class P(models.Model):\n    _inherit = "res.partner"\n\n    type = fields.Selection(selection_add=[("x", "X")], ondelete={"x": "cascade"})\n') },
      { name: 'tracking on a model inheriting mail.thread', files: addon(newModel('a = fields.Char(tracking=True)', '    _inherit = ["mail.thread"]\n'), '"mail"') },
      { name: 'tracking on a core model that inherits mail.thread', files: addon('class P(models.Model):\n    _inherit = "res.partner"\n\n    a = fields.Char(tracking=True)\n', '"mail"') },
      { name: 'config_parameter on res.config.settings', files: addon('class P(models.TransientModel):\n    _inherit = "res.config.settings"\n\n    a = fields.Char(config_parameter="x.a")\n    b = fields.Boolean(implied_group="base.group_user")\n') },
      { name: 'related_sudo, sparse and private keywords', files: addon(newModel('a = fields.Char(related="id", related_sudo=False, sparse="x", _custom=1)')) },
      { name: 'a custom field class is not judged', files: addon(newModel('a = JobSerialized(anything=1)')) },
      { name: 'a model overriding _valid_field_parameter unknown to the rule', files: addon(newModel('a = fields.Char(my_option=True)\n\n    def _valid_field_parameter(self, field, name):\n        return name == "my_option" or super()._valid_field_parameter(field, name)')) },
      { name: 'tracking on an abstract mixin whose child inherits mail.thread', files: addon('class M(models.AbstractModel):\n    _name = "x.mixin"\n    _description = "M"\n\n    a = fields.Char(tracking=True)\n\n\nclass P(models.Model):\n    _name = "x.p"\n    _description = "P"\n    _inherit = ["x.mixin", "mail.thread"]\n', '"mail"') },
    ],
    invalid: [
      {
        name: 'tracking on an abstract mixin whose child does not inherit mail.thread',
        files: addon('class M(models.AbstractModel):\n    _name = "x.mixin"\n    _description = "M"\n\n    a = fields.Char(tracking=True)\n\n\nclass P(models.Model):\n    _name = "x.p"\n    _description = "P"\n    _inherit = "x.mixin"\n', '"mail"'),
        errors: [{ messageId: 'unknownParameter', line: 8, column: 30, data: { field: 'a', type: 'Char', param: 'tracking', model: 'x.p', hint: ' (tracking needs the model to inherit mail.thread)' } }],
      },
      {
        name: 'a typo of required',
        files: addon(newModel('a = fields.Char(requird=True)')),
        errors: [{ messageId: 'unknownParameter', line: 8, column: 29, data: { field: 'a', type: 'Char', param: 'requird', model: 'x.p', hint: '' } }],
      },
      {
        name: 'tracking without mail.thread',
        files: addon(newModel('a = fields.Char(tracking=True)'), '"mail"'),
        errors: [{ messageId: 'unknownParameter', line: 8, column: 30, data: { field: 'a', type: 'Char', param: 'tracking', model: 'x.p', hint: ' (tracking needs the model to inherit mail.thread)' } }],
      },
      {
        name: 'digits on a Char, track_visibility of older versions',
        files: addon(newModel('a = fields.Char(digits=(16, 2), track_visibility="onchange")')),
        errors: [
          { messageId: 'unknownParameter', line: 8, column: 28, data: { field: 'a', type: 'Char', param: 'digits', model: 'x.p', hint: '' } },
          { messageId: 'unknownParameter', line: 8, column: 54, data: { field: 'a', type: 'Char', param: 'track_visibility', model: 'x.p', hint: '' } },
        ],
      },
      {
        name: 'group on a Char of res.config.settings (only Boolean and Selection take it)',
        files: addon('class P(models.TransientModel):\n    _inherit = "res.config.settings"\n\n    a = fields.Char(group="base.group_user")\n'),
        errors: [{ messageId: 'unknownParameter', line: 7, column: 27, data: { field: 'a', type: 'Char', param: 'group', model: 'res.config.settings', hint: '' } }],
      },
    ],
  });
});
