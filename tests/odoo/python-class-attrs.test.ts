import { describe, expect, it } from 'vitest';
import { fileModels } from '../../src/odoo/addon.js';
import { parsePython } from '../../src/odoo/python.js';

describe('class attributes', () => {
  it('gives every target of a chained assignment the value', async () => {
    const py = await parsePython('from odoo import models\n\n\nclass C(models.Model):\n    _name = _description = "ttu.child"\n');
    expect(py.classes[0]!.attrs._name?.value).toBe('ttu.child');
    expect(py.classes[0]!.attrs._description?.value).toBe('ttu.child');
    expect(fileModels(py)[0]!.decl).toMatchObject({ model: 'ttu.child', isNew: true });
  });
  it('reads `_inherit = _name` as an extension of that model', async () => {
    const py = await parsePython('from odoo import models\n\n\nclass C(models.Model):\n    _name = "ir.module.module"\n    _inherit = _name\n');
    expect(fileModels(py)[0]!.decl).toMatchObject({ model: 'ir.module.module', isNew: false, parents: [] });
  });
  it('records the literal comodel of relational fields', async () => {
    const py = await parsePython('from odoo import fields, models\n\n\nclass C(models.Model):\n    _name = "x.c"\n\n    a_id = fields.Many2one("res.partner")\n    b_ids = fields.One2many(comodel_name="x.b", inverse_name="c_id")\n    d_id = fields.Many2one(MODEL)\n    name = fields.Char()\n');
    expect(fileModels(py)[0]!.decl.comodels).toEqual({ a_id: 'res.partner', b_ids: 'x.b' });
  });
});
