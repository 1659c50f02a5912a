/**
 * @fileoverview Rule: a component's `_inherit` names components that exist. The OCA component
 * builder (component/core.py _build_component) raises "Component x inherits from non-existing
 * component y" (or "Component y does not exist in registry" for an extension) while Odoo loads the
 * addon: the registry fails to load. Judged when every addon of the scope is known.
 */
import { defineRule, type Finding } from '../rule.js';

export default defineRule({
  meta: {
    id: 'component-unknown-inherit',
    severity: 'error',
    description: "A component's _inherit names existing components",
    messages: { unknownParent: 'Component {{component}} inherits "{{parent}}", which no addon in scope registers: the registry fails to load ("inherits from non-existing component"); fix the name or add the addon that defines it to depends.' },
  },
  async check(ctx) {
    if (!ctx.catalog.scope(ctx.name).complete) return [];
    const imported = await ctx.imported();
    const out: Array<Finding<'unknownParent'>> = [];
    for (const c of await ctx.components()) {
      if (imported && !imported.has(c.file)) continue;
      const at = c.cls.attrs._inherit;
      if (!at) continue;
      for (const parent of c.inherit) {
        if (parent === 'base' || ctx.catalog.componentDecls(ctx.name, parent).length > 0) continue;
        out.push({ file: c.file, line: at.line, column: at.column, messageId: 'unknownParent', data: { component: c.name ? `"${c.name}"` : `class ${c.cls.name}`, parent } });
      }
    }
    return out;
  },
});
