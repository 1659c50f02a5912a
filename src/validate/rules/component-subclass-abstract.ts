/**
 * @fileoverview Rule: a Python subclass of an abstract component class is itself abstract, so
 * lookup() never returns it; subclass Component and name the parent in _inherit.
 */
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'component-subclass-abstract',
    severity: 'error',
    description: 'Concrete components subclass Component, not a framework class',
    messages: { abstractSubclass: 'Class "{{cls}}" subclasses "{{base}}" in Python and inherits _abstract = True, so it is never found by lookup(); subclass Component and put the parent in _inherit.' },
  },
  async check(ctx) {
    return (await ctx.components())
      // Only Python subclasses that look meant to be used (they set a usage) and stayed abstract.
      .filter((c) => c.pythonSubclass && c.abstract && c.usage !== undefined && c.cls.attrs._abstract === undefined)
      .map((c) => ({ file: c.file, line: c.cls.line, column: c.cls.column, messageId: 'abstractSubclass' as const, data: { cls: c.cls.name, base: c.cls.bases[0] ?? '' } }));
  },
});
