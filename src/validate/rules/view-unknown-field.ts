/**
 * @fileoverview Rule: fields named in a view's arch (<field name>, attrs domains, object buttons)
 * exist on the view's model. Sub-views of relational fields are skipped (other model). An
 * extension without a `model` field takes its parent's: known when the parent is a core view of
 * the baseline (odoo16-views.json).
 */
import type { Catalog } from '../../odoo/catalog.js';
import type { XEl } from '../../odoo/xml.js';
import { defineRule, type Finding } from '../rule.js';

const ATTRS_FIELD = /\(\s*['"](\w+)(?:\.[\w.]+)?['"]\s*,\s*['"](?:=|!=|<>|<|>|<=|>=|=?like|=?ilike|not like|not ilike|in|not in|child_of|parent_of)['"]/g;

export default defineRule({
  meta: {
    id: 'view-unknown-field',
    severity: 'error',
    description: 'Fields and object buttons in views exist on the model',
    messages: {
      unknownField: 'Field "{{field}}" does not exist on model "{{model}}".',
      unknownMethod: 'Button calls method "{{method}}", which model "{{model}}" does not have.',
    },
  },
  async check(ctx) {
    const out: Array<Finding<'unknownField' | 'unknownMethod'>> = [];
    for (const r of await ctx.records()) {
      if (r.model !== 'ir.ui.view') continue;
      const model = r.fields.model?.text ?? coreParentModel(ctx.catalog, r.fields.inherit_id?.attrs.ref);
      const arch = r.fields.arch;
      // An inherited view without a model field takes its model from the parent: unknown unless a core view.
      if (!model || !arch) continue;
      const info = ctx.model(model);
      // Partial knowledge: a mixin or an unknown addon may add the field.
      if (!info.defined || !info.complete) continue;
      const has = (field: string): boolean => info.fields.has(field) || ctx.catalog.maybeAdded(model, field);
      const visit = (el: XEl): void => {
        // A positioned <field> is a locator: when the model lacks it, it sits in a sub-view of
        // another model (the parent view, not ours, decides), so neither it nor its content is ours.
        if (el.tag === 'field' && el.attrs.position && el.attrs.name && !info.fields.has(el.attrs.name)) return;
        if (el.tag === 'xpath' && !xpathOnModel(el.attrs.expr ?? '', info.fields)) return;
        if (el.tag === 'field' && el.attrs.name && el !== arch && !el.attrs.position && !has(el.attrs.name)) {
          out.push({ file: r.file, line: el.line, column: el.column, messageId: 'unknownField', data: { field: el.attrs.name, model } });
        }
        if (el.tag === 'button' && el.attrs.type === 'object' && el.attrs.name && !info.methods.has(el.attrs.name) && !ctx.catalog.maybeAdded(model, el.attrs.name)) {
          out.push({ file: r.file, line: el.line, column: el.column, messageId: 'unknownMethod', data: { method: el.attrs.name, model } });
        }
        // Tested first: matchAll copies its regex even over an empty string, for every element.
        const attrs = el.attrs.attrs;
        if (attrs) {
          for (const m of attrs.matchAll(ATTRS_FIELD)) {
            if (m[1] !== 'parent' && !has(m[1]!)) out.push({ file: r.file, line: el.line, column: el.column, messageId: 'unknownField', data: { field: m[1]!, model } });
          }
        }
        // Children of a relational <field> or of a list <groupby> are a sub-view of another model.
        if (el !== arch && el.tag === 'field' && !el.attrs.position) return;
        if (el.tag === 'groupby') return;
        el.children.forEach(visit);
      };
      visit(arch);
    }
    return out;
  },
});

/**
 * True when an xpath provably targets the view's own model: it names no sub-view (tree, form,
 * kanban below a field) and every field it names belongs to the model.
 */
function xpathOnModel(expr: string, fields: Set<string>): boolean {
  if (/field\[[^\]]*\]\//.test(expr)) return false;
  if (/.\/(tree|form|kanban)\b/.test(expr) && /field/.test(expr)) return false;
  for (const m of expr.matchAll(/field\[@name\s*=\s*['"](\w+)['"]\]/g)) if (!fields.has(m[1]!)) return false;
  return true;
}

/** The model of a core view a ref names (`sale.view_order_form`), up its inherit chain; undefined when not one. */
function coreParentModel(catalog: Catalog, ref: string | undefined): string | undefined {
  const seen = new Set<string>();
  for (let id = ref; id?.includes('.') && !seen.has(id); ) {
    seen.add(id);
    const v = catalog.coreView(id);
    if (!v) return undefined;
    if (v.model) return v.model;
    id = v.inherit;
  }
  return undefined;
}
