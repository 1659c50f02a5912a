/**
 * @fileoverview preferQuickStart() compiles the tree-sitter runtime with V8's baseline compiler
 * only (a short run's start-up): the facts read must be the same as with the default compilers.
 * A child process asks for the quick start before its first parse and reads the same source.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePython } from '../../src/odoo/python.js';

const python = join(import.meta.dirname, '..', '..', 'dist', 'odoo', 'python.js');

const SOURCE = `from odoo import api, fields, models


class ShopBinding(models.Model):
    _name = "shop.binding"
    _inherit = ["external.binding", "mail.thread"]

    name = fields.Char(required=True, help="The name")
    partner_id = fields.Many2one("res.partner", ondelete="cascade")

    @api.depends("name")
    def _compute_x(self):
        if self.name == "x":
            self.env["res.partner"].create({"name": self.name})
`;

describe('preferQuickStart', () => {
  it.skipIf(!existsSync(python))('reads the same facts as the default compilation', async () => {
    const script = `
const { preferQuickStart, parsePython } = await import(${JSON.stringify(new URL(`file://${python}`).href)});
preferQuickStart();
process.stdout.write(JSON.stringify(await parsePython(${JSON.stringify(SOURCE)})));
`;
    const quick = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as unknown;
    const expected = JSON.parse(JSON.stringify(await parsePython(SOURCE))) as unknown;
    expect(quick).toEqual(expected);
    expect((expected as { classes: Array<{ fields: unknown[] }> }).classes[0]!.fields).toHaveLength(2);
  });
});
