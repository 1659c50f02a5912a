/**
 * @fileoverview Rule: field paths of `<field domain>` exist on the field's comodel, of
 * `<filter domain>` on the view's model, and the field of a `context` `group_by` on the model
 * (ir_ui_view.py `_check_field_paths`, `_validate_attrs` on `group_by`). Silent when a model of
 * the path is not fully known. A `group_by` that is not a string literal is refused outright.
 */
import type { XEl } from '../../odoo/xml.js';
import { walkFieldPath } from '../field-paths.js';
import { dictEntries, domainFields, exprText, parseExpression } from '../py-expr.js';
import { defineRule, type Finding } from '../rule.js';
import type { AddonContext } from '../context.js';
import { validatedElements, viewArches, viewLevels } from '../view-arch.js';

type Id = 'domain' | 'groupBy' | 'groupByNotString';

export default defineRule({
  meta: {
    id: 'view-domain-unknown-field',
    severity: 'error',
    description: 'Domains and group_by contexts in views name existing fields',
    messages: {
      domain: 'Domain of <{{tag}}> names "{{path}}", but model "{{model}}" has no field "{{field}}": Odoo 16 refuses the view ("Unknown field \\"{{model}}.{{field}}\\" in domain"); fix the field path.',
      groupByNotString: 'group_by value {{value}} is not a string: Odoo 16 refuses the view (\'"group_by" value must be a string\'); quote the field name.',
      groupBy: 'group_by "{{value}}" names no field of model "{{model}}": Odoo 16 refuses the view ("Unknown field \\"{{field}}\\" in \\"group_by\\" value"); use an existing field name.',
    },
  },
  async check(ctx) {
    const out: Array<Finding<Id>> = [];
    for (const view of await viewArches(ctx)) {
      // An extension's elements may sit in a sub-view of another model, except filters (search views).
      const levelOf = view.inherit ? undefined : viewLevels(ctx, view).levelOf;
      for (const el of validatedElements(view)) {
        const model = levelOf ? levelOf.get(el)!.model : el.tag === 'filter' ? view.model : undefined;
        if (model && el.attrs.domain && el.tag === 'filter') checkDomain(ctx, el, model, view.file, out);
        if (model && el.attrs.domain && el.tag === 'field' && el.attrs.name) {
          const comodel = ctx.model(model).comodels.get(el.attrs.name);
          if (comodel) checkDomain(ctx, el, comodel, view.file, out);
        }
        const context = el.attrs.context ? parseExpression(el.attrs.context) : undefined;
        for (const e of (context && dictEntries(context)) ?? []) {
          if (e.key !== 'group_by') continue;
          const v = e.value.node;
          if (v.type !== 'Constant' || v.kind !== 'str') {
            out.push({ file: view.file, line: el.line, column: el.column, messageId: 'groupByNotString', data: { value: exprText(e.value, v) } });
            continue;
          }
          if (!model) continue;
          const value = v.value as string;
          const field = value.split(':')[0]!;
          const info = ctx.model(model);
          if (!info.defined || !info.complete || info.fields.has(field) || ctx.catalog.maybeAdded(model, field)) continue;
          out.push({ file: view.file, line: el.line, column: el.column, messageId: 'groupBy', data: { value, field, model } });
        }
      }
    }
    return out;
  },
});

function checkDomain(ctx: AddonContext, el: XEl, model: string, file: string, out: Array<Finding<Id>>): void {
  const domain = parseExpression(el.attrs.domain!);
  for (const path of (domain && domainFields(domain)) ?? []) {
    const r = walkFieldPath(ctx, model, path);
    if (r && !r.ok) out.push({ file, line: el.line, column: el.column, messageId: 'domain', data: { tag: el.tag, path, model: r.model, field: r.field } });
  }
}
