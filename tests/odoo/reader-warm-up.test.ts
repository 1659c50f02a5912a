/**
 * The readers' warm-up (reader-warm-up.ts, run by long validate runs before their first file)
 * must leave nothing behind: the token buffers it reuses and the documents it reads reach no output.
 */
import { describe, expect, it } from 'vitest';
import { parsePython, pythonSyntaxErrors, warmUpPythonReader } from '../../src/odoo/python.js';
import { warmUpReaders } from '../../src/odoo/reader-warm-up.js';
import { readXml } from '../../src/odoo/xml-reader.js';

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

describe('the Python warm-up module', () => {
  it('is valid Python holding the rare constructs for real, first (a backslash before a newline is dropped by a template literal unless doubled)', async () => {
    const { WARM_UP_SOURCE } = await import('../../src/odoo/python/warm-up.js');
    const { parseModule } = await import('../../src/odoo/python/parser.js');
    expect(parseModule(WARM_UP_SOURCE).ok).toBe(true);
    const continuation = WARM_UP_SOURCE.indexOf('total = 1 + \\\n    2\n');
    const continuedString = WARM_UP_SOURCE.indexOf("s = 'a string \\\ncontinued'");
    expect(continuation).toBeGreaterThan(0);
    expect(continuedString).toBeGreaterThan(continuation);
    // Before the first class: read early in the first round.
    expect(continuedString).toBeLessThan(WARM_UP_SOURCE.indexOf('class '));
  });
});

describe('warmUpReaders', () => {
  it('leaves the XML trees and errors of the documents read afterwards as they are without it', () => {
    const doc = '<odoo><record id="r" model="ir.ui.view"><field name="arch" type="xml"><form><field name="name"/></form></field></record></odoo>';
    const broken = '<odoo><record></odoo>';
    const errorOf = (s: string): string => {
      try {
        readXml(s);
        return '';
      } catch (e) {
        return String(e);
      }
    };
    const before = [readXml(doc), errorOf(broken)];
    warmUpReaders();
    expect([readXml(doc), errorOf(broken)]).toEqual(before);
    expect(before[1]).not.toBe('');
  });
});

describe('warmUpCsvReader', () => {
  it('leaves the rows of the files read afterwards as they are without it', async () => {
    const { parseCsv, warmUpCsvReader } = await import('../../src/odoo/access-csv.js');
    const csv = 'id,name,model_id:id\naccess_a,"A, ""B""",model_a\n';
    const before = parseCsv(csv);
    warmUpCsvReader();
    expect(parseCsv(csv)).toEqual(before);
    expect(before.ok && before.rows[0]!.values.name).toBe('A, "B"');
  });
});
