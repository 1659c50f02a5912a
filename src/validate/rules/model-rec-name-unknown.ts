/**
 * @fileoverview Rule: `_rec_name` names a field of the model, and `_active_name` is `active` or
 * `x_active` and a field of the model. Odoo 16 asserts both while setting up the model
 * (odoo/models.py _setup_base: "Invalid _rec_name=... for model ...", "Invalid _active_name=..."):
 * the registry fails to load.
 */
import { loadedModelClasses } from '../model-classes.js';
import { defineRule, type Finding } from '../rule.js';

export default defineRule({
  meta: {
    id: 'model-rec-name-unknown',
    severity: 'error',
    description: '_rec_name and _active_name name fields of the model',
    messages: {
      unknownRecName: '_rec_name "{{name}}" is not a field of model "{{model}}": the registry fails to load ("Invalid _rec_name"); name one of its fields or declare the field.',
      invalidActiveName: '_active_name "{{name}}" must be "active" or "x_active" and a field of model "{{model}}": the registry fails to load ("Invalid _active_name"); rename the field to active.',
    },
  },
  async check(ctx) {
    const out: Array<Finding<'unknownRecName' | 'invalidActiveName'>> = [];
    for (const { file, cls, decl } of await loadedModelClasses(ctx)) {
      const rec = cls.attrs._rec_name;
      const active = cls.attrs._active_name;
      if (rec?.kind !== 'str' && active?.kind !== 'str') continue;
      const info = ctx.model(decl.model);
      if (!info.defined || !info.complete) continue;
      const missing = (name: string): boolean => !info.fields.has(name) && !ctx.catalog.maybeAdded(decl.model, name);
      if (rec?.kind === 'str' && rec.value !== '' && missing(rec.value as string)) {
        out.push({ file, line: rec.line, column: rec.column, messageId: 'unknownRecName', data: { name: rec.value as string, model: decl.model } });
      }
      if (active?.kind === 'str' && active.value !== '') {
        const name = active.value as string;
        if ((name !== 'active' && name !== 'x_active') || missing(name)) out.push({ file, line: active.line, column: active.column, messageId: 'invalidActiveName', data: { name, model: decl.model } });
      }
    }
    return out;
  },
});
