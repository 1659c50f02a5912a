/**
 * @fileoverview Rule: `_apply_on` names models that exist for this addon.
 */
import { defineRule, type Finding } from '../rule.js';

export default defineRule({
  meta: {
    id: 'component-unknown-apply-on',
    severity: 'error',
    description: '_apply_on names known models',
    messages: { unknownModel: '_apply_on names "{{model}}", which no addon in scope defines.' },
  },
  async check(ctx) {
    // An unknown dependency may define the model.
    if (!ctx.catalog.scope(ctx.name).complete) return [];
    const out: Array<Finding<'unknownModel'>> = [];
    for (const c of await ctx.components()) {
      const at = c.cls.attrs._apply_on;
      for (const model of c.applyOn ?? []) {
        if (!ctx.model(model).defined) out.push({ file: c.file, line: at!.line, column: at!.column, messageId: 'unknownModel', data: { model } });
      }
    }
    return out;
  },
});
