/**
 * @fileoverview Rule: <record model="..."> names a model known in the addon's scope.
 */
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'xml-unknown-model',
    severity: 'error',
    description: '<record> models exist',
    messages: { unknownModel: 'Model "{{model}}" is not defined by this addon or its dependencies.' },
  },
  async check(ctx) {
    // An unknown dependency may define the model.
    if (!ctx.catalog.scope(ctx.name).complete) return [];
    return (await ctx.records())
      .filter((r) => !ctx.model(r.model).defined)
      .map((r) => ({ file: r.file, line: r.el.line, column: r.el.column, messageId: 'unknownModel' as const, data: { model: r.model } }));
  },
});
