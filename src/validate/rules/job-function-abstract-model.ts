/**
 * @fileoverview Rule: a queue.job.function record names a concrete model. Jobs look their function
 * up by `recordset._name`, which is never an abstract model: the record installs but never applies
 * (OCA/queue queue_job/readme/USAGE.rst; FRAMEWORK-SPEC §A8).
 */
import { defineRule, type Finding } from '../rule.js';

export default defineRule({
  meta: {
    id: 'job-function-abstract-model',
    severity: 'error',
    description: 'Job functions are declared on concrete models',
    messages: { abstractModel: 'Job function on abstract model "{{model}}" never applies (jobs run on concrete models); declare one record per concrete model.' },
  },
  async check(ctx) {
    const out: Array<Finding<'abstractModel'>> = [];
    for (const r of await ctx.records()) {
      const f = r.fields.model_id;
      if (r.model !== 'queue.job.function' || !f) continue;
      const model = ctx.modelForRef(f.attrs.ref);
      // An ambiguous or unknown ref: cannot know the model.
      if (!model) continue;
      const info = ctx.model(model);
      if (info.defined && info.kind === 'abstract') out.push({ file: r.file, line: f.line, column: f.column, messageId: 'abstractModel', data: { model } });
    }
    return out;
  },
});
