/**
 * @fileoverview Rule: the manifest version is 16.0.x.y.z (OCA and the Odoo 16 module loader expect it).
 */
import { dictGet } from '../../odoo/python.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'manifest-version',
    severity: 'error',
    description: 'Manifest version is 16.0.x.y.z',
    messages: { badVersion: 'Version "{{version}}" is not of the form 16.0.x.y.z.', missing: 'Manifest has no "version"; use 16.0.1.0.0.' },
  },
  check(ctx) {
    // Without a literal dict there is nothing to read.
    if (!ctx.manifest.dict) return [];
    const lit = dictGet(ctx.manifest.dict, 'version');
    if (!lit) return [{ file: '__manifest__.py', line: ctx.manifest.dict.line, column: ctx.manifest.dict.column, messageId: 'missing' }];
    const v = lit.kind === 'str' ? (lit.value as string) : lit.text;
    // Odoo prefixes short versions (x.y, x.y.z) with the series itself.
    if (/^16\.0\.\d+\.\d+\.\d+$/.test(v) || /^\d+\.\d+(\.\d+)?$/.test(v)) return [];
    return [{ file: '__manifest__.py', line: lit.line, column: lit.column, messageId: 'badVersion', data: { version: v } }];
  },
});
