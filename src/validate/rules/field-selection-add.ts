/**
 * @fileoverview Rule: `selection_add` extends a selection as Odoo 16 accepts it
 * (odoo/fields.py Selection._setup_attrs), else the registry fails to load:
 * - the field must already have a list selection, not none nor a method ("selection_add=... on
 *   non-list selection");
 * - on a required field, every value added needs an `ondelete` policy other than 'set null'
 *   ("required selection fields must define an ondelete policy");
 * - each policy is 'set null', 'cascade', 'set default' (the field needs a default),
 *   'set <value>' with a value the selection had before, or a callable.
 * Judged when every earlier declaration of the field was read this run.
 */
import { selectionValues } from '../../odoo/field-facts.js';
import type { Lit } from '../../odoo/python.js';
import { loadedModelClasses } from '../model-classes.js';
import { ModelFields } from '../model-fields.js';
import { defineRule, type Finding } from '../rule.js';

type Msg = 'noBaseSelection' | 'requiredOndelete' | 'invalidPolicy' | 'setDefaultNoDefault' | 'setUnknownValue';

export default defineRule({
  meta: {
    id: 'field-selection-add',
    severity: 'error',
    description: 'selection_add extends a selection as Odoo accepts it',
    messages: {
      noBaseSelection: 'Selection "{{field}}" of model "{{model}}" has selection_add, but no earlier declaration gives it a list selection: the registry fails to load ("selection_add=... on non-list selection"); use selection=[...] for a new field.',
      requiredOndelete: 'Selection "{{field}}" of model "{{model}}" is required and adds "{{value}}" without an ondelete policy: the registry fails to load ("required selection fields must define an ondelete policy"); add ondelete={"{{value}}": "cascade"} or "set default".',
      invalidPolicy: 'ondelete policy "{{policy}}" for "{{value}}" is not one Odoo knows: the registry fails to load; use "set null", "cascade", "set default", "set <value>" or a callable.',
      setDefaultNoDefault: 'ondelete policy "set default" for "{{value}}", but field "{{field}}" has no default: the registry fails to load; give the field a default or choose another policy.',
      setUnknownValue: 'ondelete policy "{{policy}}" for "{{value}}" names a value the selection does not have before this declaration: the registry fails to load; name an existing value.',
    },
  },
  async check(ctx) {
    const out: Array<Finding<Msg>> = [];
    const mf = ModelFields.of(ctx);
    for (const { file, cls, decl } of await loadedModelClasses(ctx)) {
      for (const f of cls.fields) {
        const addLit = f.kwargs.selection_add;
        if ((f.type !== 'Selection' && f.type !== 'Reference') || !addLit || f.kwargs.related || f.kwargs.selection) continue;
        const added = selectionValues(addLit);
        const defs = mf.definitions(decl.model, f.name);
        if (!added || !defs) continue;
        const earlier = defs.filter((d) => !(d.own && d.decl.model === decl.model));
        // Several classes of this addon declare it: their order is the import order, not followed.
        if (defs.length - earlier.length !== 1 || earlier.some((d) => !d.facts || (d.facts.type !== 'selection' && d.facts.type !== 'reference'))) continue;
        const facts = earlier.map((d) => d.facts!);
        const data = { field: f.name, model: decl.model };
        const lists = facts.filter((x) => x.selection !== undefined);
        // None, or only a method: Odoo has no list to extend.
        if (lists.every((x) => x.selection === 'method')) {
          out.push({ file, line: addLit.line, column: addLit.column, messageId: 'noBaseSelection', data });
          continue;
        }
        if (lists.some((x) => !Array.isArray(x.selection)) || facts.some((x) => x.selectionAdd === null)) continue;
        const values = new Set([...lists.flatMap((x) => x.selection as string[]), ...facts.flatMap((x) => x.selectionAdd ?? [])]);
        const ondelete = f.kwargs.ondelete;
        if (ondelete && ondelete.kind !== 'dict') continue;
        const policies = new Map<string, Lit>();
        for (const e of ondelete?.entries ?? []) if (e.key.kind === 'str') policies.set(e.key.value as string, e.value);
        const required = requiredOf(f.kwargs.required, facts.map((x) => x.required));
        const hasDefault = !!f.kwargs.default && f.kwargs.default.kind !== 'none' ? true : facts.some((x) => x.default);
        const newValues = added.filter((v) => !values.has(v));
        for (const [value, p] of policies) {
          if (p.kind !== 'str') continue;
          const policy = p.value as string;
          if (policy === 'set null' || policy === 'cascade') continue;
          if (policy === 'set default') {
            if (!hasDefault) out.push({ file, line: p.line, column: p.column, messageId: 'setDefaultNoDefault', data: { ...data, value } });
          } else if (policy.startsWith('set ')) {
            if (!values.has(policy.slice(4))) out.push({ file, line: p.line, column: p.column, messageId: 'setUnknownValue', data: { policy, value } });
          } else out.push({ file, line: p.line, column: p.column, messageId: 'invalidPolicy', data: { policy, value } });
        }
        if (required !== true || newValues.length === 0) continue;
        const setNull = newValues.find((v) => !policies.has(v)) ?? [...policies].find(([, p]) => p.kind === 'str' && p.value === 'set null')?.[0];
        if (setNull !== undefined) out.push({ file, line: addLit.line, column: addLit.column, messageId: 'requiredOndelete', data: { ...data, value: setNull } });
      }
    }
    return out;
  },
});

/** Whether the field ends up required: this declaration's literal, else the earlier ones' when they agree. */
function requiredOf(own: Lit | undefined, earlier: Array<boolean | null | undefined>): boolean | undefined {
  if (own) return own.kind === 'bool' ? (own.value as boolean) : own.kind === 'none' ? false : undefined;
  const given = new Set(earlier.filter((r) => r !== undefined));
  if (given.has(null) || given.size > 1) return undefined;
  return given.size === 1 ? ([...given][0] as boolean) : false;
}
