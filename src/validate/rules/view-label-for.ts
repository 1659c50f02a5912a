/**
 * @fileoverview Rule: a validated `<label>` has a `for` naming a field, a field id or a button of
 * its view level (ir_ui_view.py `_validate_tag_label` and NameManager.must_have_name).
 */
import { defineRule, type Finding } from '../rule.js';
import { validatedElements, viewArches, viewLevels } from '../view-arch.js';

export default defineRule({
  meta: {
    id: 'view-label-for',
    severity: 'error',
    description: 'Labels in views have a for naming a field or button of the view',
    messages: {
      noFor: 'Label without "for": Odoo 16 refuses the view (\'Label tag must contain a "for"\'); add for="<field name>" or use <span class="o_form_label"> for a plain caption.',
      unknown: 'Label for="{{name}}" names no field, field id or button of this view: Odoo 16 refuses the view ("Name or id \'{{name}}\' in <label for=\\"...\\"> must be present in view but is missing"); point for at a field of the view.',
    },
  },
  async check(ctx) {
    const out: Array<Finding<'noFor' | 'unknown'>> = [];
    for (const view of await viewArches(ctx)) {
      const levels = view.inherit ? undefined : viewLevels(ctx, view).levelOf;
      for (const el of validatedElements(view)) {
        if (el.tag !== 'label') continue;
        const name = el.attrs.for;
        if (!name) out.push({ file: view.file, line: el.line, column: el.column, messageId: 'noFor' });
        else if (levels && !levels.get(el)!.names.has(name)) out.push({ file: view.file, line: el.line, column: el.column, messageId: 'unknown', data: { name } });
      }
    }
    return out;
  },
});
