/**
 * @fileoverview preferQuickStart() compiles the tree-sitter runtime (used by the scaffolding
 * edits) with V8's baseline compiler only, for a short run: the syntax tree must be the same as
 * with the default compilers. A child process asks for the quick start before its first parse and
 * parses the same source.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pythonParser } from '../../src/odoo/tree-sitter-python.js';

const module = join(import.meta.dirname, '..', '..', 'dist', 'odoo', 'tree-sitter-python.js');

const SOURCE = `from odoo import api, fields, models


class ShopBinding(models.Model):
    _name = "shop.binding"
    _inherit = ["external.binding", "mail.thread"]

    name = fields.Char(required=True, help="The name")

    @api.depends("name")
    def _compute_x(self):
        if self.name == "x":
            self.env["res.partner"].create({"name": self.name})
`;

describe('preferQuickStart', () => {
  it.skipIf(!existsSync(module))('parses the same tree as the default compilation', async () => {
    const script = `
const { preferQuickStart, pythonParser } = await import(${JSON.stringify(new URL(`file://${module}`).href)});
preferQuickStart();
process.stdout.write((await pythonParser()).parse(${JSON.stringify(SOURCE)}).rootNode.toString());
`;
    const quick = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    const expected = (await pythonParser()).parse(SOURCE)!.rootNode.toString();
    expect(quick).toBe(expected);
    expect(expected).toContain('(class_definition name: (identifier)');
  });
});
