/**
 * @fileoverview Rule: a class that defines a model sets `_description`. Odoo 16 logs "The model x
 * has no _description" for each class of a model whose `_inherit` does not list the model and
 * that has no `_description` (odoo/models.py _build_model_attributes): new models, including
 * `_name = "x"` with `_inherit = "other"`; extensions (`_inherit` naming the model) are exempt.
 */
import { modelKind } from '../../odoo/addon.js';
import { litString, litStrings } from '../../odoo/python.js';
import { loadedModelClasses } from '../model-classes.js';
import { defineRule, type Finding } from '../rule.js';

export default defineRule({
  meta: {
    id: 'model-missing-description',
    severity: 'error',
    description: 'New models set _description',
    messages: {
      missingDescription: 'Model "{{model}}" has no _description: Odoo logs "The model {{model}} has no _description" at every start; add _description = "..." (the model\'s name for users).',
    },
  },
  async check(ctx) {
    const out: Array<Finding<'missingDescription'>> = [];
    for (const { file, cls } of await loadedModelClasses(ctx)) {
      // A class deriving from another Python class may get _description from it: not judged.
      if (!modelKind(cls) || cls.bases.length !== 1) continue;
      const name = litString(cls.attrs._name);
      if (!name) continue;
      const inherit = cls.attrs._inherit ? litStrings(cls.attrs._inherit) : [];
      if (!inherit || inherit.includes(name)) continue;
      const register = cls.attrs._register;
      if (register && !(register.kind === 'bool' && register.value === true)) continue;
      const d = cls.attrs._description;
      if (d && !(d.kind === 'none' || (d.kind === 'str' && d.value === '') || (d.kind === 'bool' && d.value === false))) continue;
      const at = cls.attrs._name!;
      out.push({ file, line: at.line, column: at.column, messageId: 'missingDescription', data: { model: name } });
    }
    return out;
  },
});
