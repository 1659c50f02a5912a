/**
 * @fileoverview Field facts across a model's classes, as Odoo 16 merges them (odoo/models.py
 * _setup_base, odoo/fields.py _get_attrs): the definitions of a field in the model's own classes
 * and in the models it `_inherit`s, parents first, the checked addon's classes last (it loads
 * after everything it depends on). Each answer is undefined when a class that matters is not
 * known with its facts (a core class's come from the baseline's odoo16-fields.json), so rules stay
 * silent.
 */
import type { ModelDecl } from '../odoo/addon.js';
import type { FieldFacts } from '../odoo/field-facts.js';
import type { AddonContext } from './context.js';

/** Fields every model gets (odoo/models.py MetaModel), label and type. */
const MAGIC: Record<string, { label: string; type: string; logAccess?: true }> = {
  id: { label: 'ID', type: 'integer' },
  __last_update: { label: 'Last Modified on', type: 'datetime' },
  display_name: { label: 'Display Name', type: 'char' },
  create_uid: { label: 'Created by', type: 'many2one', logAccess: true },
  create_date: { label: 'Created on', type: 'datetime', logAccess: true },
  write_uid: { label: 'Last Updated by', type: 'many2one', logAccess: true },
  write_date: { label: 'Last Updated on', type: 'datetime', logAccess: true },
};

export interface FieldDef {
  decl: ModelDecl;
  facts?: FieldFacts;
  /** True when the class is the checked addon's. */
  own: boolean;
}

/** Python's str.title(): a cased character is upper after an uncased one, lower after a cased one. */
export function pythonTitle(s: string): string {
  let out = '';
  let prevCased = false;
  for (const ch of s) {
    const cased = ch.toLowerCase() !== ch.toUpperCase();
    out += cased ? (prevCased ? ch.toLowerCase() : ch.toUpperCase()) : ch;
    prevCased = cased;
  }
  return out;
}

/** Default labels by field name: asked for every field of every model an addon touches. */
const defaultLabels = new Map<string, string>();

/** The label Odoo gives a field without `string` (fields.py _setup_attrs). */
export function defaultLabel(name: string): string {
  let label = defaultLabels.get(name);
  if (label === undefined) defaultLabels.set(name, (label = computeDefaultLabel(name)));
  return label;
}

function computeDefaultLabel(name: string): string {
  const base = name.endsWith('_ids') ? name.slice(0, -4) : name.endsWith('_id') ? name.slice(0, -3) : name;
  return pythonTitle(base.replace(/_/g, ' '));
}

const shared = new WeakMap<AddonContext, ModelFields>();

type DefsIndex = Map<string, FieldDef[]>;

/** A number per model class, to name a list of classes in a key. */
const declNumbers = new WeakMap<ModelDecl, number>();
let declCount = 0;

function declNumber(decl: ModelDecl): number {
  let n = declNumbers.get(decl);
  if (n === undefined) declNumbers.set(decl, (n = ++declCount));
  return n;
}

/**
 * Definition indexes by the classes (and which are the checked addon's) they are built from, per
 * catalog: consecutive addons ask about the same models with the same classes (res.partner from
 * every addon on `base`), and the index of a model with hundreds of fields is costly to rebuild.
 * Kept for the addon being checked and the one before (as the catalog keeps its answers), so memory
 * does not grow with the number of addons.
 */
interface DefsGenerations {
  recent: Map<string, DefsIndex>;
  older: Map<string, DefsIndex>;
}
const sharedDefs = new WeakMap<object, DefsGenerations>();

export class ModelFields {
  /** One instance per addon checked, shared by the rules that ask. */
  static of(ctx: AddonContext): ModelFields {
    let mf = shared.get(ctx);
    if (!mf) shared.set(ctx, (mf = new ModelFields(ctx)));
    return mf;
  }

  private readonly own: Set<ModelDecl>;
  private readonly mro = new Map<string, ModelDecl[] | undefined>();
  private readonly defsIndex = new Map<string, Map<string, FieldDef[]> | undefined>();

  private readonly defsCache: DefsGenerations;

  constructor(private readonly ctx: AddonContext) {
    this.own = new Set(ctx.catalog.summary(ctx.name)?.models ?? []);
    const gens = sharedDefs.get(ctx.catalog);
    if (gens) {
      gens.older = gens.recent;
      gens.recent = new Map();
      this.defsCache = gens;
    } else {
      this.defsCache = { recent: new Map(), older: new Map() };
      sharedDefs.set(ctx.catalog, this.defsCache);
    }
  }

  isOwn(decl: ModelDecl): boolean {
    return this.own.has(decl);
  }

  /**
   * The classes of a model and of the models it `_inherit`s (transitively, with `base`), parents
   * first and the checked addon's classes last; undefined when the model is not completely known.
   */
  classes(model: string): ModelDecl[] | undefined {
    if (this.mro.has(model)) return this.mro.get(model);
    const info = this.ctx.model(model);
    let out: ModelDecl[] | undefined;
    if (info.defined && info.complete) {
      out = [];
      const seen = new Set<string>();
      const visit = (m: string): void => {
        if (seen.has(m)) return;
        seen.add(m);
        const decls = this.ctx.catalog.declarations(this.ctx.name, m);
        for (const d of decls) for (const p of d.parents) visit(p);
        for (const d of decls) if (!this.own.has(d)) out!.push(d);
        for (const d of decls) if (this.own.has(d)) out!.push(d);
      };
      if (model !== 'base') visit('base');
      visit(model);
    }
    this.mro.set(model, out);
    return out;
  }

