/**
 * @fileoverview Rule: each concrete or transient model the addon defines has an access row
 * (otherwise Odoo logs "has no access rules" and only the superuser can use it).
 */
import { modelXmlId } from '../../odoo/addon.js';
import { defineRule, type Finding } from '../rule.js';

export default defineRule({
  meta: {
    id: 'access-missing-row',
    severity: 'error',
    description: 'Concrete models have access rows',
    messages: { noAccess: 'Model "{{model}}" has no row in ir.model.access.csv; only the superuser can use it.' },
  },
  async check(ctx) {
    const covered = new Set<string>();
    for (const { value: file } of ctx.manifest.data) {
      if (!file.endsWith('.csv') || !ctx.addon.exists(file)) continue;
      const c = ctx.addon.csv(file);
      if (c.ok) c.rows.forEach((r) => covered.add((r.values['model_id:id'] ?? '').replace(/^[\w]+\./, '')));
    }
    // Access may also be granted by XML records of ir.model.access.
    for (const r of await ctx.records()) {
      const ref = r.fields.model_id?.attrs.ref;
      if (r.model === 'ir.model.access' && ref) covered.add(ref.replace(/^[\w]+\./, ''));
    }
    const out: Array<Finding<'noAccess'>> = [];
    for (const d of await ctx.addon.models()) {
      // models() holds only what Odoo loads; abstract models need no access, unknown kinds cannot be judged.
      if (!d.isNew || d.kind === 'abstract' || d.kind === 'unknown' || !d.file) continue;
      if (!covered.has(modelXmlId(d.model))) out.push({ file: d.file, line: d.line ?? 1, column: 1, messageId: 'noAccess', data: { model: d.model } });
    }
    return out;
  },
});
