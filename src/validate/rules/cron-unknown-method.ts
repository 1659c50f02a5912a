/**
 * @fileoverview Rule: an ir.cron record has a model_id, and `model.method()` in its code is a
 * method of that model.
 */
import { defineRule, type Finding } from '../rule.js';

export function modelFromRef(ref: string | undefined): string | undefined {
  const name = ref?.split('.').pop();
  return name?.startsWith('model_') ? name.slice(6) : undefined;
}

export default defineRule({
  meta: {
    id: 'cron-unknown-method',
    severity: 'error',
    description: 'Crons have a model and call existing methods',
    messages: { missingModel: 'Cron "{{id}}" has no model_id; Odoo refuses the record.', unknownMethod: 'Cron code calls "{{method}}", which the model does not have.' },
  },
  async check(ctx) {
    const out: Array<Finding<'missingModel' | 'unknownMethod'>> = [];
    for (const r of await ctx.records()) {
      if (r.model !== 'ir.cron') continue;
      if (!r.fields.model_id) {
        out.push({ file: r.file, line: r.el.line, column: r.el.column, messageId: 'missingModel', data: { id: r.id ?? '' } });
        continue;
      }
      const underscored = modelFromRef(r.fields.model_id.attrs.ref);
      const code = r.fields.code;
      if (!underscored || !code) continue;
      // Find the model whose xml id matches: dots and underscores are ambiguous, so try the addon's scope.
      const scope = ctx.catalog.scope(ctx.name);
      const candidates = new Set<string>();
      for (const a of scope.addons) for (const d of ctx.catalog.summary(a)!.models) if (d.model.replace(/\./g, '_') === underscored) candidates.add(d.model);
      // Unknown model: nothing to check.
      if (candidates.size !== 1) continue;
      const info = ctx.model([...candidates][0]!);
      if (!info.complete) continue;
      for (const m of code.text.matchAll(/\bmodel\.(\w+)\s*\(/g)) {
        if (!info.methods.has(m[1]!)) out.push({ file: r.file, line: code.line, column: code.column, messageId: 'unknownMethod', data: { method: m[1]! } });
      }
    }
    return out;
  },
});
