/**
 * @fileoverview Rule: a new component's `_name` clashes with no other component (OCA base
 * components such as generic.exporter included); Odoo raises TypeError or silently replaces it.
 */
import { defineRule, type Finding } from '../rule.js';

/** OCA/connector 16.0 base component names (FRAMEWORK-SPEC §A2). */
export const OCA_COMPONENTS = ['base', 'base.connector', 'base.backend.adapter', 'base.backend.adapter.crud', 'base.binder', 'base.mapper', 'base.import.mapper', 'base.export.mapper', 'base.map.child', 'base.map.child.import', 'base.map.child.export', 'base.synchronizer', 'base.importer', 'base.exporter', 'base.deleter', 'generic.exporter', 'base.event.listener', 'base.connector.listener', 'base.record.locker'];

/** The addon that owns an OCA base component name: it declares it, so it is no clash there. */
function ocaOwner(name: string): string {
  if (name === 'base') return 'component';
  if (name === 'base.event.listener') return 'component_event';
  return 'connector';
}

export default defineRule({
  meta: {
    id: 'component-name-clash',
    severity: 'error',
    description: 'Component _name is unique',
    messages: {
      clashOca: 'Component _name "{{name}}" is an OCA base component; inherit it (_inherit) under a new, prefixed _name.',
      clashLocal: 'Component _name "{{name}}" is already declared in {{other}}.',
    },
  },
  async check(ctx) {
    const out: Array<Finding<'clashOca' | 'clashLocal'>> = [];
    const seen = new Map<string, string>();
    for (const c of await ctx.components()) {
      // Extending in place (_inherit == _name) is how components are meant to be extended.
      if (!c.name || c.inherit.includes(c.name)) continue;
      const at = c.cls.attrs._name!;
      if (OCA_COMPONENTS.includes(c.name) && ocaOwner(c.name) !== ctx.name) out.push({ file: c.file, line: at.line, column: at.column, messageId: 'clashOca', data: { name: c.name } });
      else if (seen.has(c.name)) out.push({ file: c.file, line: at.line, column: at.column, messageId: 'clashLocal', data: { name: c.name, other: seen.get(c.name)! } });
      seen.set(c.name, `${c.file}:${at.line}`);
    }
    return out;
  },
});
