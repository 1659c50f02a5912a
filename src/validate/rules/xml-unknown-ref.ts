/**
 * @fileoverview Rule: xml ids referenced by data files (ref=, eval ref(), %(id)d, inherit_id,
 * parent, action, groups) are defined earlier in manifest order or in a dependency.
 */
import { hasIdPrefix } from '../../odoo/catalog.js';
import { fileRefSites } from '../xml-refs.js';
import type { AddonContext } from '../context.js';
import { defineRule, type Finding } from '../rule.js';

/**
 * true/false when knowable, undefined when the module is unknown. `defined` holds the addon's own
 * ids defined so far.
 */
export function resolveXmlId(ctx: AddonContext, ref: string, defined: Set<string>): boolean | undefined {
  const dot = ref.indexOf('.');
  const module = dot >= 0 ? ref.slice(0, dot) : ctx.name;
  const name = dot >= 0 ? ref.slice(dot + 1) : ref;
  // Categories and modules get ids from manifests (base.module_category_*, base.module_*).
  if (module === 'base' && name.startsWith('module_')) return true;
  if (module === ctx.name) {
    if (defined.has(name) || defined.has(`${module}.${name}`)) return true;
    // _inherits parents get `<id>_<parent_model>` ids created by Odoo.
    if (hasIdPrefix(defined, name)) return true;
    // The ids Odoo creates for the addon's models and fields (`model_x`, `field_x__f`).
    if (ctx.catalog.implicitXmlId(ctx.name, name)) return true;
    // A model whose _name is computed has ids we cannot derive.
    if (/^(model|field)_/.test(name) && ctx.catalog.summary(ctx.name)?.opaqueModels) return undefined;
    // <function> calls may create ids at install: cannot know.
    return ctx.catalog.summary(ctx.name)?.dynamicIds ? undefined : false;
  }
  return ctx.catalog.hasXmlId(module, name);
}

/** The shortcut tags whose id counts as defined for the refs inside them (a record's counts after them). */
const SHORTCUT_TAGS = new Set(['menuitem', 'template', 'report', 'act_window']);

export default defineRule({
  meta: {
    id: 'xml-unknown-ref',
    severity: 'error',
    description: 'Referenced xml ids exist and are defined before use',
    messages: {
      unknown: 'xml id "{{ref}}" is not defined in this addon or its dependencies.',
      later: 'xml id "{{ref}}" is used before it is defined; move its file earlier in the manifest.',
    },
  },
  async check(ctx) {
    const out: Array<Finding<'unknown' | 'later'>> = [];
    const files = await ctx.addon.dataFiles();
    const all = new Set<string>();
    for (const { file } of files) ctx.addon.definedIds(file).forEach((d) => all.add(d.id));
    const defined = new Set<string>();
    for (const { file } of files) {
      if (!file.endsWith('.xml') || !ctx.addon.exists(file)) {
        ctx.addon.definedIds(file).forEach((d) => defined.add(d.id));
        continue;
      }
      const x = ctx.addon.xml(file);
      if (!x.ok) continue;
      // Only the elements with references or with an id: the others change nothing here.
      for (const { el, refs } of fileRefSites(x.root)) {
        // A record's own id counts as defined for refs inside it (e.g. parent_id on itself is rare, but inherit chains are not).
        if (SHORTCUT_TAGS.has(el.tag) && el.attrs.id) defined.add(el.attrs.id);
        for (const ref of refs) {
          if (resolveXmlId(ctx, ref, defined) !== false) continue;
          const local = ref.startsWith(`${ctx.name}.`) ? ref.slice(ctx.name.length + 1) : ref;
          out.push({ file, line: el.line, column: el.column, messageId: all.has(local) || all.has(ref) ? 'later' : 'unknown', data: { ref } });
        }
        if (el.tag === 'record' && el.attrs.id) defined.add(el.attrs.id);
      }
      ctx.addon.definedIds(file).forEach((d) => defined.add(d.id));
    }
    return out;
  },
});
