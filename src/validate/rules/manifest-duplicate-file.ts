/**
 * @fileoverview Rule: a data file is listed once (a second load re-runs it and can duplicate records).
 */
import { defineRule, type Finding } from '../rule.js';

export default defineRule({
  meta: {
    id: 'manifest-duplicate-file',
    severity: 'error',
    description: 'A data file is listed once',
    messages: { duplicate: 'File "{{file}}" is listed more than once in the manifest; Odoo loads it twice.' },
  },
  check(ctx) {
    const out: Array<Finding<'duplicate'>> = [];
    for (const list of [ctx.manifest.data, ctx.manifest.demo]) {
      const seen = new Set<string>();
      for (const e of list) {
        const key = e.value.replace(/^\.\//, '');
        if (seen.has(key)) out.push({ file: '__manifest__.py', line: e.line, column: e.column, messageId: 'duplicate', data: { file: e.value } });
        seen.add(key);
      }
    }
    return out;
  },
});
