/**
 * @fileoverview The views of an addon as Odoo 16 validates them at install (ir_ui_view.py
 * `_check_xml`, `_add_validation_flag`, `_validate_view`): which nodes are validated and which
 * name manager (view level: the arch, an inline sub-view, a list `<groupby>`, a `<searchpanel>`)
 * each belongs to. A view that extends another validates only what it inserts.
 */
import type { XEl } from '../odoo/xml.js';
import type { AddonContext, DataRecord } from './context.js';

export interface ViewArch {
  file: string;
  record: DataRecord;
  /** The arch's first element: a view (form, tree, ...) or, for an extension, a spec or `<data>`. */
  root: XEl;
  model?: string;
  /** `inherit_id` ref, when the view extends another. */
  inherit?: string;
}

/** A name manager: the fields, ids and button names one view level holds. */
export interface Level {
  /** The level's root element (the view, an inline sub-view, a `<groupby>`, a `<searchpanel>`). */
  el: XEl;
  /** Its model when known (an inline sub-view's comodel may not be). */
  model?: string;
  /** The level holding the `<field>` of an inline sub-view (where `parent.x` is looked up). */
  parent?: Level;
  fields: Set<string>;
  /** available_names + available_actions: field names, field ids, button names. */
  names: Set<string>;
}

const SUBVIEWS = new Set(['form', 'tree', 'graph', 'kanban', 'calendar']);
const cache = new WeakMap<AddonContext, Promise<ViewArch[]>>();

/** The addon's `ir.ui.view` records with an arch that Odoo validates (not QWeb templates). */
export function viewArches(ctx: AddonContext): Promise<ViewArch[]> {
  let p = cache.get(ctx);
  if (!p) {
    p = (async () => {
      const out: ViewArch[] = [];
      for (const r of await ctx.records()) {
        if (r.model !== 'ir.ui.view') continue;
        const arch = r.fields.arch;
        const inherit = r.fields.inherit_id?.attrs.ref;
        if (!arch?.children[0] || (arch.children.length > 1 && !inherit)) continue;
        // Odoo loads an arch of several specs as if a <data> held them.
        const root = arch.children.length === 1 ? arch.children[0]! : { ...arch, tag: 'data', attrs: {}, text: '' };
        if (r.fields.type?.text === 'qweb' || root.tag === 't' || root.tag === 'templates') continue;
        const model = r.fields.model?.text;
        out.push({ file: r.file, record: r, root, ...(model ? { model } : {}), ...(inherit ? { inherit } : {}) });
      }
      return out;
    })();
    cache.set(ctx, p);
  }
  return p;
}

/**
 * The subtrees Odoo validates: the whole arch of a view that extends nothing; for an extension,
 * the elements it inserts (children without `position` of specs placing after, before, inside)
 * and the content of `replace` specs. Nested specs are found at any depth, as Odoo's
 * `//*[@position]` does.
 */
export function validatedRoots(view: ViewArch): XEl[] {
  if (!view.inherit) return [view.root];
  const out: XEl[] = [];
  const visit = (el: XEl): void => {
    const pos = el.attrs.position;
    if (pos && INSERTING.has(pos)) for (const c of el.children) if (!c.attrs.position) out.push(c);
    for (const c of el.children) visit(c);
  };
  visit(view.root);
  return out;
}

const INSERTING = new Set(['after', 'before', 'inside', 'replace']);

/** Per view: its validated elements, listed once (eight rules walk them). */
const elementCache = new WeakMap<ViewArch, readonly XEl[]>();

/** The validated elements in document order. */
export function validatedElements(view: ViewArch): readonly XEl[] {
  let out = elementCache.get(view);
  if (!out) {
    const list: XEl[] = [];
    for (const root of validatedRoots(view)) {
      const stack: XEl[] = [root];
      while (stack.length) {
        const e = stack.pop()!;
        list.push(e);
        for (let i = e.children.length - 1; i >= 0; i--) stack.push(e.children[i]!);
      }
    }
    elementCache.set(view, (out = list));
  }
  return out;
}

/**
 * The name-manager levels of a view that extends nothing, with the level of each element. The
 * content of a `<field>` (inline sub-views), of a list `<groupby>` and a `<searchpanel>` is
 * another level, as in `_validate_tag_field`/`_validate_tag_groupby`/`_validate_tag_search`.
 */
export function viewLevels(ctx: AddonContext, view: ViewArch): { levels: Level[]; levelOf: Map<XEl, Level> } {
  let known = levelCache.get(view);
  if (!known) {
    known = computeLevels(ctx, view);
    levelCache.set(view, known);
  }
  return known;
}

const levelCache = new WeakMap<ViewArch, { levels: Level[]; levelOf: Map<XEl, Level> }>();

function computeLevels(ctx: AddonContext, view: ViewArch): { levels: Level[]; levelOf: Map<XEl, Level> } {
  const levels: Level[] = [];
  const levelOf = new Map<XEl, Level>();
  const open = (el: XEl, model: string | undefined, parent?: Level): Level => {
    const l: Level = { el, ...(model ? { model } : {}), ...(parent ? { parent } : {}), fields: new Set(), names: new Set() };
    levels.push(l);
    return l;
  };
  const visit = (el: XEl, level: Level): void => {
    levelOf.set(el, level);
    if (el.tag === 'field' && el.attrs.name) {
      level.fields.add(el.attrs.name);
      level.names.add(el.attrs.id || el.attrs.name);
    }
    if (el.tag === 'button' && el.attrs.name && el.attrs.type) level.names.add(el.attrs.name);
    if (el.tag === 'groupby' && el.attrs.name) level.fields.add(el.attrs.name);
    for (const c of el.children) {
      let next = level;
      if (el.tag === 'field' && SUBVIEWS.has(c.tag)) next = open(c, comodel(ctx, level.model, el.attrs.name), level);
      else if (el.tag === 'groupby') next = levelFor(el);
      else if (el.tag === 'search' && c.tag === 'searchpanel') next = open(c, level.model);
      visit(c, next);
    }
  };
  // A <groupby>'s children are one level on the comodel, opened once.
  const groupbyLevels = new Map<XEl, Level>();
  const levelFor = (g: XEl): Level => {
    let l = groupbyLevels.get(g);
    if (!l) {
      l = open(g, comodel(ctx, levelOf.get(g)?.model, g.attrs.name), levelOf.get(g));
      groupbyLevels.set(g, l);
    }
    return l;
  };
  visit(view.root, open(view.root, view.model));
  return { levels, levelOf };
}

function comodel(ctx: AddonContext, model: string | undefined, field: string | undefined): string | undefined {
  if (!model || !field) return undefined;
  return ctx.model(model).comodels.get(field);
}
