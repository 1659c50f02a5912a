/**
 * @fileoverview Rule: the variables of `decoration-*`, `context`, `attrs` values and of
 * `<field domain>`/`<filter domain>` right-hand sides are fields of the same view level
 * (ir_ui_view.py `_validate_attrs`, `_validate_tag_field`, `_validate_tag_filter` with
 * NameManager.must_have_fields; names of IGNORED_IN_EXPRESSION are exempt, and `parent.x` of an
 * inline sub-view must be a field of the view holding it).
 * Only views that extend nothing: an extension's fields may be in the view it extends.
 */
import type { XEl } from '../../odoo/xml.js';
import { dictEntries, parseExpression, variableNames, type PyExpr } from '../py-expr.js';
import { defineRule, type Finding } from '../rule.js';
import { viewArches, viewLevels } from '../view-arch.js';

type Use = { el: XEl; attr: string; names: Set<string> };

function names(e: PyExpr | undefined): Set<string> {
  return (e && variableNames(e)) ?? new Set();
}

/** The expressions of one element whose variables Odoo requires in the view. */
function uses(el: XEl, relational: (field: string) => boolean): Use[] {
  const out: Use[] = [];
  for (const [attr, expr] of Object.entries(el.attrs)) {
    if (attr.startsWith('decoration-')) out.push({ el, attr, names: names(parseExpression(expr)) });
    else if (attr === 'context' || attr === 'attrs') {
      const e = parseExpression(expr);
      const entries = e && dictEntries(e);
      for (const e of entries ?? []) if (!(attr === 'context' && e.key === 'group_by')) names(e.value).forEach((n) => out.push({ el, attr, names: new Set([n]) }));
    } else if (attr === 'domain' && ((el.tag === 'field' && relational(el.attrs.name ?? '')) || el.tag === 'filter')) {
      out.push({ el, attr, names: names(parseExpression(expr)) });
    }
  }
  return out;
}

export default defineRule({
  meta: {
    id: 'view-expression-field-missing',
    severity: 'error',
    description: 'Fields used by decoration, context, attrs and domain expressions are in the view',
    messages: {
      missing: '{{attr}} uses "{{name}}", which is not a field of this view: Odoo 16 refuses the view ("Field \'{{name}}\' used in {{attr}} must be present in view but is missing"); add <field name="{{name}}" invisible="1"/> or fix the name.',
      composed: '{{attr}} uses "{{name}}": Odoo 16 refuses the view ("Invalid composed field {{name}}"); add the related field to the model and the view, and use it instead.',
    },
  },
  async check(ctx) {
    const out: Array<Finding<'missing' | 'composed'>> = [];
    for (const view of await viewArches(ctx)) {
      if (view.inherit) continue;
      const { levels, levelOf } = viewLevels(ctx, view);
      for (const level of levels) {
        const relational = (f: string): boolean => !!level.model && ctx.model(level.model).comodels.has(f);
        const stack: XEl[] = [level.el];
        while (stack.length) {
          const el = stack.pop()!;
          if (levelOf.get(el) !== level) continue;
          for (const u of uses(el, relational)) {
            for (const name of u.names) {
              // `parent.x` must be in the level holding the sub-view's field (unchecked at the top).
              const parent = name.startsWith('parent.');
              const where = parent ? level.parent : level;
              const field = parent ? name.slice(7) : name;
              if (!where || where.fields.has(field)) continue;
              const messageId = field.includes('.') ? 'composed' : 'missing';
              out.push({ file: view.file, line: el.line, column: el.column, messageId, data: { attr: u.attr, name: field } });
            }
          }
          for (const c of el.children) stack.push(c);
        }
      }
    }
    return out.sort((a, b) => a.line - b.line || a.column - b.column);
  },
});
