/**
 * @fileoverview Rule: every field an `attrs` domain tests is in the view (Odoo 16 refuses the view
 * otherwise), and not only inside elements restricted by `groups` when the `attrs` user is not.
 */
import type { XEl } from '../../odoo/xml.js';
import { defineRule, type Finding } from '../rule.js';

const ROOTS = new Set(['form', 'tree']);
/**
 * The field name of each domain leaf `('name', op, value)` in an attrs expression; the operator
 * tells a leaf from a tuple of values (`('state', 'in', ('draft', 'sent'))`).
 */
const LEAF = /\(\s*['"]([A-Za-z_][\w.]*)['"]\s*,\s*['"](?:=|!=|<>|<|>|<=|>=|=?like|=?ilike|not like|not ilike|in|not in|child_of|parent_of)['"]/g;

interface Scope {
  /**
   * Field name -> whether some occurrence is outside any `groups` restriction, and whether some is
   * under a negated group (`!g`): Odoo then combines `g` and `!g` occurrences, which we do not.
   */
  present: Map<string, { open: boolean; negated: boolean }>;
  uses: Array<{ el: XEl; name: string; restricted: boolean }>;
}

/** Collects one view level; a `<field>`'s content (an inline subview on the comodel) is another view. */
function collect(el: XEl, restricted: boolean, negated: boolean, scope: Scope): void {
  const here = restricted || el.attrs.groups !== undefined;
  const neg = negated || (el.attrs.groups ?? '').includes('!');
  if (el.tag === 'field' && el.attrs.name) {
    const was = scope.present.get(el.attrs.name) ?? { open: false, negated: false };
    scope.present.set(el.attrs.name, { open: was.open || !here, negated: was.negated || neg });
  }
  // Tested first: matchAll copies its regex even over an empty string, for every element.
  const attrs = el.attrs.attrs;
  if (attrs) for (const m of attrs.matchAll(LEAF)) scope.uses.push({ el, name: m[1]!, restricted: here });
  if (el.tag === 'field') return;
  for (const c of el.children) collect(c, here, neg, scope);
}

export default defineRule({
  meta: {
    id: 'view-attrs-field-missing',
    severity: 'error',
    description: 'Fields tested in attrs are in the view',
    messages: {
      missing: 'Field "{{field}}" is used in attrs but is not in the view: Odoo 16 refuses the view ("must be present in view but is missing"); add <field name="{{field}}" invisible="1"/>.',
      restricted: 'Field "{{field}}" is used in attrs of an element everyone sees, but the view has it only inside groups-restricted elements: Odoo 16 refuses the view ("is restricted to the group(s)"); add <field name="{{field}}" invisible="1"/> outside them.',
    },
  },
  async check(ctx) {
    const out: Array<Finding<'missing' | 'restricted'>> = [];
    for (const r of await ctx.records()) {
      // An inheriting view is a fragment: the fields may be in the view it extends.
      if (r.model !== 'ir.ui.view' || r.fields.inherit_id) continue;
      const root = r.fields.arch?.children[0];
      if (!root || !ROOTS.has(root.tag)) continue;
      const scope: Scope = { present: new Map(), uses: [] };
      collect(root, false, false, scope);
      const reported = new Set<string>();
      for (const u of scope.uses) {
        // `id` is always there; a dotted path is another error (composed field).
        if (u.name === 'id' || u.name.includes('.') || reported.has(u.name)) continue;
        const p = scope.present.get(u.name);
        const messageId = !p ? 'missing' : !p.open && !p.negated && !u.restricted ? 'restricted' : undefined;
        if (!messageId) continue;
        reported.add(u.name);
        out.push({ file: r.file, line: u.el.line, column: u.el.column, messageId, data: { field: u.name } });
      }
    }
    return out;
  },
});
