/**
 * @fileoverview Rule: `@api.depends` of a compute method names fields that exist.
 */
import { walkFieldPath } from '../field-paths.js';
import { loadedModelClasses } from '../model-classes.js';
import { defineRule, type Finding } from '../rule.js';

export default defineRule({
  meta: {
    id: 'depends-unknown-field',
    severity: 'error',
    description: '@api.depends of compute methods names existing fields',
    messages: { unknownDepend: '@api.depends("{{path}}") on "{{method}}": model "{{model}}" has no field "{{missing}}" (the registry fails to load: "Wrong @depends"); fix the path.' },
  },
  async check(ctx) {
    const out: Array<Finding<'unknownDepend'>> = [];
    for (const { file, cls, decl } of await loadedModelClasses(ctx)) {
      // The registry resolves dependencies on concrete models only; a mixin's are checked where it
      // is inherited, with the fields the concrete model adds.
      if (ctx.model(decl.model).kind === 'abstract') continue;
      // Odoo resolves the dependencies of compute methods only; a decorated method no field
      // computes with is never read.
      const computes = new Set(cls.fields.map((f) => f.kwargs.compute).filter((l) => l?.kind === 'str').map((l) => l!.value as string));
      for (const m of cls.methods) {
        if (!computes.has(m.name)) continue;
        // Stacked @api.depends: the outermost (first written) sets `_depends` last and wins.
        const d = m.decorators.find((x) => x.name === 'api.depends');
        if (d) {
          for (const a of d.args) {
            if (a.kind !== 'str') continue;
            const r = walkFieldPath(ctx, decl.model, a.value as string, true);
            if (r && !r.ok) out.push({ file, line: a.line, column: a.column, messageId: 'unknownDepend', data: { path: a.value as string, method: m.name, model: r.model, missing: r.field } });
          }
        }
      }
    }
    return out;
  },
});
