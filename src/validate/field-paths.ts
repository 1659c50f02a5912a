/**
 * @fileoverview Follows a dotted field path (`partner_id.country_id.code`) through the models of an
 * addon's scope, as Odoo does for `related=` and `@api.depends`. Answers only what it can know:
 * a hop through an incomplete model or a field whose comodel is not a literal stops the walk.
 */
import type { AddonContext } from './context.js';

export type PathResult = { ok: true } | { ok: false; field: string; model: string } | undefined;

/**
 * `{ ok: false }` names the first field that does not exist on the model reached; undefined when
 * the walk cannot tell. `transientStop` mirrors resolve_depends: a transient model's dependencies
 * are not followed into regular models.
 */
export function walkFieldPath(ctx: AddonContext, start: string, path: string, transientStop = false): PathResult {
  let model = start;
  const names = path.split('.');
  const startKind = ctx.model(start).kind;
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    const info = ctx.model(model);
    if (!info.defined || !info.complete) return undefined;
    if (transientStop && i > 0 && startKind === 'transient' && info.kind !== 'transient') return { ok: true };
    if (!info.fields.has(name)) return ctx.catalog.maybeAdded(model, name) ? undefined : { ok: false, field: name, model };
    if (i === names.length - 1) break;
    const next = info.comodels.get(name);
    if (!next) return undefined;
    model = next;
  }
  return { ok: true };
}
