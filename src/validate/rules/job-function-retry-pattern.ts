/**
 * @fileoverview Rule: queue.job.function retry_pattern maps integers to integers (tuples raise TypeError).
 */
import { defineRule, type Finding } from '../rule.js';

export default defineRule({
  meta: {
    id: 'job-function-retry-pattern',
    severity: 'error',
    description: 'retry_pattern uses integers only',
    messages: { notIntegers: 'retry_pattern "{{value}}" must map integers to integers, e.g. {1: 60, 5: 300}.' },
  },
  async check(ctx) {
    const out: Array<Finding<'notIntegers'>> = [];
    for (const r of await ctx.records()) {
      const f = r.fields.retry_pattern;
      if (r.model !== 'queue.job.function' || !f) continue;
      const v = (f.attrs.eval ?? f.text).trim();
      if (!/^\{\s*(\d+\s*:\s*\d+\s*,?\s*)*\}$/.test(v)) out.push({ file: r.file, line: f.line, column: f.column, messageId: 'notIntegers', data: { value: v } });
    }
    return out;
  },
});
