/**
 * @fileoverview Rule: an ir.cron record has a model_id, and `model.method()` in its code is a
 * method of that model.
 */
import { defineRule, type Finding } from '../rule.js';

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
      // An update of an existing cron, or one built on an existing server action, needs no model_id.
      if (!r.fields.model_id && (r.update || r.fields.ir_actions_server_id)) continue;
      if (!r.fields.model_id) {
        out.push({ file: r.file, line: r.el.line, column: r.el.column, messageId: 'missingModel', data: { id: r.id ?? '' } });
        continue;
      }
      const model = ctx.modelForRef(r.fields.model_id.attrs.ref);
      const code = r.fields.code;
      // Unknown model or no code: nothing to check.
      if (!model || !code) continue;
      const info = ctx.model(model);
      if (!info.complete) continue;
      for (const m of code.text.matchAll(/\bmodel\.(\w+)\s*\(/g)) {
        if (!info.methods.has(m[1]!)) out.push({ file: r.file, line: code.line, column: code.column, messageId: 'unknownMethod', data: { method: m[1]! } });
      }
    }
    return out;
  },
});
