/**
 * @fileoverview Rule: `related=` goes through fields that exist.
 */
import { walkFieldPath } from '../field-paths.js';
import { loadedModelClasses } from '../model-classes.js';
import { defineRule, type Finding } from '../rule.js';

export default defineRule({
  meta: {
    id: 'field-unknown-related',
    severity: 'error',
    description: 'related= goes through existing fields',
    messages: { unknownRelated: 'Field "{{field}}" is related to "{{path}}", but model "{{model}}" has no field "{{missing}}" (the registry fails to load: "Field ... referenced in related field definition ... does not exist"); fix the path.' },
  },
  async check(ctx) {
    const out: Array<Finding<'unknownRelated'>> = [];
    for (const { file, cls, decl } of await loadedModelClasses(ctx)) {
      for (const f of cls.fields) {
        const lit = f.kwargs.related;
        if (lit?.kind !== 'str') continue;
        const r = walkFieldPath(ctx, decl.model, lit.value as string);
        if (r && !r.ok) out.push({ file, line: lit.line, column: lit.column, messageId: 'unknownRelated', data: { field: f.name, path: lit.value as string, model: r.model, missing: r.field } });
      }
    }
    return out;
  },
});
