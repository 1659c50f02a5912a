/**
 * @fileoverview Rule: a One2many names an inverse field, and its comodel has it. Without one (a new
 * stored One2many, not computed nor related), Odoo 16 fails when it creates the model's columns
 * (odoo/fields.py One2many.update_db: "No inverse field None found for ..."); with one the comodel
 * lacks, the registry fails to load with KeyError.
 */
import { fieldComodel } from '../../odoo/addon.js';
import type { Lit } from '../../odoo/python.js';
import { loadedModelClasses } from '../model-classes.js';
import { ModelFields } from '../model-fields.js';
import { defineRule, type Finding } from '../rule.js';

const given = (lit: Lit | undefined): boolean => !!lit && lit.kind !== 'none' && !(lit.kind === 'bool' && lit.value === false);

export default defineRule({
  meta: {
    id: 'field-unknown-inverse',
    severity: 'error',
    description: "A One2many names an inverse field that exists on its comodel",
    messages: {
      unknownInverse: 'One2many "{{field}}" names inverse field "{{inverse}}", which model "{{comodel}}" does not have (the registry fails to load with KeyError); add the Many2one to {{comodel}} or fix the name.',
      missingInverse: 'One2many "{{field}}" has no inverse field: Odoo fails at install ("No inverse field None found for \'{{comodel}}\'"); name the Many2one of {{comodel}} pointing back to "{{model}}" as second argument (inverse_name=).',
    },
  },
  async check(ctx) {
    const out: Array<Finding<'unknownInverse' | 'missingInverse'>> = [];
    let mf: ModelFields | undefined;
    for (const { file, cls, decl } of await loadedModelClasses(ctx)) {
      for (const f of cls.fields) {
        if (f.type !== 'One2many') continue;
        const comodel = fieldComodel(f);
        const lit = f.kwargs.inverse_name ?? f.args[1];
        if (!comodel) continue;
        if (!lit) {
          // A stored field of a table: computed, related or non-stored ones have no column to make.
          const stored = f.kwargs.store?.kind === 'bool' ? f.kwargs.store.value === true : !f.kwargs.store && !given(f.kwargs.compute) && !given(f.kwargs.related);
          if (!stored || '_auto' in cls.attrs) continue;
          const info = ctx.model(decl.model);
          if (!info.defined || (info.kind !== 'model' && info.kind !== 'transient') || !ctx.model(comodel).defined) continue;
          // Another declaration of the field (an extension of it) may give the inverse.
          mf ??= ModelFields.of(ctx);
          const defs = mf.definitions(decl.model, f.name);
          if (!defs || defs.length !== 1) continue;
          const at = f.kwargs.comodel_name ?? f.args[0]!;
          out.push({ file, line: at.line, column: at.column, messageId: 'missingInverse', data: { field: f.name, comodel, model: decl.model } });
          continue;
        }
        if (lit.kind !== 'str') continue;
        const inverse = lit.value as string;
        const info = ctx.model(comodel);
        if (!info.defined || !info.complete || info.fields.has(inverse) || ctx.catalog.maybeAdded(comodel, inverse)) continue;
        out.push({ file, line: lit.line, column: lit.column, messageId: 'unknownInverse', data: { field: f.name, inverse, comodel } });
      }
    }
    return out;
  },
});
