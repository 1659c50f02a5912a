/**
 * @fileoverview Rule: a concrete component that starts a new component has a `_usage` (lookup
 * selects by usage), unless one of its parents provides it.
 */
import { OCA_COMPONENTS } from './component-name-clash.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'component-missing-usage',
    severity: 'warning',
    description: 'Concrete components have a _usage',
    messages: { missingUsage: 'Concrete component "{{name}}" has no _usage; work.component(usage=...) can never find it.' },
  },
  async check(ctx) {
    const all = await ctx.components();
    const withUsage = new Set(all.filter((c) => c.usage && c.name).map((c) => c.name!));
    return all
      .filter((c) => !c.abstract && c.name && !c.usage && !c.inherit.includes(c.name))
      // A parent that we know nothing about (from another addon) may set _usage: only judge local or OCA usage-less roots.
      .filter((c) => c.inherit.length === 0 || c.inherit.every((p) => (p === 'base' || p === 'base.connector') && !withUsage.has(p)))
      .map((c) => ({ file: c.file, line: c.cls.line, column: c.cls.column, messageId: 'missingUsage' as const, data: { name: c.name! } }))
      .filter(() => OCA_COMPONENTS.length > 0);
  },
});
