/**
 * @fileoverview Rule: a regular model has no stored Many2one to a transient model. Odoo 16 refuses
 * it when it creates the column (odoo/fields.py Many2one.update_db: "Many2one x from Model to
 * TransientModel is forbidden"): the install fails. The other way (a wizard pointing at a regular
 * model) is allowed, and so are non-stored fields (computed, related) and abstract models (no table).
 */
import { fieldComodel } from '../../odoo/addon.js';
import type { Lit } from '../../odoo/python.js';
import { loadedModelClasses } from '../model-classes.js';
import { defineRule, type Finding } from '../rule.js';

const isTrue = (lit: Lit | undefined): boolean => lit?.kind === 'bool' && lit.value === true;
const given = (lit: Lit | undefined): boolean => !!lit && lit.kind !== 'none' && !(lit.kind === 'bool' && lit.value === false);

export default defineRule({
  meta: {
    id: 'field-many2one-transient',
    severity: 'error',
    description: 'A regular model has no stored Many2one to a transient model',
    messages: {
      toTransient: 'Many2one "{{field}}" of model "{{model}}" points to transient model "{{comodel}}": Odoo refuses it at install ("Many2one ... from Model to TransientModel is forbidden"); link the wizard to the model instead, or make the field non-stored.',
    },
  },
  async check(ctx) {
    const out: Array<Finding<'toTransient'>> = [];
    for (const { file, cls, decl } of await loadedModelClasses(ctx)) {
      // _auto = False (SQL views) and BaseModel subclasses have no table of their own.
      if ('_auto' in cls.attrs || cls.bases.some((b) => /(^|\.)BaseModel$/.test(b))) continue;
      const info = ctx.model(decl.model);
      // A Model class inheriting a transient model is transient: Python finds TransientModel's
      // _transient before Model's (test_testing_utilities' res.config.test).
      if (!info.defined || info.kind !== 'model' || [...info.ancestors].some((a) => ctx.model(a).kind === 'transient')) continue;
      for (const f of cls.fields) {
        if (f.type !== 'Many2one') continue;
        const stored = isTrue(f.kwargs.store) || (!given(f.kwargs.compute) && !given(f.kwargs.related) && !given(f.kwargs.company_dependent) && f.kwargs.store === undefined);
        if (!stored) continue;
        const comodel = fieldComodel(f);
        if (!comodel) continue;
        const target = ctx.model(comodel);
        if (!target.defined || target.kind !== 'transient') continue;
        const at = f.kwargs.comodel_name ?? f.args[0]!;
        out.push({ file, line: at.line, column: at.column, messageId: 'toTransient', data: { field: f.name, model: decl.model, comodel } });
      }
    }
    return out;
  },
});
