/**
 * @fileoverview Rule: data and demo files are of a type Odoo loads (.xml, .csv, .sql, .yml is gone).
 */
import { defineRule } from '../rule.js';

const LOADABLE = /\.(xml|csv|sql)$/i;

export default defineRule({
  meta: {
    id: 'manifest-file-type',
    severity: 'error',
    description: 'Data files are .xml, .csv or .sql',
    messages: { wrongType: 'File "{{file}}" cannot be loaded as data: Odoo 16 loads only .xml, .csv and .sql files.' },
  },
  check(ctx) {
    return [...ctx.manifest.data, ...ctx.manifest.demo]
      .filter((e) => !LOADABLE.test(e.value))
      .map((e) => ({ file: '__manifest__.py', line: e.line, column: e.column, messageId: 'wrongType' as const, data: { file: e.value } }));
  },
});
