/**
 * @fileoverview Rule: `col` and `colspan` of validated view elements are digits
 * (ir_ui_view.py `_validate_attrs`: `expr.isdigit()`).
 */
import { defineRule, type Finding } from '../rule.js';
import { validatedElements, viewArches } from '../view-arch.js';

export default defineRule({
  meta: {
    id: 'view-col-integer',
    severity: 'error',
    description: 'col and colspan in views are integers',
    messages: {
      notInteger: '{{attr}}="{{value}}" is not an integer: Odoo 16 refuses the view ("\'{{attr}}\' value must be an integer"); write a number of columns such as {{attr}}="2".',
    },
  },
  async check(ctx) {
    const out: Array<Finding<'notInteger'>> = [];
    for (const view of await viewArches(ctx)) {
      for (const el of validatedElements(view)) {
        for (const attr of ['col', 'colspan']) {
          const value = el.attrs[attr];
          if (value !== undefined && !/^\d+$/.test(value)) out.push({ file: view.file, line: el.line, column: el.column, messageId: 'notInteger', data: { attr, value } });
        }
      }
    }
    return out;
  },
});
