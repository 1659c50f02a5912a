/**
 * @fileoverview Rule: every concrete binding has a concrete binder. `base.binder` is abstract, so
 * without one, `binder_for()` and `related_action_unwrap_binding` fail with NoComponentError.
 * A binder covers a binding when its `_apply_on` lists it, or when it has no `_apply_on` at all
 * (pattern (b) of FRAMEWORK-SPEC §A4: one default binder per collection serves every binding).
 */
import type { ComponentSummary } from '../../odoo/components.js';
import type { AddonContext } from '../context.js';
import { defineRule, type Finding } from '../rule.js';

/** Concrete components of the addon and its dependencies, as the registry would hold them. */
function concreteComponents(ctx: AddonContext): ComponentSummary[] {
  const out: ComponentSummary[] = [];
  for (const a of ctx.catalog.scope(ctx.name).addons) for (const c of ctx.catalog.summary(a)?.components ?? []) if (!c.abstract) out.push(c);
  return out;
}

export default defineRule({
  meta: {
    id: 'component-missing-binder',
    severity: 'error',
    description: 'Each binding has a concrete binder',
    messages: { noBinder: 'Binding "{{model}}" has no concrete binder: add a Component inheriting base.binder (or generic.binder) with _collection set and no _apply_on, or list the model in a binder\'s _apply_on.' },
  },
  async check(ctx) {
    const bindings = (await ctx.addon.models()).filter((d) => d.isNew && d.kind === 'model' && ctx.model(d.model).ancestors.has('external.binding'));
    // No concrete binding, no binder needed.
    if (bindings.length === 0) return [];
    let unknownUsage = false;
    const binders: ComponentSummary[] = [];
    for (const c of concreteComponents(ctx)) {
      const usage = c.usage ?? ctx.catalog.inheritedComponentAttr(ctx.name, [c.name, ...c.inherit], 'usage');
      if (usage === 'binder') binders.push(c);
      // A parent we cannot see may set _usage = "binder".
      else if (!usage && c.inherit.some((p) => ctx.catalog.componentDecls(ctx.name, p).length === 0)) unknownUsage = true;
    }
    const out: Array<Finding<'noBinder'>> = [];
    for (const b of bindings) {
      if (binders.some((c) => !c.applyOn || c.applyOn.includes(b.model))) continue;
      // A component of unknown usage may be the binder: cannot know.
      if (unknownUsage) continue;
      out.push({ file: b.file ?? '__manifest__.py', line: b.line ?? 1, column: 1, messageId: 'noBinder', data: { model: b.model } });
    }
    return out;
  },
});
