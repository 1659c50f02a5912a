/**
 * @fileoverview What is known about models, fields, methods and xml ids across addons: the
 * scanned addons, `--addons-path` addons and the built-in baseline of core Odoo 16. Every answer
 * says whether the knowledge is complete, so rules can stay silent when it is not.
 */
import { modelXmlId, type AddonSummary, type ModelDecl, type ModelKind } from './addon.js';

/** Fields every model has (odoo/models.py: MAGIC_COLUMNS, display_name). */
export const MAGIC_FIELDS = ['id', 'display_name', 'create_uid', 'create_date', 'write_uid', 'write_date', '__last_update'];

export interface ModelInfo {
  /** False when no addon in the scope declares the model (as a new model). */
  defined: boolean;
  /** True when every addon and parent that could add fields or methods is known. */
  complete: boolean;
  kind: ModelKind;
  fields: Set<string>;
  methods: Set<string>;
}

export interface Scope {
  addons: Set<string>;
  /** False when some addon of the dependency closure is unknown. */
  complete: boolean;
}

export interface BaselineData {
  addons: AddonSummary[];
  baseModelMethods: string[];
}

export class Catalog {
  private readonly addons = new Map<string, AddonSummary>();
  private readonly xmlidSets = new Map<string, Set<string>>();
  private readonly scopeCache = new Map<string, Scope>();
  private readonly infoCache = new Map<string, ModelInfo>();
  readonly baseMethods: Set<string>;

  constructor(summaries: AddonSummary[], baseline: BaselineData | undefined) {
    for (const s of baseline?.addons ?? []) this.addons.set(s.name, s);
    for (const s of summaries) this.addons.set(s.name, s);
    this.baseMethods = new Set(baseline?.baseModelMethods ?? []);
  }

  has(addon: string): boolean {
    return this.addons.has(addon);
  }

  summary(addon: string): AddonSummary | undefined {
    return this.addons.get(addon);
  }

  /** The addon and everything it depends on, transitively. */
  scope(addon: string): Scope {
    let s = this.scopeCache.get(addon);
    if (s) return s;
    const addons = new Set<string>();
    let complete = true;
    const stack = [addon];
    while (stack.length) {
      const a = stack.pop()!;
      if (addons.has(a)) continue;
      const sum = this.addons.get(a);
      if (!sum) {
        complete = false;
        continue;
      }
      addons.add(a);
      stack.push(...sum.depends);
      if (a !== 'base' && sum.depends.length === 0) stack.push('base');
    }
    s = { addons, complete };
    this.scopeCache.set(addon, s);
    return s;
  }

  private declsIn(scope: Scope, model: string): ModelDecl[] {
    const out: ModelDecl[] = [];
    for (const a of scope.addons) for (const d of this.addons.get(a)!.models) if (d.model === model) out.push(d);
    return out;
  }

  /** Everything known about a model as seen from an addon's dependency closure. */
  model(scopeAddon: string, model: string): ModelInfo {
    const key = `${scopeAddon}\u0000${model}`;
    let info = this.infoCache.get(key);
    if (info) return info;
    info = this.computeModel(this.scope(scopeAddon), model, new Set());
    this.infoCache.set(key, info);
    return info;
  }

  private computeModel(scope: Scope, model: string, seen: Set<string>): ModelInfo {
    const info: ModelInfo = { defined: false, complete: scope.complete, kind: 'unknown', fields: new Set(MAGIC_FIELDS), methods: new Set(this.baseMethods) };
    if (seen.has(model)) return info;
    seen.add(model);
    const decls = this.declsIn(scope, model);
    if (this.baseMethods.size === 0) info.complete = false;
    for (const d of decls) {
      if (d.isNew || model === 'base') {
        info.defined = true;
        if (info.kind === 'unknown' || d.isNew) info.kind = d.kind;
      }
      d.fields.forEach((f) => info.fields.add(f));
      d.methods.forEach((m) => info.methods.add(m));
      const parents = [...d.parents, ...Object.keys(d.inherits)];
      for (const p of parents) {
        const pi = this.computeModel(scope, p, seen);
        if (!pi.defined || !pi.complete) info.complete = false;
        pi.fields.forEach((f) => info.fields.add(f));
        pi.methods.forEach((m) => info.methods.add(m));
      }
      Object.values(d.inherits).forEach((f) => info.fields.add(f));
    }
    if (model !== 'base') {
      const b = this.computeModel(scope, 'base', seen);
      b.fields.forEach((f) => info.fields.add(f));
      b.methods.forEach((m) => info.methods.add(m));
    }
    if (!info.defined) info.complete = false;
    return info;
  }

  /** Kind of a model anywhere in the catalog (for `_apply_on`-style questions). */
  anyModel(model: string): { defined: boolean } {
    for (const s of this.addons.values()) if (s.models.some((d) => d.model === model && d.isNew)) return { defined: true };
    return { defined: false };
  }

  /**
   * Whether `module.name` exists: true, false, or undefined when the module is not known.
   */
  hasXmlId(module: string, name: string): boolean | undefined {
    const sum = this.addons.get(module);
    if (!sum) return undefined;
    if (module === 'base' && /^module_/.test(name)) return true;
    let set = this.xmlidSets.get(module);
    if (!set) {
      set = new Set(sum.xmlids);
      for (const d of sum.models) {
        set.add(modelXmlId(d.model));
        for (const f of d.fields) set.add(`field_${d.model.replace(/\./g, '_')}__${f}`);
      }
      this.xmlidSets.set(module, set);
    }
    if (set.has(name) || set.has(`${module}.${name}`)) return true;
    for (const id of sum.xmlids) if (name.startsWith(`${id}_`)) return true;
    // <function> calls may create ids at install (e.g. stock warehouses): cannot know.
    return sum.dynamicIds ? undefined : false;
  }
}