  /** The definitions of a field on a model (in the order of classes()), or undefined when unknown. */
  definitions(model: string, field: string): FieldDef[] | undefined {
    let index = this.defsIndex.get(model);
    if (index === undefined) {
      // Indexed once per model: rules ask about every field of models with hundreds of them.
      const classes = this.classes(model);
      index = classes && this.sharedIndex(classes);
      this.defsIndex.set(model, index);
    }
    return index && (index.get(field) ?? []);
  }

  /** The index of the definitions in these classes, from another addon's when built from the same. */
  private sharedIndex(classes: readonly ModelDecl[]): DefsIndex {
    let key = '';
    for (const d of classes) key += this.own.has(d) ? `${declNumber(d)}*,` : `${declNumber(d)},`;
    const gens = this.defsCache;
    let index = gens.recent.get(key) ?? gens.older.get(key);
    if (!index) {
      index = new Map();
      for (const d of classes) {
        const own = this.own.has(d);
        const facts = this.ctx.catalog.fieldFactsOf(d);
        for (const f of d.fields) {
          const list = index.get(f);
          // A name the class declares twice is one definition: its list already ends with this class.
          if (list?.[list.length - 1]!.decl === d) continue;
          const def = { decl: d, facts: facts?.[f], own };
          if (list) list.push(def);
          else index.set(f, [def]);
        }
      }
    }
    gens.recent.set(key, index);
    return index;
  }

  /** The `_inherits` parents of a model (parent model -> delegate field), over all its classes. */
  delegations(model: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const d of this.classes(model) ?? []) Object.assign(out, d.inherits);
    return out;
  }

  /**
   * The label of a field on a model as Odoo computes it, or undefined when not known. `logAccess`
   * says whether the model has the log-access magic fields (create_uid...).
   */
  label(model: string, field: string, logAccess: boolean, depth = 0): string | undefined {
    const defs = this.definitions(model, field);
    if (!defs) return undefined;
    if (defs.length === 0) {
      const magic = MAGIC[field];
      if (magic) return !magic.logAccess || logAccess ? magic.label : undefined;
      return depth < 20 ? this.delegated(model, field, (parent) => this.label(parent, field, true, depth + 1)) : undefined;
    }
    // Loops and not filter/map/Set: this runs for every field of every model an addon touches.
    // The checked addon loads last: its explicit label on the model itself wins, whatever came before.
    let ownLabel: string | null | undefined;
    let ownLabels = 0;
    for (const d of defs) {
      if (!d.own || d.decl.model !== model) continue;
      const l = d.facts?.label;
      if (l === undefined || l === '') continue;
      if (ownLabels === 0) {
        ownLabel = l;
        ownLabels = 1;
      } else if (l !== ownLabel) ownLabels = 2;
    }
    if (ownLabels === 1) return ownLabel ?? undefined;
    if (ownLabels > 1) return undefined;
    const type = defs[0]!.facts?.type;
    for (const d of defs) {
      // A definition of another type drops what came before it (fields.py _get_attrs): not followed.
      if (!d.facts || !d.facts.type || d.facts.type !== type) return undefined;
    }
    let given: string | null | undefined;
    let givenCount = 0;
    let path: string | null | undefined;
    let paths = 0;
    for (const d of defs) {
      const l = d.facts!.label;
      if (l !== undefined && l !== '') {
        if (l === null) return undefined;
        if (givenCount === 0) {
          given = l;
          givenCount = 1;
        } else if (l !== given) return undefined;
      }
      const r = d.facts!.related;
      if (r !== undefined) {
        if (paths === 0) {
          path = r;
          paths = 1;
        } else if (r !== path) paths = 2;
      }
    }
    if (givenCount === 1) return given!;
    // A related field takes its label from its target.
    if (paths === 0) return defaultLabel(field);
    if (paths > 1 || !path || depth >= 20) return undefined;
    const end = this.pathEnd(model, path);
    return end && this.label(end.model, end.field, false, depth + 1);
  }

  /** The model and field a dotted path (`partner_id.name`) ends on, when every hop is known. */
  pathEnd(start: string, path: string): { model: string; field: string } | undefined {
    const names = path.split('.');
    let model = start;
    for (let i = 0; i < names.length - 1; i++) {
      const info = this.ctx.model(model);
      if (!info.defined || !info.complete) return undefined;
      const next = info.comodels.get(names[i]!);
      if (!next) return undefined;
      model = next;
    }
    const info = this.ctx.model(model);
    const last = names[names.length - 1]!;
    return info.defined && info.complete && info.fields.has(last) ? { model, field: last } : undefined;
  }

  /** The type of a field on a model, or undefined when not known. */
  type(model: string, field: string, depth = 0): string | undefined {
    const defs = this.definitions(model, field);
    if (!defs) return undefined;
    if (defs.length === 0) {
      if (MAGIC[field]) return MAGIC[field]!.type;
      return depth < 20 ? this.delegated(model, field, (parent) => this.type(parent, field, depth + 1)) : undefined;
    }
    const last = defs[defs.length - 1]!;
    // Only the checked addon's last class is known to come last; else every class must agree.
    if (last.own && defs.filter((d) => d.own).length === 1) return last.facts?.type;
    const types = new Set(defs.map((d) => d.facts?.type));
    return types.size === 1 ? [...types][0] : undefined;
  }

  /** An answer for a field the model gets from an `_inherits` parent, when exactly one parent has it. */
  private delegated<T>(model: string, field: string, ask: (parent: string) => T | undefined): T | undefined {
    const parents = Object.keys(this.delegations(model)).filter((p) => this.ctx.model(p).fields.has(field));
    return parents.length === 1 ? ask(parents[0]!) : undefined;
  }
}
