/**
 * @fileoverview Rule: in an addon that depends on generic_connector, the backend model inherits
 * `generic.backend` (directly or through a parent). Otherwise the connector gets none of the
 * framework's sync machinery, and generic_connector's views, crons and bindings that expect a
 * generic backend break. A backend is a new concrete model named `*.backend` or inheriting
 * `connector.backend`.
 */
import { defineRule, type Finding } from '../rule.js';

export default defineRule({
  meta: {
    id: 'connector-backend-inherit',
    severity: 'error',
    description: 'Backends of generic_connector connectors inherit generic.backend',
    messages: { notGeneric: 'Backend "{{model}}" does not inherit generic.backend; set _inherit = "generic.backend".' },
  },
  async check(ctx) {
    // The connector contract applies only to addons that depend on generic_connector themselves.
    if (!ctx.manifest.depends.some((d) => d.value === 'generic_connector')) return [];
    const out: Array<Finding<'notGeneric'>> = [];
    for (const d of await ctx.addon.models()) {
      if (!d.isNew || d.kind !== 'model' || !d.file) continue;
      const info = ctx.model(d.model);
      if (!d.model.endsWith('.backend') && !info.ancestors.has('connector.backend')) continue;
      if (info.ancestors.has('generic.backend')) continue;
      // A parent we do not know may itself inherit generic.backend.
      if ([...d.parents, ...Object.keys(d.inherits)].some((p) => !ctx.model(p).defined || !ctx.model(p).complete)) continue;
      const cls = (await ctx.addon.python(d.file)).classes.find((c) => c.line === d.line);
      const at = cls?.attrs._inherit ?? cls?.attrs._name;
      out.push({ file: d.file, line: at?.line ?? d.line ?? 1, column: at?.column ?? 1, messageId: 'notGeneric', data: { model: d.model } });
    }
    return out;
  },
});
