/**
 * @fileoverview Rule: ir.model.access.csv has the expected header and complete rows.
 */
import { defineRule, type Finding } from '../rule.js';

export const ACCESS_HEADER = ['id', 'name', 'model_id:id', 'group_id:id', 'perm_read', 'perm_write', 'perm_create', 'perm_unlink'];

export function accessFiles(files: string[]): string[] {
  return files.filter((f) => /(^|\/)ir\.model\.access\.csv$/.test(f));
}

export default defineRule({
  meta: {
    id: 'access-csv-malformed',
    severity: 'error',
    description: 'ir.model.access.csv is well-formed',
    messages: {
      unparseable: 'CSV cannot be parsed: {{error}}',
      badHeader: 'Header lacks column "{{column}}"; expected {{expected}}.',
      badRow: 'Row has {{count}} cells, the header has {{expected}}.',
      badPerm: 'Permission "{{column}}" is "{{value}}"; use 0 or 1.',
      missingId: 'Row has no id or no model_id:id.',
    },
  },
  async check(ctx) {
    const out: Array<Finding<'unparseable' | 'badHeader' | 'badRow' | 'badPerm' | 'missingId'>> = [];
    for (const { value: file } of ctx.manifest.data) {
      if (!/(^|\/)ir\.model\.access\.csv$/.test(file) || !ctx.addon.exists(file)) continue;
      const c = ctx.addon.csv(file);
      if (!c.ok) {
        out.push({ file, line: c.line, column: 1, messageId: 'unparseable', data: { error: c.message } });
        continue;
      }
      const missing = ACCESS_HEADER.filter((h) => h !== 'group_id:id' && !c.header.includes(h));
      if (missing.length) {
        out.push({ file, line: 1, column: 1, messageId: 'badHeader', data: { column: missing[0]!, expected: ACCESS_HEADER.join(',') } });
        continue;
      }
      for (const row of c.rows) {
        if (row.width !== c.header.length) out.push({ file, line: row.line, column: 1, messageId: 'badRow', data: { count: row.width, expected: c.header.length } });
        else if (!row.values.id || !row.values['model_id:id']) out.push({ file, line: row.line, column: 1, messageId: 'missingId' });
        else {
          for (const p of ['perm_read', 'perm_write', 'perm_create', 'perm_unlink']) {
            const v = row.values[p] ?? '';
            if (!['0', '1', 'True', 'False', 'true', 'false'].includes(v)) out.push({ file, line: row.line, column: 1, messageId: 'badPerm', data: { column: p, value: v } });
          }
        }
      }
    }
    return out;
  },
});
