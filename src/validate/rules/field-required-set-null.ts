/**
 * @fileoverview Rule: a required Many2one does not use ondelete='set null' (Odoo raises at setup).
 */
import { defineRule, type Finding } from '../rule.js';

export default defineRule({
  meta: {
    id: 'field-required-set-null',
    severity: 'error',
    description: "Required Many2one does not use ondelete='set null'",
    messages: { setNull: "Field \"{{field}}\" is required with ondelete='set null'; use 'cascade' or 'restrict'." },
  },
  async check(ctx) {
    const out: Array<Finding<'setNull'>> = [];
    for (const file of ctx.addon.pythonFiles()) {
      for (const cls of (await ctx.addon.python(file)).classes) {
        for (const f of cls.fields) {
          if (f.type !== 'Many2one' || f.kwargs.required?.value !== true) continue;
          const ondelete = f.kwargs.ondelete;
          // The default ondelete of a required Many2one is 'restrict'; only an explicit 'set null' fails.
          if (ondelete?.kind === 'str' && ondelete.value === 'set null') out.push({ file, line: ondelete.line, column: ondelete.column, messageId: 'setNull', data: { field: f.name } });
        }
      }
    }
    return out;
  },
});
