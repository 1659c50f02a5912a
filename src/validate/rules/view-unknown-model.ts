/**
 * @fileoverview Rule: a view (`ir.ui.view` field `model`) or a window action (`res_model`) names a
 * model the addon's scope defines.
 */
import { defineRule, type Finding } from '../rule.js';

/** Record model -> the field naming the model it works on. */
const MODEL_FIELDS: Record<string, string> = { 'ir.ui.view': 'model', 'ir.actions.act_window': 'res_model' };

export default defineRule({
  meta: {
    id: 'view-unknown-model',
    severity: 'error',
    description: 'Views and window actions are on known models',
    messages: {
      unknownModel: '{{what}} "{{id}}" is on model "{{model}}", which this addon and its dependencies do not define (the install fails: "{{odoo}}"); add the defining addon to depends or fix the name.',
    },
  },
  async check(ctx) {
    // An unknown dependency may define the model.
    if (!ctx.catalog.scope(ctx.name).complete) return [];
    const out: Array<Finding<'unknownModel'>> = [];
    for (const r of await ctx.records()) {
      const key = MODEL_FIELDS[r.model];
      const el = key ? r.fields[key] : undefined;
      // Only a plain text value is judged (not eval=/ref=, nor an empty qweb view model).
      if (!el || el.attrs.eval !== undefined || el.attrs.ref !== undefined) continue;
      const model = el.text.trim();
      if (!model || ctx.model(model).defined) continue;
      const isView = r.model === 'ir.ui.view';
      out.push({
        file: r.file,
        line: el.line,
        column: el.column,
        messageId: 'unknownModel',
        data: { what: isView ? 'View' : 'Action', id: r.id ?? '', model, odoo: isView ? `Model not found: ${model}` : `Invalid model name '${model}' in action definition.` },
      });
    }
    return out;
  },
});
