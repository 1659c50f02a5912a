/**
 * @fileoverview Rule: an xml id has at most one dot (`module.name`); Odoo refuses more.
 */
import { defineRule, type Finding } from '../rule.js';

export default defineRule({
  meta: {
    id: 'xml-id-dots',
    severity: 'error',
    description: 'xml ids have at most one dot',
    messages: { tooManyDots: 'xml id "{{id}}" has more than one dot; use module.name with underscores.' },
  },
  async check(ctx) {
    const out: Array<Finding<'tooManyDots'>> = [];
    for (const { file } of await ctx.addon.dataFiles()) {
      for (const d of ctx.addon.definedIds(file)) {
        // Two dots or more (indexOf, not split: no array per id).
        const dot = d.id.indexOf('.');
        if (dot >= 0 && d.id.indexOf('.', dot + 1) >= 0) out.push({ file, line: d.line, column: d.column, messageId: 'tooManyDots', data: { id: d.id } });
      }
    }
    return out;
  },
});
