/**
 * @fileoverview Rule: a new component (not extending one in place) has a `_name`.
 */
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'component-missing-name',
    severity: 'error',
    description: 'Components have a _name',
    messages: { missingName: 'Component class "{{cls}}" has no _name (and does not extend exactly one component with _inherit).' },
  },
  async check(ctx) {
    return (await ctx.components())
      // Without _name, one _inherit extends that component in place: that is legitimate.
      .filter((c) => !c.name && c.inherit.length !== 1)
      .map((c) => ({ file: c.file, line: c.cls.line, column: c.cls.column, messageId: 'missingName' as const, data: { cls: c.cls.name } }));
  },
});
