/**
 * @fileoverview What is known about models, fields, methods and xml ids across addons: the
 * scanned addons, `--addons-path` addons and the built-in baseline of core Odoo 16. Every answer
 * says whether the knowledge is complete, so rules can stay silent when it is not.
 */
import type { AddonSummary, ModelDecl, ModelKind } from './addon.js';
import { coreFields, coreViews, type CoreView } from './baseline/core-facts.js';
import type { ComponentSummary } from './components.js';
import type { FieldFacts } from './field-facts.js';

/** Fields every model has (odoo/models.py: MAGIC_COLUMNS, display_name). */
export const MAGIC_FIELDS = ['id', 'display_name', 'create_uid', 'create_date', 'write_uid', 'write_date', '__last_update'];

/** Longest `_inherit` chain followed; real ones are a few dozen deep. */
const MAX_INHERIT_DEPTH = 500;

/** Answers kept per model across addons (Catalog.lastInfos). */
const ANSWERS_KEPT = 2;

export interface ModelInfo {
  /** False when no addon in the scope declares the model (as a new model). */
  defined: boolean;
  /** True when every addon and parent that could add fields or methods is known. */
  complete: boolean;
  kind: ModelKind;
  fields: Set<string>;
  /** Comodel of the relational fields whose comodel is a literal, as far as known (field -> model). */
  comodels: Map<string, string>;
  /** `_sql_constraints` merged by name as Odoo does (an extension or child overrides by name). */
  sqlConstraints: Map<string, string>;
  /** Its methods: those of every model (the baseline's BaseModel) and those declared along its chain. */
  methods: NameSet;
  /** Every model it inherits from, transitively (`_inherit` and `_inherits`), as far as known. */
  ancestors: Set<string>;
}

/**
 * Names over a shared base set that is never copied: every model has BaseModel's ~200 methods, and
 * copying them into each model's answer cost more than the rest of the answer. Lists and sets added
 * whole are only kept by reference and folded in at the first question: most answers are merged
 * into their children's and never asked about their methods.
 */
export class NameSet {
  private readonly own = new Set<string>();
  /** Lists and sets added but not yet folded into `own`. */
  private pending?: Array<readonly string[] | NameSet>;

  constructor(private readonly base: ReadonlySet<string>) {}

  has(name: string): boolean {
    if (this.pending) this.settle();
    return this.own.has(name) || this.base.has(name);
  }

  add(name: string): this {
    if (!this.base.has(name)) this.own.add(name);
    return this;
  }

  /** Adds every name of a list (kept by reference: the list must not change). */
  addNames(names: readonly string[]): void {
    if (names.length) (this.pending ??= []).push(names);
  }

  /** Adds the names another set has beyond the base. */
  addAll(other: NameSet): void {
    (this.pending ??= []).push(other);
  }

  /** Folds what was added by reference into `own`, parents first (each set is settled once). */
  private settle(): void {
    const pending = this.pending!;
    this.pending = undefined;
    for (const p of pending) {
      if (p instanceof NameSet) {
        if (p.pending) p.settle();
        // Over the same base (every answer's is BaseModel's) the other's names are already not in it.
        if (p.base === this.base) for (const n of p.own) this.own.add(n);
        else for (const n of p.own) this.add(n);
      } else for (const n of p) this.add(n);
    }
  }
}

export interface Scope {
  addons: Set<string>;
  /** False when some addon of the dependency closure is unknown. */
  complete: boolean;
}

/** True when some id of the set followed by `_` starts the name (`<id>_<parent_model>`): one lookup per `_` of the name. */
export function hasIdPrefix(ids: ReadonlySet<string>, name: string): boolean {
  for (let p = name.indexOf('_'); p >= 0; p = name.indexOf('_', p + 1)) if (ids.has(name.slice(0, p))) return true;
  return false;
}

