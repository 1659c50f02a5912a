/**
 * @fileoverview Rule: `_inherit`/`_inherits` name models the addon or its dependencies define.
 */
import { fileModels } from '../../odoo/addon.js';
import { litStrings } from '../../odoo/python.js';
import { defineRule, type Finding } from '../rule.js';

export default defineRule({
  meta: {
    id: 'model-unknown-inherit',
    severity: 'error',
    description: '_inherit/_inherits name known models',
    messages: { unknownModel: 'Model "{{model}}" is not defined by this addon or its dependencies (add the addon that defines it to depends).' },
  },
  async check(ctx) {
    // If a dependency is unknown, the model may come from it.
    if (!ctx.catalog.scope(ctx.name).complete) return [];
    const out: Array<Finding<'unknownModel'>> = [];
    for (const file of ctx.addon.pythonFiles()) {
      for (const { cls } of fileModels(await ctx.addon.python(file), file)) {
        const inherit = cls.attrs._inherit;
        const names = [...(litStrings(inherit) ?? []), ...(cls.attrs._inherits?.entries ?? []).map((e) => (e.key.kind === 'str' ? (e.key.value as string) : ''))];
        for (const model of names) {
          if (!model || ctx.model(model).defined) continue;
          const at = inherit ?? cls.attrs._inherits!;
          out.push({ file, line: at.line, column: at.column, messageId: 'unknownModel', data: { model } });
        }
      }
    }
    return out;
  },
});
