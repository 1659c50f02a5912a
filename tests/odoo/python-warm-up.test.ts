/**
 * The reader's warm-up (python/warm-up.ts, run by long validate runs before their first file)
 * must leave nothing behind: the token buffers it reuses and the module it reads reach no output.
 */
import { describe, expect, it } from 'vitest';
import { parsePython, pythonSyntaxErrors, warmUpPythonReader } from '../../src/odoo/python.js';

const MODEL = `from odoo import fields, models


class ShopOrder(models.Model):
    _name = "shop.order"
    _description = "Shop Order"

    name = fields.Char(required=True)
    line_ids = fields.One2many("shop.order.line", "order_id")
`;
const BROKEN = 'def f(:\n    pass\n';

describe('warmUpPythonReader', () => {
  it('leaves the facts and errors of the files read afterwards as they are without it', async () => {
    const before = [await parsePython(MODEL), await pythonSyntaxErrors(BROKEN)];
    warmUpPythonReader();
    warmUpPythonReader();
    const after = [await parsePython(MODEL), await pythonSyntaxErrors(BROKEN)];
    expect(after).toEqual(before);
    expect((before[0] as Awaited<ReturnType<typeof parsePython>>).classes.map((c) => c.name)).toEqual(['ShopOrder']);
    expect((before[1] as Awaited<ReturnType<typeof pythonSyntaxErrors>>)[0]?.line).toBe(1);
  });
});
