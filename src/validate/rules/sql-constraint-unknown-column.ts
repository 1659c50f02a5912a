/**
 * @fileoverview Rule: `_sql_constraints` name only columns the model has (otherwise Odoo logs
 * "unable to add constraint" and the constraint silently does not exist).
 */
import { fileModels } from '../../odoo/addon.js';
import { defineRule, type Finding } from '../rule.js';

export default defineRule({
  meta: {
    id: 'sql-constraint-unknown-column',
    severity: 'error',
    description: '_sql_constraints name existing columns',
    messages: { unknownColumn: 'Constraint "{{name}}" uses column "{{column}}", which model "{{model}}" does not have.' },
  },
  async check(ctx) {
    const out: Array<Finding<'unknownColumn'>> = [];
    for (const file of ctx.addon.pythonFiles()) {
      for (const { cls, decl: d } of fileModels(await ctx.addon.python(file), file)) {
        const lit = cls.attrs._sql_constraints;
        // An abstract model has no table: its constraints apply to the concrete models that
        // inherit it, which add the columns (generic.binding, FRAMEWORK-SPEC §D0.5).
        if (lit?.kind !== 'list' || d.kind === 'abstract' || d.kind === 'unknown') continue;
        const info = ctx.model(d.model);
        // Unknown parents may add the column.
        if (!info.complete) continue;
        for (const item of lit.items!) {
          const [name, def] = item.items ?? [];
          if (name?.kind !== 'str' || def?.kind !== 'str') continue;
          const m = /^\s*unique\s*\(([^)]*)\)/i.exec(def.value as string);
          if (!m) continue;
          for (const col of m[1]!.split(',').map((s) => s.trim())) {
            if (/^\w+$/.test(col) && !info.fields.has(col)) out.push({ file, line: def.line, column: def.column, messageId: 'unknownColumn', data: { name: name.value as string, column: col, model: d.model } });
          }
        }
      }
    }
    return out;
  },
});
