/**
 * @fileoverview Rule: a queue.job.channel record has a parent (only root may lack one).
 */
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'job-channel-parent',
    severity: 'error',
    description: 'Job channels have a parent',
    messages: { noParent: 'Channel "{{id}}" has no parent_id; queue_job refuses it. Use ref="queue_job.channel_root".' },
  },
  async check(ctx) {
    return (await ctx.records())
      .filter((r) => r.model === 'queue.job.channel' && !r.fields.parent_id && r.fields.name?.text !== 'root')
      .map((r) => ({ file: r.file, line: r.el.line, column: r.el.column, messageId: 'noParent' as const, data: { id: r.id ?? '' } }));
  },
});
