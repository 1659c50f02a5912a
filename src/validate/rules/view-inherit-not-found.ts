/**
 * @fileoverview Rule: each spec of a view extension finds its node in the parent view, when the
 * parent is a view of this addon (odoo/tools/template_inheritance.py `locate_node`: "Element ...
 * cannot be located in parent view"). The parent's arch is this addon's view at the top of the
 * inherit chain; a node any other extension of that chain holds counts as there. Silent when the
 * chain leaves the addon (another module's arch is not known) or the xpath is not a simple one.
 */
import type { XEl } from '../../odoo/xml.js';
import type { AddonContext } from '../context.js';
import { defineRule, type Finding } from '../rule.js';
import { viewArches, type ViewArch } from '../view-arch.js';
import { appearsIn, locates } from '../view-locator.js';

/** The specs apply_inheritance_specs reads: the root, or the children of `<data>` roots. */
function specs(root: XEl): XEl[] {
  return root.tag === 'data' ? root.children.flatMap(specs) : [root];
}

function describe(spec: XEl): string {
  if (spec.tag === 'xpath') return `<xpath expr="${spec.attrs.expr ?? ''}">`;
  const attrs = Object.entries(spec.attrs).filter(([a]) => a !== 'position');
  return `<${spec.tag}${attrs.map(([a, v]) => ` ${a}="${v}"`).join('')}>`;
}

/** The addon's view a ref names (`x` or `addon.x`), or undefined for another module's. */
function ownView(ctx: AddonContext, byId: Map<string, ViewArch>, ref: string): ViewArch | undefined {
  const local = ref.startsWith(`${ctx.name}.`) ? ref.slice(ctx.name.length + 1) : ref;
  return local.includes('.') ? undefined : byId.get(local);
}

export default defineRule({
  meta: {
    id: 'view-inherit-not-found',
    severity: 'error',
    description: 'View extensions locate nodes that exist in the parent view',
    messages: {
      notFound: 'Element {{spec}} matches nothing in parent view "{{parent}}": Odoo 16 fails the install ("Element \'{{spec}}\' cannot be located in parent view"); fix the locator to name a node of the parent view.',
    },
  },
  async check(ctx) {
    const out: Array<Finding<'notFound'>> = [];
    const views = await viewArches(ctx);
    const byId = new Map<string, ViewArch>();
    for (const v of views) if (v.record.id) byId.set(v.record.id.startsWith(`${ctx.name}.`) ? v.record.id.slice(ctx.name.length + 1) : v.record.id, v);
    /** The view at the top of an own inherit chain, or undefined when the chain leaves the addon. */
    const top = (v: ViewArch): ViewArch | undefined => {
      const seen = new Set<ViewArch>();
      let cur: ViewArch | undefined = v;
      while (cur?.inherit) {
        if (seen.has(cur)) return undefined;
        seen.add(cur);
        cur = ownView(ctx, byId, cur.inherit);
      }
      return cur;
    };
    const extensionsOf = new Map<ViewArch, XEl[]>();
    for (const v of views) {
      const t = v.inherit ? top(v) : undefined;
      if (t) extensionsOf.set(t, [...(extensionsOf.get(t) ?? []), v.root]);
    }
    for (const view of views) {
      if (!view.inherit) continue;
      const parent = ownView(ctx, byId, view.inherit);
      const root = parent && top(parent);
      if (!parent || !root) continue;
      for (const spec of specs(view.root)) {
        if (locates(spec, root.root) !== false) continue;
        // Another extension (or an earlier spec of this one) may have added the node.
        if (appearsIn(spec, (extensionsOf.get(root) ?? []).flatMap((r) => specs(r).flatMap((s) => s.children))) !== false) continue;
        out.push({ file: view.file, line: spec.line, column: spec.column, messageId: 'notFound', data: { spec: describe(spec), parent: view.inherit } });
      }
    }
    return out;
  },
});
