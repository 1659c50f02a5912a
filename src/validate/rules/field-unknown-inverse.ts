/**
 * @fileoverview Rule: a One2many's inverse field exists on its comodel.
 */
import { fieldComodel } from '../../odoo/addon.js';
import { loadedModelClasses } from '../model-classes.js';
import { defineRule, type Finding } from '../rule.js';

export default defineRule({
  meta: {
    id: 'field-unknown-inverse',
    severity: 'error',
    description: "A One2many's inverse field exists on its comodel",
    messages: { unknownInverse: 'One2many "{{field}}" names inverse field "{{inverse}}", which model "{{comodel}}" does not have (the registry fails to load with KeyError); add the Many2one to {{comodel}} or fix the name.' },
  },
  async check(ctx) {
    const out: Array<Finding<'unknownInverse'>> = [];
    for (const { file, cls } of await loadedModelClasses(ctx)) {
      for (const f of cls.fields) {
        if (f.type !== 'One2many') continue;
        const comodel = fieldComodel(f);
        const lit = f.kwargs.inverse_name ?? f.args[1];
        if (!comodel || lit?.kind !== 'str') continue;
        const inverse = lit.value as string;
        const info = ctx.model(comodel);
        if (!info.defined || !info.complete || info.fields.has(inverse) || ctx.catalog.maybeAdded(comodel, inverse)) continue;
        out.push({ file, line: lit.line, column: lit.column, messageId: 'unknownInverse', data: { field: f.name, inverse, comodel } });
      }
    }
    return out;
  },
});
