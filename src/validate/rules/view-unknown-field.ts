/**
 * @fileoverview Rule: fields named in a view's arch (<field name>, attrs domains, object buttons)
 * exist on the view's model. Sub-views of relational fields are skipped (other model).
 */
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
      const model = r.fields.model?.text;
      const arch = r.fields.arch;
      // An inherited view without a model field takes its model from the parent: unknown here.
      if (!model || !arch) continue;
      const info = ctx.model(model);
      // Partial knowledge: a mixin or an unknown addon may add the field.
      if (!info.defined || !info.complete) continue;
      const visit = (el: XEl): void => {
        if (el.tag === 'field' && el.attrs.name && el !== arch && !info.fields.has(el.attrs.name)) {
          out.push({ file: r.file, line: el.line, column: el.column, messageId: 'unknownField', data: { field: el.attrs.name, model } });
        }
        if (el.tag === 'button' && el.attrs.type === 'object' && el.attrs.name && !info.methods.has(el.attrs.name)) {
          out.push({ file: r.file, line: el.line, column: el.column, messageId: 'unknownMethod', data: { method: el.attrs.name, model } });
        }
        for (const m of (el.attrs.attrs ?? '').matchAll(ATTRS_FIELD)) {
          if (m[1] !== 'parent' && !info.fields.has(m[1]!)) out.push({ file: r.file, line: el.line, column: el.column, messageId: 'unknownField', data: { field: m[1]!, model } });
        }
        // Children of a relational <field> are a sub-view of another model; of an xpath into one, too.
        if (el !== arch && el.tag === 'field' && !el.attrs.position) return;
        if (el.tag === 'xpath' && /field\[[^\]]*\]\//.test(el.attrs.expr ?? '')) return;
        if (el.tag === 'xpath' && /\/(tree|form|kanban)/.test(el.attrs.expr ?? '') && /field/.test(el.attrs.expr ?? '')) return;
        el.children.forEach(visit);
      };
      visit(arch);
    }
    return out;
  },
});
