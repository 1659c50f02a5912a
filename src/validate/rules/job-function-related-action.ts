/**
 * @fileoverview Rule: queue.job.function related_action uses only the keys enable, func_name, kwargs.
 */
import { defineRule, type Finding } from '../rule.js';

const KEYS = new Set(['enable', 'func_name', 'kwargs']);

export default defineRule({
  meta: {
    id: 'job-function-related-action',
    severity: 'error',
    description: 'related_action has only enable/func_name/kwargs',
    messages: { unknownKey: 'related_action key "{{key}}" is refused by queue_job (allowed: enable, func_name, kwargs).' },
  },
  async check(ctx) {
    const out: Array<Finding<'unknownKey'>> = [];
    for (const r of await ctx.records()) {
      const f = r.fields.related_action;
      if (r.model !== 'queue.job.function' || !f) continue;
      const v = f.attrs.eval ?? f.text;
      // Only the top-level keys; nested kwargs may hold anything.
      const top = v.replace(/("kwargs"|'kwargs')\s*:\s*\{[^}]*\}/g, '');
      for (const m of top.matchAll(/['"](\w+)['"]\s*:/g)) if (!KEYS.has(m[1]!)) out.push({ file: r.file, line: f.line, column: f.column, messageId: 'unknownKey', data: { key: m[1]! } });
    }
    return out;
  },
});