/** What a parent's answer adds to its child's (fields, comodels and constraints the child lacks, methods, ancestors). */
function mergeParent(info: ModelInfo, parent: string, pi: ModelInfo): void {
  if (!pi.defined || !pi.complete) info.complete = false;
  for (const f of pi.fields) info.fields.add(f);
  for (const [f, c] of pi.comodels) if (!info.comodels.has(f)) info.comodels.set(f, c);
  for (const [n, c] of pi.sqlConstraints) if (!info.sqlConstraints.has(n)) info.sqlConstraints.set(n, c);
  info.methods.addAll(pi.methods);
  info.ancestors.add(parent);
  for (const a of pi.ancestors) info.ancestors.add(a);
}

/** Orders declaration entries by their addon's position in a scope. */
function byPosition(order: Map<string, number>): (x: DeclEntry, y: DeclEntry) => number {
  return (x, y) => order.get(x.addon)! - order.get(y.addon)!;
}

/** Models one addon declares or extends under one underscored name, with the fields it declares there. */
export interface XmlNamedModels {
  models: string[];
  fields: Set<string>;
}

/** One declaration of a model with its addon, and its position among the model's declarations in catalog order. */
interface DeclEntry {
  addon: string;
  decl: ModelDecl;
  index: number;
  /** The declaration's maps as lists, read once rather than at every merge (an object's keys are a slow read). */
  parentModels: readonly string[];
  delegateFields: readonly string[];
  comodels: ReadonlyArray<readonly [string, string]>;
  sqlConstraints: ReadonlyArray<readonly [string, string]>;
}

const NO_ENTRIES: ReadonlyArray<readonly [string, string]> = [];

/** Every declaration of one model in catalog order, and the same grouped by addon. */
interface ModelDecls {
  all: DeclEntry[];
  byAddon: Map<string, DeclEntry[]>;
}

export interface BaselineData {
  addons: AddonSummary[];
  baseModelMethods: string[];
}

export class Catalog {
  private readonly addons = new Map<string, AddonSummary>();
  /** Per module: the xml ids its data files define. */
  private readonly ownXmlIds = new Map<string, Set<string>>();
  /** Per module: see modelsByXmlName(). */
  private readonly xmlNames = new Map<string, Map<string, XmlNamedModels>>();
  private readonly scopeCache = new Map<string, Scope>();
  /** Model answers per scope addon (addon -> model -> info), dropped by forget(). */
  private readonly infoCache = new Map<string, Map<string, ModelInfo>>();
  private autoMembers?: Set<string>;
  private autoList?: AddonSummary[];
  private readonly scopeMemo = new WeakMap<Scope, Map<string, ModelInfo>>();
  /** Every declaration by model, with its addon, in catalog order. */
  private declIndex?: Map<string, ModelDecls>;
  /**
   * Per model, the last answers merged (most recent first, ANSWERS_KEPT at most) with what each was
   * merged from: addons checked one after the other often share them (account_*, l10n_*), or those
   * of an addon a few before, and the merge is most of the cost. A few per model, so memory does not
   * grow with the number of addons checked.
   */
  private readonly lastInfos = new Map<string, Array<{ key: string; info: ModelInfo }>>();
  /**
   * A number per merged answer naming what it was merged from (model and inputKey), the same for
   * every answer merged from the same: an answer merged again after it was dropped keeps its
   * children's keys. Other answers (cut cycles) get a number of their own, below zero.
   */
  private readonly infoNumbers = new WeakMap<ModelInfo, number>();
  private readonly keyNumbers = new Map<string, number>();
  private unkeyedCount = 0;
  /** Each scope's addons by position. */
  private readonly scopeOrder = new WeakMap<Scope, Map<string, number>>();
  readonly baseMethods: Set<string>;
  /** The baseline's summaries the scan did not replace (their facts are the core files'). */
  private readonly baselineSummaries = new Set<AddonSummary>();
  private baselineDecls?: WeakSet<ModelDecl>;
  /** Baseline model classes -> their field facts, filled from odoo16-fields.json on first ask. */
  private coreFacts?: WeakMap<ModelDecl, Record<string, FieldFacts>>;
  /** Core view id -> the ids of the core views that extend it, directly or not. */
  private coreExtensions?: Map<string, string[]>;

