/**
 * @fileoverview Rule: an ir.cron record sets numbercall (the default 1 runs the job once, then stops).
 */
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'cron-numbercall',
    severity: 'warning',
    description: 'Crons set numbercall (default 1 runs once)',
    messages: { defaultNumbercall: 'Cron "{{id}}" leaves numbercall at 1, so it runs once; set numbercall to -1.' },
  },
  async check(ctx) {
    return (await ctx.records())
      // An update of an existing cron keeps the numbercall it had.
      .filter((r) => r.model === 'ir.cron' && !r.update && !r.fields.numbercall)
      .map((r) => ({ file: r.file, line: r.el.line, column: r.el.column, messageId: 'defaultNumbercall' as const, data: { id: r.id ?? '' } }));
  },
});
