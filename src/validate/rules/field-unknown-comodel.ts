/**
 * @fileoverview Rule: a Many2one/One2many/Many2many names a comodel the addon's dependencies define.
 */
import { fieldComodel } from '../../odoo/addon.js';
import { loadedModelClasses } from '../model-classes.js';
import { defineRule, type Finding } from '../rule.js';

export default defineRule({
  meta: {
    id: 'field-unknown-comodel',
    severity: 'error',
    description: 'Relational fields name a model the addon or its dependencies define',
    messages: { unknownComodel: 'Field "{{field}}" names comodel "{{comodel}}", which this addon and its dependencies do not define (Odoo logs "Field ... with unknown comodel_name"); add the defining addon to depends or fix the name.' },
  },
  async check(ctx) {
    // If a dependency is unknown, the model may come from it.
    // A model whose `_name` is computed (test_impex's generated models) may be the one named;
    // base's only computed `_name` is for custom `x_` models, which code does not name.
    const scope = ctx.catalog.scope(ctx.name);
    if (!scope.complete || [...scope.addons].some((a) => a !== 'base' && ctx.catalog.summary(a)?.opaqueModels)) return [];
    const out: Array<Finding<'unknownComodel'>> = [];
    for (const { file, cls } of await loadedModelClasses(ctx)) {
      for (const f of cls.fields) {
        const comodel = fieldComodel(f);
        if (!comodel || ctx.model(comodel).defined) continue;
        const at = f.kwargs.comodel_name ?? f.args[0]!;
        out.push({ file, line: at.line, column: at.column, messageId: 'unknownComodel', data: { field: f.name, comodel } });
      }
    }
    return out;
  },
});
