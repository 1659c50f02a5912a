/**
 * @fileoverview Rule: `compute=`/`inverse=`/`search=` name a method the model has.
 */
import { loadedModelClasses } from '../model-classes.js';
import { defineRule, type Finding } from '../rule.js';

const KEYS = ['compute', 'inverse', 'search'] as const;

export default defineRule({
  meta: {
    id: 'field-unknown-method',
    severity: 'error',
    description: 'compute=/inverse=/search= name a method of the model',
    messages: { unknownMethod: 'Field "{{field}}" sets {{key}}="{{method}}", but model "{{model}}" has no such method (reading or writing the field fails with AttributeError); define the method or fix the name.' },
  },
  async check(ctx) {
    const out: Array<Finding<'unknownMethod'>> = [];
    for (const { file, cls, decl } of await loadedModelClasses(ctx)) {
      const info = ctx.model(decl.model);
      if (!info.defined || !info.complete) continue;
      for (const f of cls.fields) {
        // A required, writable stored field always receives its value on create; without
        // dependencies its compute method never runs (hr_skills' hr.employee.skill.log).
        const neverComputed = f.kwargs.store?.value === true && f.kwargs.readonly?.value === false && f.kwargs.required?.value === true;
        for (const key of KEYS) {
          if (key === 'compute' && neverComputed) continue;
          const lit = f.kwargs[key];
          if (lit?.kind !== 'str') continue;
          const method = lit.value as string;
          if (info.methods.has(method) || ctx.catalog.maybeAdded(decl.model, method)) continue;
          out.push({ file, line: lit.line, column: lit.column, messageId: 'unknownMethod', data: { field: f.name, key, method, model: decl.model } });
        }
      }
    }
    return out;
  },
});
