import { describe } from 'vitest';
import { MANIFEST, runRuleTests } from '../rule-tester.js';

const addon = (body: string, others?: string): Record<string, string> => ({ '__manifest__.py': MANIFEST('', others ?? '"base"'), '__init__.py': 'from . import m\n', 'm.py': `from odoo import fields, models\n\n\n${body}` });
const newModel = (fields: string, attrs = ''): string => `class P(models.Model):\n    _name = "x.p"\n    _description = "P"\n${attrs}\n${fields}`;
const OTHER = { other: { '__manifest__.py': MANIFEST(), '__init__.py': 'from . import m\n', 'm.py': 'from odoo import fields, models\n\n\nclass B(models.AbstractModel):\n    _name = "x.base"\n    _description = "B"\n\n    api_url = fields.Char(string="API URL")\n    partner_id = fields.Many2one("res.partner", string="Customer")\n' } };

describe('field-duplicate-label', () => {
  runRuleTests('field-duplicate-label', {
    valid: [
      { name: 'distinct labels, given and from the names', files: addon(newModel('    api_url = fields.Char()\n    api_key = fields.Char(string="Key")\n    partner_id = fields.Many2one("res.partner")\n')) },
      { name: 'an extension repeating the label of the field it extends', files: { ...addon(newModel('    api_url = fields.Char(string="URL")\n', '    _inherit = "x.base"\n'), '"other"') }, others: OTHER },
      { name: 'a field of a core model with a label of its own', files: addon('class P(models.Model):\n    _inherit = "res.partner"\n\n    x_code = fields.Char(string="Acme Code")\n') },
      { name: 'a label like a log-access field on an abstract model', files: addon('class P(models.AbstractModel):\n    _name = "x.p"\n    _description = "P"\n\n    when = fields.Datetime(string="Created on")\n') },
      { name: 'a related field to a core field of another label', files: addon(newModel('    partner_id = fields.Many2one("res.partner")\n    partner_name = fields.Char(related="partner_id.name")\n    name = fields.Char(string="Title")\n')) },
    ],
    invalid: [
      {
        name: 'a field of a core model with the label of a core field (labels from the baseline)',
        files: addon('class P(models.Model):\n    _inherit = "res.partner"\n\n    x_name = fields.Char(string="Name")\n'),
        errors: [{ messageId: 'duplicateLabel', line: 7, column: 5, data: { field: 'x_name', other: 'name', model: 'res.partner', label: 'Name' } }],
      },
      {
        name: 'a related field takes the default label of its core target',
        files: addon(newModel('    partner_id = fields.Many2one("res.partner")\n    partner_name = fields.Char(related="partner_id.name")\n    name = fields.Char()\n')),
        errors: [{ messageId: 'duplicateLabel', line: 10, column: 5, data: { field: 'name', other: 'partner_name', model: 'x.p', label: 'Name' } }],
      },
      {
        name: 'two fields with the same given label',
        files: addon(newModel('    location = fields.Char(string="Location")\n    place = fields.Char(string="Location")\n')),
        errors: [{ messageId: 'duplicateLabel', line: 9, column: 5, data: { field: 'place', other: 'location', model: 'x.p', label: 'Location' } }],
      },
      {
        name: 'a given label equal to the default label of another field',
        files: addon(newModel('    partner_id = fields.Many2one("res.partner")\n    partner_ref = fields.Char(string="Partner")\n')),
        errors: [{ messageId: 'duplicateLabel', line: 9, column: 5, data: { field: 'partner_ref', other: 'partner_id', model: 'x.p', label: 'Partner' } }],
      },
      {
        name: 'the label of a magic field',
        files: addon(newModel('    shown = fields.Char(string="Display Name")\n')),
        errors: [{ messageId: 'duplicateLabel', line: 8, column: 5, data: { field: 'shown', other: 'display_name', model: 'x.p', label: 'Display Name' } }],
      },
      {
        name: 'the label of a field inherited from another addon',
        files: addon(newModel('    url = fields.Char(string="API URL")\n', '    _inherit = "x.base"\n'), '"other"'),
        others: OTHER,
        errors: [{ messageId: 'duplicateLabel', line: 9, column: 5, data: { field: 'url', other: 'api_url', model: 'x.p', label: 'API URL' } }],
      },
      {
        name: 'a related field takes the label of its target',
        files: addon(newModel('    customer = fields.Char(string="Customer")\n    base_id = fields.Many2one("x.base.row")\n    buyer_id = fields.Many2one(related="base_id.partner_id")\n') + '\n\nclass R(models.Model):\n    _name = "x.base.row"\n    _description = "R"\n    _inherit = "x.base"\n', '"other"'),
        others: OTHER,
        errors: [{ messageId: 'duplicateLabel', line: 10, column: 5, data: { field: 'buyer_id', other: 'customer', model: 'x.p', label: 'Customer' } }],
      },
    ],
  });
});
