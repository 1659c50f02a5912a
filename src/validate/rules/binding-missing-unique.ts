/**
 * @fileoverview Rule: a model inheriting external.binding declares a unique SQL constraint on
 * backend and external id (or backend and Odoo record); generic.binding already provides them.
 */
import { fileModels } from '../../odoo/addon.js';
import { defineRule, type Finding } from '../rule.js';

export default defineRule({
  meta: {
    id: 'binding-missing-unique',
    severity: 'error',
    description: 'Bindings have a unique constraint on backend and external id',
    messages: { missingUnique: 'Binding "{{model}}" has no unique SQL constraint on (backend_id, external_id); duplicates will be created on concurrent imports.' },
  },
  async check(ctx) {
    const out: Array<Finding<'missingUnique'>> = [];
    for (const file of ctx.addon.pythonFiles()) {
      for (const { cls, decl: d } of fileModels(await ctx.addon.python(file), file)) {
        // Only new models that inherit the bare OCA binding; generic.binding carries the constraints.
        if (!d.isNew || !d.parents.includes('external.binding')) continue;
        const sql = cls.attrs._sql_constraints?.text ?? '';
        if (/unique\s*\(\s*backend_id\s*,\s*(external_id|odoo_id|\w+_id)\s*\)/i.test(sql)) continue;
        out.push({ file, line: cls.line, column: cls.column, messageId: 'missingUnique', data: { model: d.model } });
      }
    }
    return out;
  },
});
