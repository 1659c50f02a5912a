/**
 * @fileoverview Rule: model_id:id and group_id:id of ir.model.access.csv rows resolve.
 */
import { resolveXmlId } from './xml-unknown-ref.js';
import { defineRule, type Finding } from '../rule.js';

export default defineRule({
  meta: {
    id: 'access-unknown-ref',
    severity: 'error',
    description: 'Access rows name existing models and groups',
    messages: { unknownRef: '{{column}} "{{ref}}" does not resolve to a known xml id.' },
  },
  async check(ctx) {
    const out: Array<Finding<'unknownRef'>> = [];
    const defined = new Set<string>();
    for (const { value: file } of ctx.manifest.data) {
      // Ids defined by earlier files count; the model_ ids of own models always exist.
      for (const d of ctx.addon.definedIds(file)) defined.add(d.id);
      if (!/(^|\/)ir\.model\.access\.csv$/.test(file) || !ctx.addon.exists(file)) continue;
      const c = ctx.addon.csv(file);
      if (!c.ok) continue;
      for (const row of c.rows) {
        for (const column of ['model_id:id', 'group_id:id']) {
          const ref = row.values[column];
          if (!ref) continue;
          if (resolveXmlId(ctx, ref, defined) === false) out.push({ file, line: row.line, column: 1, messageId: 'unknownRef', data: { column, ref } });
        }
      }
    }
    return out;
  },
});