  constructor(summaries: AddonSummary[], baseline: BaselineData | undefined) {
    for (const s of baseline?.addons ?? []) this.addons.set(s.name, s);
    for (const s of summaries) this.addons.set(s.name, s);
    this.baseMethods = new Set(baseline?.baseModelMethods ?? []);
    for (const s of baseline?.addons ?? []) if (this.addons.get(s.name) === s) this.baselineSummaries.add(s);
  }

  /** True when what is known of the addon is the built-in baseline (no addon of that name was read). */
  fromBaseline(addon: string): boolean {
    const s = this.addons.get(addon);
    return !!s && this.baselineSummaries.has(s);
  }

  /**
   * What a model class says about its fields: a read class's own facts; for a class of the
   * baseline, those of odoo16-fields.json, read on the first such question. Undefined when unknown.
   */
  fieldFactsOf(decl: ModelDecl): Record<string, FieldFacts> | undefined {
    if (decl.fieldFacts) return decl.fieldFacts;
    // Only a class of the baseline has facts there: the file is not read for any other.
    this.baselineDecls ??= new WeakSet([...this.baselineSummaries].flatMap((s) => s.models));
    if (!this.baselineDecls.has(decl)) return undefined;
    if (!this.coreFacts) {
      this.coreFacts = new WeakMap();
      const data = coreFields();
      for (const s of this.baselineSummaries) {
        const facts = data.addons[s.name];
        // Facts line up with the classes by position; a file from another build is not trusted.
        if (!facts || facts.length !== s.models.length) continue;
        s.models.forEach((d, i) => facts[i]![0] === d.model && this.coreFacts!.set(d, facts[i]![1]));
      }
    }
    return this.coreFacts.get(decl);
  }

  /** A view of a baseline addon (`sale.view_order_form`), from odoo16-views.json; undefined otherwise. */
  coreView(id: string): CoreView | undefined {
    const addon = id.slice(0, id.indexOf('.'));
    if (!addon || !this.fromBaseline(addon)) return undefined;
    return coreViews().views[id];
  }

