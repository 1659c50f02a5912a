/**
 * @fileoverview Rule: a related field has the type of the field it relates to. Odoo 16 refuses a
 * mismatch while setting up the registry (odoo/fields.py setup_related: "Type of related field
 * x.a is inconsistent with y.b"), so the install fails. Judged when both types are known: the
 * field's class is one of odoo.fields and the target's declarations were read this run.
 */
import { FIELD_TYPES } from '../../odoo/field-facts.js';
import { loadedModelClasses } from '../model-classes.js';
import { ModelFields } from '../model-fields.js';
import { defineRule, type Finding } from '../rule.js';

export default defineRule({
  meta: {
    id: 'field-related-type-mismatch',
    severity: 'error',
    description: 'A related field has the type of its target field',
    messages: {
      typeMismatch: 'Field "{{field}}" is a {{type}} related to "{{path}}", a {{targetType}} field of "{{target}}": the registry fails to load ("Type of related field ... is inconsistent"); declare it as fields.{{targetClass}} or relate it to a {{type}} field.',
    },
  },
  async check(ctx) {
    const out: Array<Finding<'typeMismatch'>> = [];
    const mf = ModelFields.of(ctx);
    for (const { file, cls, decl } of await loadedModelClasses(ctx)) {
      for (const f of cls.fields) {
        const lit = f.kwargs.related;
        const type = FIELD_TYPES[f.type];
        if (lit?.kind !== 'str' || !type) continue;
        const end = mf.pathEnd(decl.model, lit.value as string);
        if (!end) continue;
        const targetType = mf.type(end.model, end.field);
        if (!targetType || targetType === type) continue;
        const targetClass = Object.keys(FIELD_TYPES).find((c) => FIELD_TYPES[c] === targetType) ?? targetType;
        out.push({ file, line: lit.line, column: lit.column, messageId: 'typeMismatch', data: { field: f.name, type, path: lit.value as string, targetType, target: `${end.model}.${end.field}`, targetClass } });
      }
    }
    return out;
  },
});
