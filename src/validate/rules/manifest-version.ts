/**
 * @fileoverview Rule: the manifest version belongs to the 16.0 series (16.0.x.y.z, or a short
 * x.y / x.y.z that Odoo prefixes with the series itself).
 */
import { dictGet } from '../../odoo/python.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'manifest-version',
    severity: 'warning',
    description: 'Manifest version is 16.0.x.y.z',
    messages: { badVersion: 'Version "{{version}}" is not of the form 16.0.x.y.z; Odoo 16 turns it into "16.0.{{version}}".' },
  },
  check(ctx) {
    // Without a literal dict there is nothing to read.
    if (!ctx.manifest.dict) return [];
    const lit = dictGet(ctx.manifest.dict, 'version');
    // No version: Odoo uses 1.0 (16.0.1.0), as many core addons do.
    if (!lit) return [];
    const v = lit.kind === 'str' ? (lit.value as string) : lit.text;
    // Odoo prefixes short versions (x.y, x.y.z) with the series itself (odoo/modules/module.py adapt_version).
    if (/^16\.0\.\d+\.\d+\.\d+$/.test(v) || /^\d+\.\d+(\.\d+)?$/.test(v)) return [];
    return [{ file: '__manifest__.py', line: lit.line, column: lit.column, messageId: 'badVersion', data: { version: v } }];
  },
});
