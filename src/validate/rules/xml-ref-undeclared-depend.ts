/**
 * @fileoverview Rule: an xml id a data file references (`ref=`, `ref()`, `%(id)d`, `inherit_id`,
 * `parent`, `action`, `groups`, and the `:id` columns of CSV files) belongs to this addon or to one
 * it depends on, directly or through the manifests of its dependencies. Otherwise the install works
 * only where that module happens to be installed, and loaded first. Silent when a module of the
 * dependency closure is unknown (its own dependencies could not be followed), and for auto_install
 * modules whose dependencies are all in the closure: Odoo installs them wherever the addon is (Odoo
 * 16's own mrp_subonctracting_landed_costs extends a view of mrp_landed_costs that way).
 */
import type { AddonContext } from '../context.js';
import { defineRule, type Finding } from '../rule.js';
import { fileRefs } from '../xml-refs.js';

/** CSV columns holding xml ids (`model_id:id`, `group_id/id`). */
const ID_COLUMN = /[:/]id$/;

/** The module of `module.name` when it is neither this addon nor base (always installed first). */
function foreignModule(ctx: AddonContext, ref: string): string | undefined {
  const dot = ref.indexOf('.');
  if (dot <= 0) return undefined;
  const module = ref.slice(0, dot);
  return module === ctx.name || module === 'base' ? undefined : module;
}

export default defineRule({
  meta: {
    id: 'xml-ref-undeclared-depend',
    severity: 'error',
    description: 'Referenced xml ids belong to the addon or to a module it depends on',
    messages: {
      undeclared: 'xml id "{{ref}}" belongs to module "{{module}}", which is not in this addon\'s depends (directly or through its dependencies): the install works only where {{module}} is installed and loaded first; add "{{module}}" to depends.',
    },
  },
  async check(ctx) {
    const scope = ctx.catalog.scope(ctx.name);
    if (!scope.complete) return [];
    // Computed at the first module outside the closure: most addons reference none.
    let present: Set<string> | undefined;
    const out: Array<Finding<'undeclared'>> = [];
    const report = (file: string, line: number, column: number, ref: string): void => {
      const module = foreignModule(ctx, ref);
      if (!module || scope.addons.has(module)) return;
      present ??= ctx.catalog.withAutoInstalled(ctx.name);
      if (!present.has(module)) out.push({ file, line, column, messageId: 'undeclared', data: { ref, module } });
    };
    for (const { file } of await ctx.addon.dataFiles()) {
      if (!ctx.addon.exists(file)) continue;
      if (file.endsWith('.xml')) {
        const x = ctx.addon.xml(file);
        if (!x.ok) continue;
        for (const { el, refs } of fileRefs(x.root)) for (const ref of refs) report(file, el.line, el.column, ref);
      } else if (file.endsWith('.csv')) {
        const c = ctx.addon.csv(file);
        if (!c.ok) continue;
        // Every row has the header's columns, in its order: the id columns are picked once.
        const idColumns = c.rows.length ? Object.keys(c.rows[0]!.values).filter((k) => ID_COLUMN.test(k)) : [];
        if (idColumns.length === 0) continue;
        for (const row of c.rows) {
          for (const column of idColumns) {
            const value = row.values[column];
            if (!value) continue;
            for (const ref of value.split(',')) {
              const id = ref.trim();
              if (id && !/\s/.test(id)) report(file, row.line, 1, id);
            }
          }
        }
      }
    }
    return out;
  },
});
