/**
 * @fileoverview Rule: the method of a queue.job.function record exists on its model, when every
 * addon that could add methods to that model is known.
 */
import { defineRule, type Finding } from '../rule.js';

export default defineRule({
  meta: {
    id: 'job-function-unknown-method',
    severity: 'error',
    description: 'Job functions name existing methods',
    messages: { unknownMethod: 'Job function method "{{method}}" does not exist on model "{{model}}"; no job ever uses this record.' },
  },
  async check(ctx) {
    const out: Array<Finding<'unknownMethod'>> = [];
    for (const r of await ctx.records()) {
      const f = r.fields.method;
      if (r.model !== 'queue.job.function' || !f || !f.text) continue;
      const model = ctx.modelForRef(r.fields.model_id?.attrs.ref);
      // An ambiguous or unknown ref: cannot know the model.
      if (!model) continue;
      const info = ctx.model(model);
      // A mixin or an addon we do not know may add the method.
      if (!info.defined || !info.complete) continue;
      if (!info.methods.has(f.text)) out.push({ file: r.file, line: f.line, column: f.column, messageId: 'unknownMethod', data: { method: f.text, model } });
    }
    return out;
  },
});
