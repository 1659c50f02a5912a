/**
 * @fileoverview Rule: a relational field's `ondelete` is one Odoo 16 accepts for it
 * (odoo/fields.py setup_nonrelated), else the registry fails to load with ValueError:
 * a Many2many takes only 'cascade' or 'restrict' ("declares its ondelete policy as being ...");
 * a Many2one to one of the ir.model* models or ir.module.module may not use 'restrict'.
 * (A required Many2one with 'set null' is field-required-set-null.)
 */
import { fieldComodel } from '../../odoo/addon.js';
import { loadedModelClasses } from '../model-classes.js';
import { defineRule, type Finding } from '../rule.js';

/** odoo/fields.py IR_MODELS: their records go away on uninstall, so 'restrict' would block it. */
const IR_MODELS = new Set(['ir.model', 'ir.model.data', 'ir.model.fields', 'ir.model.fields.selection', 'ir.model.relation', 'ir.model.constraint', 'ir.module.module']);

export default defineRule({
  meta: {
    id: 'field-ondelete-invalid',
    severity: 'error',
    description: "A relational field's ondelete is one Odoo accepts for it",
    messages: {
      manyToMany: "Many2many \"{{field}}\" declares ondelete='{{ondelete}}': the registry fails to load (only 'cascade' and 'restrict' make sense for a Many2many); use one of them or remove ondelete.",
      restrictIrModel: "Many2one \"{{field}}\" to {{comodel}} declares ondelete='restrict', which Odoo refuses for that comodel (the registry fails to load); use 'cascade' or 'set null'.",
    },
  },
  async check(ctx) {
    const out: Array<Finding<'manyToMany' | 'restrictIrModel'>> = [];
    for (const { file, cls } of await loadedModelClasses(ctx)) {
      for (const f of cls.fields) {
        const lit = f.kwargs.ondelete;
        if (lit?.kind !== 'str' || (f.kwargs.related && f.kwargs.related.kind !== 'none')) continue;
        const ondelete = lit.value as string;
        if (f.type === 'Many2many' && ondelete !== 'cascade' && ondelete !== 'restrict') {
          out.push({ file, line: lit.line, column: lit.column, messageId: 'manyToMany', data: { field: f.name, ondelete } });
        }
        const comodel = fieldComodel(f);
        if (f.type === 'Many2one' && ondelete === 'restrict' && comodel && IR_MODELS.has(comodel)) {
          out.push({ file, line: lit.line, column: lit.column, messageId: 'restrictIrModel', data: { field: f.name, comodel } });
        }
      }
    }
    return out;
  },
});
