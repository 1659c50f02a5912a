/**
 * @fileoverview Rule: a binding (a model inheriting external.binding) has a unique SQL constraint
 * on backend and external id (or backend and Odoo record), its own or inherited. Odoo merges
 * `_sql_constraints` by name along `_inherit`, so a child redefining a name replaces the parent's.
 */
import { defineRule, type Finding } from '../rule.js';
import { loadedModelClasses } from '../model-classes.js';

const UNIQUE = /unique\s*\(\s*backend_id\s*,\s*(external_id|odoo_id|\w+_id)\s*\)/i;

export default defineRule({
  meta: {
    id: 'binding-missing-unique',
    severity: 'error',
    description: 'Bindings have a unique constraint on backend and external id',
    messages: { missingUnique: 'Binding "{{model}}" has no unique SQL constraint on (backend_id, external_id); duplicates will be created on concurrent imports.' },
  },
  async check(ctx) {
    const out: Array<Finding<'missingUnique'>> = [];
    for (const { file, cls, decl: d } of await loadedModelClasses(ctx)) {
      if (!d.isNew) continue;
      if (d.parents.includes('external.binding')) {
        // A direct child of the bare OCA binding (generic.binding, or a hand-written binding):
        // its own constraints are all there is.
        if (UNIQUE.test(cls.attrs._sql_constraints?.text ?? '')) continue;
      } else {
        // A binding further down the chain (shopify.product.product -> shopify.binding ->
        // generic.binding): judged on the merged constraints, when the whole chain is known.
        const info = ctx.model(d.model);
        if (info.kind === 'abstract' || !info.ancestors.has('external.binding') || !info.complete) continue;
        if ([...info.sqlConstraints.values()].some((c) => UNIQUE.test(c))) continue;
      }
      out.push({ file, line: cls.line, column: cls.column, messageId: 'missingUnique', data: { model: d.model } });
    }
    return out;
  },
});
