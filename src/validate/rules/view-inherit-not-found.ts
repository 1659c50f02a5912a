/**
 * @fileoverview Rule: each spec of a view extension finds its node in the parent view
 * (odoo/tools/template_inheritance.py `locate_node`: "Element ... cannot be located in parent
 * view"). The parent's arch is the view at the top of the inherit chain: this addon's, or a core
 * view of the baseline (odoo16-views.json) when the chain leaves the addon for one. A node any
 * other extension of that chain holds counts as there (Odoo applies them in order): this addon's,
 * the core ones of the addons installed with it, and those of addons read this run (read from
 * their folders). Silent when some arch of the chain is not known (the scope is incomplete, an
 * addon's views cannot be read), an xpath that is not a simple one, a locator naming an attribute
 * the stored core arches leave out.
 */
import { Addon } from '../../odoo/addon.js';
import { coreArch, isDroppedAttr, qualifyTree } from '../../odoo/baseline/core-facts.js';
import type { XEl } from '../../odoo/xml.js';
import { AddonContext } from '../context.js';
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
    const core = await coreChains(ctx, views, byId);
    for (const view of views) {
      if (!view.inherit) continue;
      const parent = ownView(ctx, byId, view.inherit);
      const root = parent && top(parent);
      if (!parent || !root) {
        const chain = core(view);
        if (!chain) continue;
        // Core arches hold `%(module.id)d`: the spec's refs are qualified alike.
        for (const spec of specs(qualifyTree(view.root, ctx.name))) {
          if (namesDroppedAttr(spec) || locates(spec, chain.root) !== false) continue;
          if (appearsIn(spec, chain.extensions) !== false) continue;
          out.push({ file: view.file, line: spec.line, column: spec.column, messageId: 'notFound', data: { spec: describe(spec), parent: view.inherit } });
        }
        continue;
      }
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

/** Adds what an extension's specs hold (the nodes they insert) to a list. */
function addInserted(out: XEl[], root: XEl): void {
  for (const s of specs(root)) for (const c of s.children) out.push(c);
}

/** Whether a locator names an attribute the stored core arches leave out (then it is not judged). */
function namesDroppedAttr(spec: XEl): boolean {
  if (spec.tag === 'xpath') return [...(spec.attrs.expr ?? '').matchAll(/@([\w-]+)/g)].some((m) => isDroppedAttr(m[1]!));
  return spec.tag !== 'field' && Object.keys(spec.attrs).some((a) => a !== 'position' && isDroppedAttr(a));
}

interface CoreChain {
  /** The arch at the top of the chain. */
  root: XEl;
  /** What every other extension of the chain inserts (spec contents), core and own. */
  extensions: XEl[];
}

/**
 * For an own view whose inherit chain leaves the addon for a core view: the core arch at the top
 * and the extensions of the chain; undefined when not all of it is known.
 */
async function coreChains(ctx: AddonContext, views: ViewArch[], byId: Map<string, ViewArch>): Promise<(view: ViewArch) => CoreChain | undefined> {
  const { catalog } = ctx;
  /** The first ref of the chain outside the addon, qualified, or undefined (own top or a cycle). */
  const exitRef = (v: ViewArch): string | undefined => {
    const seen = new Set<ViewArch>();
    let cur: ViewArch = v;
    while (cur.inherit && !seen.has(cur)) {
      seen.add(cur);
      const next = ownView(ctx, byId, cur.inherit);
      if (!next) return cur.inherit.includes('.') ? cur.inherit : undefined;
      cur = next;
    }
    return undefined;
  };
  /** The top of a core chain, or undefined when a view on the way is not a known core view. */
  const coreTop = (id: string): string | undefined => {
    const seen = new Set<string>();
    for (let cur = id; ; ) {
      const v = catalog.coreView(cur);
      if (!v || seen.has(cur)) return undefined;
      seen.add(cur);
      if (!v.inherit) return cur;
      cur = v.inherit;
    }
  };
  const tops = new Map<ViewArch, string | undefined>();
  for (const v of views) {
    const exit = v.inherit ? exitRef(v) : undefined;
    tops.set(v, exit && coreTop(exit));
  }
  const chains = new Map<string, CoreChain | undefined>();
  if (catalog.scope(ctx.name).complete) for (const top of new Set(tops.values())) if (top) chains.set(top, await chainOf(ctx, top, views.filter((v) => tops.get(v) === top)));
  return (view) => {
    const top = tops.get(view);
    return top ? chains.get(top) : undefined;
  };
}

/** The chain of a core view: its arch and what the extensions in core, in `own` and in the addons read this run add. */
async function chainOf(ctx: AddonContext, top: string, own: ViewArch[]): Promise<CoreChain | undefined> {
  const { catalog } = ctx;
  const qualify = (addon: string, id: string): string => (id.includes('.') ? id : `${addon}.${id}`);
  const ids = new Set([top, ...catalog.coreViewsExtending(top)]);
  for (const v of own) if (v.record.id) ids.add(qualify(ctx.name, v.record.id));
  // Core extensions of the addons installed with this one (its dependencies and the auto_install
  // addons they bring): the others' nodes are not there.
  const installed = catalog.withAutoInstalled(ctx.name);
  const extensions: XEl[] = [];
  for (const id of ids) {
    const cv = id === top || !installed.has(id.slice(0, id.indexOf('.'))) ? undefined : catalog.coreView(id);
    if (cv) addInserted(extensions, coreArch(cv));
  }
  for (const v of own) addInserted(extensions, qualifyTree(v.root, ctx.name));
  // Addons of the scope read this run: their views that extend the chain, read from their folders
  // (an extension of an extension too, so until no addon adds a view to the chain).
  const others = [...catalog.scope(ctx.name).addons].filter((a) => a !== ctx.name && !catalog.fromBaseline(a));
  const done = new Set<string>();
  for (let grew = true; grew; ) {
    grew = false;
    for (const a of others) {
      const sum = catalog.summary(a);
      if (done.has(a) || !sum?.viewInherits?.some((r) => r === '*' || ids.has(r))) continue;
      done.add(a);
      grew = true;
      if (sum.viewInherits.includes('*') || !sum.dir) return undefined;
      const addon = new Addon(sum.dir);
      const theirs = await viewArches(new AddonContext(addon, catalog, await addon.manifest(), false));
      for (const v of theirs) {
        if (!v.inherit || !ids.has(qualify(a, v.inherit))) continue;
        if (v.record.id) ids.add(qualify(a, v.record.id));
        addInserted(extensions, qualifyTree(v.root, a));
      }
    }
  }
  return { root: coreArch(catalog.coreView(top)!), extensions };
}