  /**
   * The core views that extend a view (their inherit_id chain reaches it), in any baseline addon
   * whether in the scope or not: what they add may be there, so it counts as present.
   */
  coreViewsExtending(id: string): string[] {
    if (!this.coreExtensions) {
      this.coreExtensions = new Map();
      const views = coreViews().views;
      for (const [vid, v] of Object.entries(views)) {
        const seen = new Set<string>([vid]);
        for (let up = v.inherit; up && !seen.has(up); up = views[up]?.inherit) {
          seen.add(up);
          const list = this.coreExtensions.get(up);
          if (list) list.push(vid);
          else this.coreExtensions.set(up, [vid]);
        }
      }
    }
    return this.coreExtensions.get(id) ?? [];
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
      for (const d of sum.depends) stack.push(d);
      if (a !== 'base' && sum.depends.length === 0) stack.push('base');
    }
    s = { addons, complete };
    this.scopeCache.set(addon, s);
    return s;
  }

  /**
   * The scope plus the auto_install addons Odoo installs along with it (every dependency already
   * in, repeated until nothing is added): they are present wherever the addon is.
   */
  withAutoInstalled(addon: string): Set<string> {
    const set = new Set(this.scope(addon).addons);
    let grew = true;
    while (grew) {
      grew = false;
      for (const s of this.autoInstalled()) {
        if (set.has(s.name) || !s.depends.every((d) => set.has(d))) continue;
        set.add(s.name);
        grew = true;
      }
    }
    return set;
  }

  /** The auto_install addons, in catalog order (listed once: every checked addon asks). */
  private autoInstalled(): AddonSummary[] {
    this.autoList ??= [...this.addons.values()].filter((s) => s.autoInstall);
    return this.autoList;
  }

  /**
   * Declarations of a model in the scope, in scope order (then file order within an addon): picked
   * from an index of every declaration by model, built once, rather than scanning the scope's models.
   */
  private declsIn(scope: Scope, model: string): DeclEntry[] {
    if (!this.declIndex) {
      this.declIndex = new Map();
      for (const s of this.addons.values()) {
        for (const decl of s.models) {
          let decls = this.declIndex.get(decl.model);
          if (!decls) this.declIndex.set(decl.model, (decls = { all: [], byAddon: new Map() }));
          const inherits = Object.keys(decl.inherits);
          const entry: DeclEntry = {
            addon: s.name,
            decl,
            index: decls.all.length,
            // `_inherit` parents then `_inherits` ones: the order in which the merge reads them.
            parentModels: inherits.length ? [...decl.parents, ...inherits] : decl.parents,
            delegateFields: inherits.map((p) => decl.inherits[p]!),
            comodels: decl.comodels ? Object.entries(decl.comodels) : NO_ENTRIES,
            sqlConstraints: decl.sqlConstraints ? Object.entries(decl.sqlConstraints) : NO_ENTRIES,
          };
          decls.all.push(entry);
          const own = decls.byAddon.get(s.name);
          if (own) own.push(entry);
          else decls.byAddon.set(s.name, [entry]);
        }
      }
    }
    const decls = this.declIndex.get(model);
    if (!decls) return [];
    // A model with more declarations than the scope has addons (res.partner from a small scope): the
    // scope's addons in order give the answer already sorted, without visiting the rest. Same list.
    if (scope.addons.size < decls.all.length) {
      const out: DeclEntry[] = [];
      for (const a of scope.addons) {
        const own = decls.byAddon.get(a);
        if (own) for (const e of own) out.push(e);
      }
      return out;
    }
    const all = decls.all;
    let order = this.scopeOrder.get(scope);
    if (!order) {
      order = new Map();
      for (const a of scope.addons) order.set(a, order.size);
      this.scopeOrder.set(scope, order);
    }
    // A loop and not filter/sort with closures: this runs for every model of every scope. The
    // catalog order is mostly the scope order already, so the sort is only done when it is not.
    const out: DeclEntry[] = [];
    let sorted = true;
    let last = -1;
    for (const e of all) {
      const at = order.get(e.addon);
      if (at === undefined) continue;
      if (at < last) sorted = false;
      last = at;
      out.push(e);
    }
    // Array sort is stable: one addon's declarations keep their order.
    return sorted ? out : out.sort(byPosition(order));
  }

  /**
   * The declarations of a model (definitions and extensions) in an addon's dependency closure, in
   * no particular order (not load order): rules that need each class's facts read them here.
   */
  declarations(scopeAddon: string, model: string): readonly ModelDecl[] {
    return this.declsIn(this.scope(scopeAddon), model).map((e) => e.decl);
  }

  /** Everything known about a model as seen from an addon's dependency closure. */
  model(scopeAddon: string, model: string): ModelInfo {
    let byModel = this.infoCache.get(scopeAddon);
    if (!byModel) {
      byModel = new Map();
      this.infoCache.set(scopeAddon, byModel);
    }
    let info = byModel.get(model);
    if (info) return info;
    info = this.computeModel(this.scope(scopeAddon), model, new Set());
    byModel.set(model, info);
    return info;
  }

  /**
   * Drops what was computed for an addon's scope (its models as seen from there): once the addon
   * is checked nobody asks again, and across hundreds of addons these answers outgrow the rest.
   * Only a cache: asking again recomputes the same answers.
   */
  forget(scopeAddon: string): void {
    this.scopeCache.delete(scopeAddon);
    this.infoCache.delete(scopeAddon);
  }

  private computeModel(scope: Scope, model: string, seen: Set<string>): ModelInfo {
    const memo = this.memoFor(scope);
    const known = memo.get(model);
    if (known) return known;
    // A cycle in the inheritance graph: what is on the path so far is all we can say.
    if (seen.has(model)) return this.emptyInfo(scope.complete);
    // An inheritance chain this long is hostile or generated: not knowable, and the bound keeps the
    // recursion shallow.
    if (seen.size >= MAX_INHERIT_DEPTH) return this.emptyInfo(false);
    seen.add(model);
    const entries = this.declsIn(scope, model);
    // The parents first, in the order the merge reads them (each answer depends only on the path).
    const parentInfos: ModelInfo[] = [];
    for (const e of entries) for (const p of e.parentModels) parentInfos.push(this.computeModel(scope, p, seen));
    const baseInfo = model === 'base' ? undefined : this.computeModel(scope, 'base', seen);
    // `seen` is the path being computed (cycle guard), not every model visited: two parents may
    // share an ancestor (mail.thread), and the second must get the same answer as the first.
    seen.delete(model);
    // The answer is a function of these inputs: a recent addon's scope often had the same.
    const key = this.inputKey(scope.complete, entries, parentInfos, baseInfo);
    const merged = this.keptInfo(model, key) ?? this.keepInfo(model, key, this.merge(this.emptyInfo(scope.complete), model, entries, parentInfos, baseInfo));
    memo.set(model, merged);
    return merged;
  }

  /** A kept answer of the model merged from these inputs, moved to the front; undefined when none. */
  private keptInfo(model: string, key: string): ModelInfo | undefined {
    const kept = this.lastInfos.get(model);
    if (!kept) return undefined;
    for (let i = 0; i < kept.length; i++) {
      const k = kept[i]!;
      if (k.key !== key) continue;
      if (i > 0) {
        kept.splice(i, 1);
        kept.unshift(k);
      }
      return k.info;
    }
    return undefined;
  }

  /** Keeps a newly merged answer in front of the model's, numbered after its inputs. */
  private keepInfo(model: string, key: string, info: ModelInfo): ModelInfo {
    const named = `${model}\u0000${key}`;
    let n = this.keyNumbers.get(named);
    if (n === undefined) this.keyNumbers.set(named, (n = this.keyNumbers.size + 1));
    this.infoNumbers.set(info, n);
    const kept = this.lastInfos.get(model);
    if (!kept) this.lastInfos.set(model, [{ key, info }]);
    else {
      kept.unshift({ key, info });
      if (kept.length > ANSWERS_KEPT) kept.pop();
    }
    return info;
  }

  private emptyInfo(complete: boolean): ModelInfo {
    return { defined: false, complete, kind: 'unknown', fields: new Set(MAGIC_FIELDS), comodels: new Map(), sqlConstraints: new Map(), methods: new NameSet(this.baseMethods), ancestors: new Set() };
  }

  /** A string naming the declarations and the parents' answers (by number) a model's answer is merged from. */
  private inputKey(complete: boolean, entries: readonly DeclEntry[], parents: readonly ModelInfo[], base: ModelInfo | undefined): string {
    let key = complete ? 'c' : 'i';
    for (const e of entries) key += `,${e.index}`;
    key += '|';
    for (const p of parents) key += `,${this.infoNumber(p)}`;
    return base ? `${key}|${this.infoNumber(base)}` : key;
  }

  private infoNumber(info: ModelInfo): number {
    let n = this.infoNumbers.get(info);
    if (n === undefined) this.infoNumbers.set(info, (n = --this.unkeyedCount));
    return n;
  }

  /** Merges a model's declarations and its parents' answers into `info` (Odoo's class merge, as far as names go). */
  private merge(info: ModelInfo, model: string, entries: readonly DeclEntry[], parentInfos: readonly ModelInfo[], base: ModelInfo | undefined): ModelInfo {
    if (this.baseMethods.size === 0) info.complete = false;
    let next = 0;
    for (const e of entries) {
      const d = e.decl;
      if (d.isNew || model === 'base') {
        info.defined = true;
        if (info.kind === 'unknown' || d.isNew) info.kind = d.kind;
      }
      for (const f of d.fields) info.fields.add(f);
      for (const [f, c] of e.comodels) info.comodels.set(f, c);
      for (const [n, c] of e.sqlConstraints) info.sqlConstraints.set(n, c);
      info.methods.addNames(d.methods);
      for (const p of e.parentModels) mergeParent(info, p, parentInfos[next++]!);
      for (const f of e.delegateFields) info.fields.add(f);
    }
    if (base) {
      base.fields.forEach((f) => info.fields.add(f));
      base.comodels.forEach((c, f) => info.comodels.has(f) || info.comodels.set(f, c));
      info.methods.addAll(base.methods);
    }
    if (!info.defined) info.complete = false;
    return info;
  }

  private memoFor(scope: Scope): Map<string, ModelInfo> {
    let m = this.scopeMemo.get(scope);
    if (!m) {
      m = new Map();
      this.scopeMemo.set(scope, m);
    }
    return m;
  }

  /** Every declaration (definition or in-place extension) of a component in the addon's scope. */
  componentDecls(scopeAddon: string, name: string): ComponentSummary[] {
    const out: ComponentSummary[] = [];
    for (const a of this.scope(scopeAddon).addons) for (const c of this.addons.get(a)!.components ?? []) if (c.name === name) out.push(c);
    return out;
  }

  /**
   * An attribute (`usage`, `collection`) of a component with the given parents, looked up through
   * them as the component builder merges classes; undefined when no known parent sets it.
   */
  inheritedComponentAttr(scopeAddon: string, parents: string[], attr: 'usage' | 'collection', seen = new Set<string>(), depth = 0): string | undefined {
    // Past this depth the answer is unknown, as for a parent we cannot see (and the recursion stays shallow).
    if (depth >= MAX_INHERIT_DEPTH) return undefined;
    for (const p of parents) {
      if (seen.has(p)) continue;
      seen.add(p);
      const decls = this.componentDecls(scopeAddon, p);
      for (const d of decls) if (d[attr]) return d[attr];
      for (const d of decls) {
        const v = this.inheritedComponentAttr(scopeAddon, d.inherit, attr, seen, depth + 1);
        if (v) return v;
      }
    }
    return undefined;
  }

  /**
   * True when an auto_install addon outside the scope adds this field or method to the model: it
   * may be installed alongside (account_payment adds payment_method_code to account.payment.register).
   */
  maybeAdded(model: string, member: string): boolean {
    let set = this.autoMembers;
    if (!set) {
      set = new Set<string>();
      for (const s of this.addons.values()) {
        if (!s.autoInstall) continue;
        for (const d of s.models) [...d.fields, ...d.methods].forEach((m) => set!.add(`${d.model}\u0000${m}`));
      }
      this.autoMembers = set;
    }
    return set.has(`${model}\u0000${member}`);
  }

  /**
   * The models an addon declares or extends, by name with dots as underscores (as in `model_*` and
   * `field_*` xml ids), each with the fields it declares there: what its implicit ids are made of,
   * looked up rather than each id built (they are ~150 000).
   */
  modelsByXmlName(addon: string): Map<string, XmlNamedModels> {
    let index = this.xmlNames.get(addon);
    if (!index) {
      index = new Map();
      for (const d of this.addons.get(addon)?.models ?? []) {
        const key = d.model.replace(/\./g, '_');
        const entry = index.get(key);
        if (!entry) index.set(key, { models: [d.model], fields: new Set(d.fields) });
        else {
          entry.models.push(d.model);
          for (const f of d.fields) entry.fields.add(f);
        }
      }
      this.xmlNames.set(addon, index);
    }
    return index;
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
    if (module === 'base' && name.startsWith('module_')) return true;
    let own = this.ownXmlIds.get(module);
    if (!own) this.ownXmlIds.set(module, (own = new Set(sum.xmlids)));
    if (own.has(name) || this.implicitXmlId(module, name) || own.has(`${module}.${name}`)) return true;
    // _inherits parents get `<id>_<parent_model>` ids created by Odoo.
    if (hasIdPrefix(own, name)) return true;
    // A model whose _name is computed has ids we cannot derive.
    if (sum.opaqueModels && (name.startsWith('model_') || name.startsWith('field_'))) return undefined;
    // <function> calls may create ids at install (e.g. stock warehouses): cannot know.
    return sum.dynamicIds ? undefined : false;
  }

  /**
   * True when `name` is an id Odoo creates for a model or field the module declares or extends
   * (`model_res_partner`, `field_res_partner__name`).
   */
  implicitXmlId(module: string, name: string): boolean {
    const isModel = name.startsWith('model_');
    if (!isModel && !name.startsWith('field_')) return false;
    const index = this.modelsByXmlName(module);
    if (isModel) return index.has(name.slice(6));
    // The model part may hold `__` itself (dots and underscores are one): every split is tried.
    for (let i = name.indexOf('__', 6); i >= 0; i = name.indexOf('__', i + 1)) if (index.get(name.slice(6, i))?.fields.has(name.slice(i + 2))) return true;
    return false;
  }
}
