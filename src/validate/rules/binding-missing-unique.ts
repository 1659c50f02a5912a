/**
 * @fileoverview Rule: a binding (a model inheriting external.binding) has a unique SQL constraint
 * on backend and external id (or backend and Odoo record), its own or inherited. Odoo merges
 * `_sql_constraints` by name along `_inherit`, so a child redefining a name replaces the parent's.
 */
import { defineRule, type Finding } from '../rule.js';
import { loadedModelClasses } from '../model-classes.js';

const UNIQUE = /unique\s*\(([^)]*)\)/gi;

/**
 * True when a constraint definition makes (backend_id, external key) unique, in any column order.
 * `unique(backend_id, odoo_id)` alone does not count: two imports of one external record create
 * two Odoo records, each bound once.
 */
export function isBindingUnique(definition: string): boolean {
  for (const m of definition.matchAll(UNIQUE)) {
    const columns = m[1]!.split(',').map((c) => c.trim().toLowerCase());
    if (columns.includes('backend_id') && columns.some((c) => c !== 'backend_id' && c !== 'odoo_id')) return true;
  }
  return false;
}

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
        if (isBindingUnique(cls.attrs._sql_constraints?.text ?? '')) continue;
      } else {
        // A binding further down the chain (shopify.product.product -> shopify.binding ->
        // generic.binding): judged on the merged constraints, when the whole chain is known.
        const info = ctx.model(d.model);
        if (info.kind === 'abstract' || !info.ancestors.has('external.binding') || !info.complete) continue;
        if ([...info.sqlConstraints.values()].some(isBindingUnique)) continue;
      }
      out.push({ file, line: cls.line, column: cls.column, messageId: 'missingUnique', data: { model: d.model } });
    }
    return out;
  },
});
