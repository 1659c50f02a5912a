/**
 * @fileoverview Rule: `__manifest__.py` must be a Python dict literal (Odoo reads it with ast.literal_eval).
 */
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'manifest-syntax',
    severity: 'error',
    description: 'The manifest is a Python dict literal',
    messages: { notLiteral: 'Manifest is not a Python dict literal (at "{{text}}"); Odoo reads it with ast.literal_eval.' },
  },
  check(ctx) {
    const e = ctx.manifest.error;
    // A readable literal manifest has nothing to report.
    if (!e) return [];
    return [{ file: '__manifest__.py', line: e.line, column: e.column, messageId: 'notLiteral', data: { text: e.text } }];
  },
});
