/**
 * @fileoverview Types of the baseline models' fields (odoo16-field-types.json, built by
 * build-field-types.ts): the catalog the validator uses knows field names only.
 */
import { loadBaseline } from '../odoo/baseline/index.js';
export interface OdooField {
  name: string;
  /** Odoo field type, lower case: char, text, float, monetary, many2one, selection... */
  type: string;
  comodel?: string;
  /** Literal selection keys, when the field declares them as a list. */
  selection?: string[];
  /** Computed or related without an inverse: writing it does nothing lasting. */
  readOnly: boolean;
}

interface TypesFile {
  models: Record<string, Record<string, string>>;
}

let parents: Promise<Map<string, string[]>> | undefined;

/** `_inherit` parents and `_inherits` delegates of a model, nearest first (from the catalog's baseline). */
async function ancestors(model: string): Promise<string[]> {
  parents ??= loadBaseline().then((data) => {
    const map = new Map<string, string[]>();
    for (const addon of data.addons) {
      for (const d of addon.models) map.set(d.model, [...(map.get(d.model) ?? []), ...d.parents, ...Object.keys(d.inherits)]);
    }
    return map;
  });
  const graph = await parents;
  const out: string[] = [];
  const visit = (m: string): void => {
    for (const p of graph.get(m) ?? []) {
      if (p === model || out.includes(p)) continue;
      out.push(p);
      visit(p);
    }
  };
  visit(model);
  return out;
}

let cached: Promise<TypesFile> | undefined;

/** Fields with their types, or undefined when the model is not in the baseline. */
export async function odooFields(model: string): Promise<Map<string, OdooField> | undefined> {
  cached ??= import('./odoo16-field-types.json', { with: { type: 'json' } }).then((m) => m.default as unknown as TypesFile);
  const { models } = await cached;
  if (!models[model]) return undefined;
  const out = new Map<string, OdooField>();
  // parents first, so that the model's own declarations win
  const raw: Record<string, string> = {};
  for (const m of [...(await ancestors(model)).reverse(), model]) Object.assign(raw, models[m] ?? {});
  for (const [name, spec] of Object.entries(raw)) {
    const m = /^([a-z0-9_]+)(?::([\w.]+))?(?:=([^!]*))?(!)?$/.exec(spec);
    if (!m) continue;
    out.set(name, { name, type: m[1]!, ...(m[2] ? { comodel: m[2] } : {}), ...(m[3] ? { selection: m[3].split(',') } : {}), readOnly: !!m[4] });
  }
  // magic columns: set by the ORM only
  for (const name of ['id', 'create_date', 'write_date', 'create_uid', 'write_uid', 'display_name']) {
    out.set(name, { name, type: /date$/.test(name) ? 'datetime' : /uid$/.test(name) ? 'many2one' : name === 'id' ? 'integer' : 'char', readOnly: true });
  }
  return out;
}
