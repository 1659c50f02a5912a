/**
 * @fileoverview Rule: <field name> inside a <record> is a field of the record's model.
 */
import { defineRule, type Finding } from '../rule.js';

// Keys these models' create() accepts that are not fields (ir.property 'value').
const PSEUDO_FIELDS: Record<string, string[]> = { 'ir.property': ['value'] };

export default defineRule({
  meta: {
    id: 'xml-unknown-field',
    severity: 'error',
    description: 'Record fields exist on the model',
    messages: { unknownField: 'Field "{{field}}" does not exist on model "{{model}}".' },
  },
  async check(ctx) {
    const out: Array<Finding<'unknownField'>> = [];
    for (const r of await ctx.records()) {
      const info = ctx.model(r.model);
      // Partial knowledge of the model: a mixin or unknown addon may add the field.
      if (!info.defined || !info.complete) continue;
      // for-in over the prototype-less map (context.ts): no array of pairs per record.
      for (const name in r.fields) {
        if (info.fields.has(name) || PSEUDO_FIELDS[r.model]?.includes(name) || ctx.catalog.maybeAdded(r.model, name)) continue;
        const el = r.fields[name]!;
        out.push({ file: r.file, line: el.line, column: el.column, messageId: 'unknownField', data: { field: name, model: r.model } });
      }
    }
    return out;
  },
});
