/**
 * @fileoverview Rule: a queue.job.function record that sets `name` writes it as `<model>.method`
 * (queue_job's `_inverse_name` parses it and raises UserError otherwise), and, when `model_id` and
 * `method` are given too, the name agrees with them (jobs look functions up by that name).
 */
import { defineRule, type Finding } from '../rule.js';

// queue_job/models/queue_job_function.py regex_job_function_name.
const JOB_FUNCTION_NAME = /^<([0-9a-z_.]+)>\.([0-9a-zA-Z_]+)$/;

export default defineRule({
  meta: {
    id: 'job-function-name',
    severity: 'error',
    description: 'queue.job.function names read <model>.method',
    messages: {
      badFormat: 'Job function name "{{name}}" is not of the form <model.name>.method; queue_job refuses it (Invalid job function).',
      mismatch: 'Job function name "{{name}}" disagrees with model_id/method ("{{expected}}"); leave the name out, queue_job computes it.',
    },
  },
  async check(ctx) {
    const out: Array<Finding<'badFormat' | 'mismatch'>> = [];
    for (const r of await ctx.records()) {
      const f = r.fields.name;
      // No name: queue_job computes it from model_id and method.
      if (r.model !== 'queue.job.function' || !f) continue;
      const name = f.text;
      const m = JOB_FUNCTION_NAME.exec(name);
      if (!m) {
        out.push({ file: r.file, line: f.line, column: f.column, messageId: 'badFormat', data: { name } });
        continue;
      }
      const model = ctx.modelForRef(r.fields.model_id?.attrs.ref);
      const method = r.fields.method?.text;
      // Without both model_id (resolvable) and method there is nothing to compare with.
      if (!model || !method) continue;
      const expected = `<${model}>.${method}`;
      if (name !== expected) out.push({ file: r.file, line: f.line, column: f.column, messageId: 'mismatch', data: { name, expected } });
    }
    return out;
  },
});
