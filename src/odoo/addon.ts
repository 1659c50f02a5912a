/**
 * @fileoverview One addon on disk, read lazily: each file is read and parsed at most once per run.
 * Also derives the addon's summary (models, fields, methods, xml ids) that the catalog shares.
 */
import { basename, join, posix, resolve } from 'node:path';
import { parseCsv, type CsvResult } from './access-csv.js';
import { isInside, listAddonFiles, readRegularFile, realPath, type Listing, type ReadResult, type SkipReason } from './addon-files.js';
import { readComponents, summarizeComponent, type ComponentClass, type ComponentSummary } from './components.js';
import { parseManifest, type Manifest } from './manifest.js';
import { decodeSource, sourceKind, type EncodingError } from './source-text.js';
import { dictGet, litString, litStrings, parsePython, pythonSyntaxErrors, type PyClass, type PyField, type PyFile } from './python.js';
import { parseXml, type XEl, type XmlResult } from './xml.js';
import { fieldFacts, type FieldFacts } from './field-facts.js';

export type ModelKind = 'model' | 'abstract' | 'transient' | 'unknown';

/** One Python class that declares or extends a model. */
export interface ModelDecl {
  /** The model this class declares or extends. */
  model: string;
  /** True when `_name` is set and differs from every `_inherit` (a new model). */
  isNew: boolean;
  /** Parents whose fields the model gets (`_inherit` entries other than the model itself). */
  parents: string[];
  /** `_inherits` map: parent model -> delegate field. */
  inherits: Record<string, string>;
  kind: ModelKind;
  fields: string[];
  /** Comodel of each relational field whose comodel is a string literal (field -> model). */
  comodels?: Record<string, string>;
  /** Literal `_sql_constraints` entries, name -> definition; Odoo merges them by name along `_inherit`. */
  sqlConstraints?: Record<string, string>;
  methods: string[];
  /**
   * What each field declaration says (type, label, selection...), field -> facts, the last
   * declaration of a name winning as in the class body. Absent from the baseline (names only):
   * rules treat a declaration without facts as unknown.
   */
  fieldFacts?: Record<string, FieldFacts>;
  file?: string;
  line?: number;
}

export interface AddonSummary {
  name: string;
  depends: string[];
  models: ModelDecl[];
  /** Xml ids this addon defines, without the module prefix (except ids like `other.x` it overrides). */
  xmlids: string[];
  /** True when a data file calls <function>, which may create ids we cannot see. */
  dynamicIds?: boolean;
  /** True when a model's `_name` is computed (not a string literal): its `model_*` ids are unknowable. */
  opaqueModels?: boolean;
  /** Components the addon registers (name, parents, usage...), for lookups across addons. */
  components?: ComponentSummary[];
  /** True when the manifest sets auto_install: the addon may be installed without anyone depending on it. */
  autoInstall?: boolean;
  /**
   * Top-level names of each Python module (file path -> names; null when they cannot be listed:
   * unreadable, syntax errors, `import *`), for checking `from odoo.addons.x.y import Name`.
   */
  pyModules?: Record<string, string[] | null>;
  /**
   * The views this addon's ir.ui.view records extend (inherit_id refs, qualified), '*' for one
   * given otherwise than by ref; with `dir`, where a rule reads what they add to another
   * module's view (view-inherit-not-found): summaries keep no arches.
   */
  viewInherits?: string[];
  /** The addon's folder, given with viewInherits. */
  dir?: string;
}

const MODEL_BASES: Record<string, ModelKind> = {
  'models.Model': 'model',
  Model: 'model',
  'models.AbstractModel': 'abstract',
  AbstractModel: 'abstract',
  'models.TransientModel': 'transient',
  TransientModel: 'transient',
  // `_auto = False` reporting models (hr.employee.skill.report) subclass BaseModel directly.
  'models.BaseModel': 'model',
  BaseModel: 'model',
};

/** Reads the model kind from a class's bases (`models.Model` and friends). */
export function modelKind(cls: PyClass): ModelKind | undefined {
  for (const b of cls.bases) if (MODEL_BASES[b]) return MODEL_BASES[b];
  return undefined;
}

const COMPONENT_LIKE = new Set(['Component', 'AbstractComponent', 'core.Component', 'core.AbstractComponent']);

/**
 * The model declarations of one file. Besides `models.Model` and friends, a class is a model when
 * it subclasses a model class of the same file (Python inheritance, e.g. website's
 * `WebsitePublishedMultiMixin(WebsitePublishedMixin)`) or a class imported from another addon
 * while setting `_name`/`_inherit` (kind unknown then).
 */
export function fileModels(py: PyFile, file?: string): ReadonlyArray<{ cls: PyClass; decl: ModelDecl }> {
  // Several rules and the summary ask for each file's models: computed once per parse and path.
  let byFile = fileModelsCache.get(py);
  if (!byFile) {
    byFile = new Map();
    fileModelsCache.set(py, byFile);
  }
  let models = byFile.get(file);
  if (!models) {
    models = readFileModels(py, file);
    byFile.set(file, models);
  }
  return models;
}

const fileModelsCache = new WeakMap<PyFile, Map<string | undefined, ReadonlyArray<{ cls: PyClass; decl: ModelDecl }>>>();

function readFileModels(py: PyFile, file?: string): Array<{ cls: PyClass; decl: ModelDecl }> {
  const local = new Map<string, ModelKind>();
  const imported = new Set<string>();
  for (const i of py.imports) if (/^odoo\.addons\.(?!component\b)/.test(i.module)) i.names.forEach((n) => imported.add(n));
  const out: Array<{ cls: PyClass; decl: ModelDecl }> = [];
  for (const cls of py.classes) {
    let kind = modelKind(cls);
    if (!kind) {
      const parent = cls.bases.find((b) => local.has(b));
      if (parent) kind = local.get(parent)!;
    }
    const looksLikeModel = ('_name' in cls.attrs || '_inherit' in cls.attrs) && !['_usage', '_apply_on', '_collection'].some((a) => a in cls.attrs);
    if (!kind && looksLikeModel && cls.bases.some((b) => imported.has(b) && !COMPONENT_LIKE.has(b))) kind = 'unknown';
    if (!kind) continue;
    local.set(cls.name, kind);
    const decl = modelDecl(cls, file, kind);
    if (decl) out.push({ cls, decl });
  }
  return out;
}

/** Turns a model class into its declaration, or undefined if the class is not an Odoo model. */
export function modelDecl(cls: PyClass, file?: string, baseKind?: ModelKind): ModelDecl | undefined {
  let kind = baseKind ?? modelKind(cls);
  if (!kind) return undefined;
  const name = litString(cls.attrs._name);
  const inherit = litStrings(cls.attrs._inherit) ?? [];
  const abstractAttr = cls.attrs._abstract;
  if (abstractAttr?.kind === 'bool') kind = abstractAttr.value === true ? 'abstract' : kind === 'abstract' ? 'model' : kind;
  const transientAttr = cls.attrs._transient;
  if (transientAttr?.kind === 'bool' && transientAttr.value === true) kind = 'transient';
  const model = name ?? inherit[0];
  if (!model) return undefined;
  const inherits: Record<string, string> = {};
  for (const e of cls.attrs._inherits?.entries ?? []) {
    if (e.key.kind === 'str' && e.value.kind === 'str') inherits[e.key.value as string] = e.value.value as string;
  }
  const fields = cls.fields.map((f) => f.name);
  const facts: Record<string, FieldFacts> = Object.create(null) as Record<string, FieldFacts>;
  for (const f of cls.fields) facts[f.name] = fieldFacts(f);
  const comodels: Record<string, string> = {};
  for (const f of cls.fields) {
    const comodel = fieldComodel(f);
    if (comodel) comodels[f.name] = comodel;
    if (f.type === 'Many2one' && f.kwargs.delegate?.value === true && comodel) inherits[comodel] = f.name;
  }
  const sqlConstraints: Record<string, string> = {};
  for (const c of cls.attrs._sql_constraints?.items ?? []) {
    const [n, def] = c.items ?? [];
    if (n?.kind === 'str' && def?.kind === 'str') sqlConstraints[n.value as string] = def.value as string;
  }
  return {
    model,
    isNew: !!name && !inherit.includes(name),
    parents: inherit.filter((i) => i !== model),
    inherits,
    kind,
    fields,
    ...(Object.keys(comodels).length ? { comodels } : {}),
    ...(Object.keys(sqlConstraints).length ? { sqlConstraints } : {}),
    methods: cls.methods.map((m) => m.name),
    ...(fields.length ? { fieldFacts: facts } : {}),
    ...(file ? { file } : {}),
    line: cls.line,
  };
}

export const RELATIONAL_TYPES = new Set(['Many2one', 'One2many', 'Many2many']);

/** The comodel of a relational field when it is a string literal (first argument or comodel_name). */
export function fieldComodel(f: PyField): string | undefined {
  if (!RELATIONAL_TYPES.has(f.type)) return undefined;
  const lit = f.kwargs.comodel_name ?? (f.args[0]?.kind === 'str' ? f.args[0] : undefined);
  return lit?.kind === 'str' ? (lit.value as string) : undefined;
}

export function modelXmlId(model: string): string {
  return `model_${model.replace(/\./g, '_')}`;
}

/** True when `root` or an element below it has this tag (an explicit stack: no recursion, no generator). */
function hasTag(root: XEl, tag: string): boolean {
  const stack: XEl[] = [root];
  while (stack.length) {
    const el = stack.pop()!;
    if (el.tag === tag) return true;
    for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]!);
  }
  return false;
}

export class Addon {
  readonly name: string;
  private readonly text = new Map<string, string | null>();
  /** Files read whose texts dropTexts() let go: they exist, and read() reads them again. */
  private readonly dropped = new Set<string>();
  private readonly skipped = new Map<string, SkipReason>();
  private readonly encodingErrors = new Map<string, EncodingError>();
  private listing?: Listing;
  private listed?: Set<string>;
  private realDirPath?: string;
  private readonly py = new Map<string, Promise<PyFile>>();
  private readonly xmlCache = new Map<string, XmlResult>();
  private readonly csvCache = new Map<string, CsvResult>();
  private readonly definedCache = new Map<string, DefinedId[]>();
  private manifestPromise?: Promise<Manifest>;
  private dataFilesPromise?: Promise<ReadonlyArray<{ file: string; demo: boolean }>>;
  private summaryPromise?: Promise<AddonSummary>;
  private componentsPromise?: Promise<ComponentClass[]>;
  private importedPromise?: Promise<Set<string> | undefined>;
  private modelsPromise?: Promise<ModelDecl[]>;

  constructor(readonly dir: string) {
    this.name = basename(dir);
  }

  /**
   * Drops what was read and parsed (texts, syntax trees, tables): once the addon is checked nobody
   * asks again, and across hundreds of addons these outgrow the rest. The summary stays. Asking again
   * reads and parses again.
   */
  release(): void {
    this.text.clear();
    this.dropped.clear();
    this.skipped.clear();
    this.encodingErrors.clear();
    this.py.clear();
    this.xmlCache.clear();
    this.csvCache.clear();
    this.definedCache.clear();
    this.componentsPromise = undefined;
    this.importedPromise = undefined;
    this.modelsPromise = undefined;
  }

  /**
   * Lets the file texts go while keeping what was parsed from them (for the rules phase of a long
   * run). The readers give their results their own strings (detach-strings.ts), so the texts can
   * go; the few the rules read raw (inline disables of a file with findings, some view checks)
   * are read again from disk, at a fraction of the cost of parsing them again. Defined ids stay
   * (their strings are the parse's own). Returns how many characters of text were let go.
   */
  dropTexts(): number {
    let chars = 0;
    for (const [rel, text] of this.text) {
      if (text === null) continue;
      chars += text.length;
      this.text.delete(rel);
      this.dropped.add(rel);
    }
    return chars;
  }

  /** Reads the file unless it was read already (its text may have been dropped since). */
  private ensureRead(rel: string): void {
    if (!this.text.has(rel) && !this.dropped.has(rel)) this.read(rel);
  }

  /** The addon folder's real path: nothing outside it is read. */
  private realDir(): string {
    this.realDirPath ??= realPath(this.dir) ?? resolve(this.dir);
    return this.realDirPath;
  }

  private list(): Listing {
    this.listing ??= listAddonFiles(this.dir, this.realDir());
    return this.listing;
  }

  /** All files of the addon (posix, relative), without static assets and translations. */
  files(): string[] {
    return this.list().files;
  }

  exists(rel: string): boolean {
    return this.dropped.has(rel) || this.read(rel) !== null;
  }

  /** File text, or null when missing, unreadable or not read (see skipReason). */
  read(rel: string): string | null {
    if (!this.text.has(rel)) {
      const result = this.load(rel);
      if (!result.ok && result.reason !== 'missing') this.skipped.set(rel, result.reason);
      let text: string | null = null;
      if (result.ok) {
        const decoded = decodeSource(result.bytes, sourceKind(rel));
        text = decoded.text;
        if (decoded.error) this.encodingErrors.set(rel, decoded.error);
      }
      this.text.set(rel, text);
    }
    return this.text.get(rel) ?? null;
  }

  /** Why an existing file was not read (too large, not a regular file, outside the addon). */
  skipReason(rel: string): SkipReason | undefined {
    this.ensureRead(rel);
    return this.skipped.get(rel);
  }

  /** Where the file's bytes are not in the encoding Odoo reads it with, if they are not. */
  encodingError(rel: string): EncodingError | undefined {
    this.ensureRead(rel);
    return this.encodingErrors.get(rel);
  }

  /** Entries of the listing that are not read, with why (checked without opening them). */
  skippedEntries(): ReadonlyMap<string, SkipReason> {
    return this.list().skipped;
  }

  private load(rel: string): ReadResult {
    const listing = this.list();
    // Manifests may say `./views/a.xml` or `views//a.xml`.
    const norm = posix.normalize(rel);
    const skipped = listing.skipped.get(norm);
    if (skipped) return { ok: false, reason: skipped };
    const linked = listing.linked.get(norm);
    if (linked) return readRegularFile(linked);
    this.listed ??= new Set(listing.files);
    if (this.listed.has(norm)) return readRegularFile(join(this.realDir(), norm));
    // Not in the listing: missing, unless the path leaves the plain tree (`..`, an absolute path, a
    // link, a skipped folder); then its real path says whether it stays inside the addon.
    const plain = !norm.startsWith('../') && norm !== '..' && !posix.isAbsolute(norm) && !listing.unlisted.some((u) => norm === u || norm.startsWith(`${u}/`));
    if (plain) return { ok: false, reason: 'missing' };
    const real = realPath(join(this.dir, rel));
    if (real === undefined) return { ok: false, reason: 'missing' };
    if (!isInside(real, this.realDir())) return { ok: false, reason: 'outside' };
    return readRegularFile(real);
  }

  manifest(): Promise<Manifest> {
    this.manifestPromise ??= parseManifest(this.read('__manifest__.py') ?? '');
    return this.manifestPromise;
  }

  python(rel: string): Promise<PyFile> {
    let p = this.py.get(rel);
    if (!p) {
      p = parsePython(this.read(rel) ?? '');
      this.py.set(rel, p);
    }
    return p;
  }

  /**
   * The syntax errors of a Python file: from its parse when some rule read it, else from a parse
   * that extracts nothing (test files are read for this alone).
   */
  async pythonSyntax(rel: string): Promise<PyFile['syntaxErrors']> {
    const parsed = this.py.get(rel);
    return parsed ? (await parsed).syntaxErrors : pythonSyntaxErrors(this.read(rel) ?? '');
  }

  xml(rel: string): XmlResult {
    let x = this.xmlCache.get(rel);
    if (!x) {
      const src = this.read(rel);
      x = src === null ? { ok: false, line: 1, column: 1, message: 'file cannot be read' } : parseXml(src);
      this.xmlCache.set(rel, x);
    }
    return x;
  }

  csv(rel: string): CsvResult {
    let c = this.csvCache.get(rel);
    if (!c) {
      c = parseCsv(this.read(rel) ?? '');
      this.csvCache.set(rel, c);
    }
    return c;
  }

  pythonFiles(): string[] {
    return this.files().filter((f) => f.endsWith('.py') && f !== '__manifest__.py' && !/(^|\/)(tests|migrations|upgrades?)\//.test(f));
  }

  /**
   * Python files reached from the root `__init__.py` through relative imports (and absolute
   * `odoo.addons.<this addon>` ones), or undefined when the chain cannot be followed (an import
   * through importlib, for instance), so callers treat every file as loaded.
   */
  importedFiles(): Promise<Set<string> | undefined> {
    this.importedPromise ??= (async () => {
      const seen = new Set<string>();
      const queue = ['__init__.py'];
      let opaque = false;
      while (queue.length) {
        const file = queue.shift()!;
        if (seen.has(file)) continue;
        if (!this.exists(file)) {
          // Imported, but not read (file-skipped says why): loaded all the same.
          if (this.skipReason(file)) seen.add(file);
          continue;
        }
        seen.add(file);
        const py = await this.python(file);
        const pkg = posix.dirname(file) === '.' ? '' : posix.dirname(file);
        if (py.calls.some((c) => c.callee === 'importlib.import_module' || c.callee === 'import_module' || c.callee === '__import__')) opaque = true;
        for (const imp of py.imports) {
          let base: string;
          let module = imp.module;
          const own = `odoo.addons.${this.name}`;
          if (imp.dots) {
            base = pkg;
            for (let i = 1; i < imp.dots.length; i++) base = posix.dirname(base) === '.' ? '' : posix.dirname(base);
          } else if (module === own || module.startsWith(`${own}.`)) {
            base = '';
            module = module.slice(own.length + 1);
          } else continue;
          const modPath = module ? posix.join(base, module.replaceAll('.', '/')) : base;
          const targets = module ? [modPath] : [];
          for (const n of imp.names) targets.push(posix.join(modPath, n));
          for (const t of targets) queue.push(`${t}.py`.replace(/^\//, ''), posix.join(t, '__init__.py').replace(/^\//, ''));
        }
      }
      return opaque || !seen.has('__init__.py') ? undefined : seen;
    })();
    return this.importedPromise;
  }

  /** Model declarations of the Python files Odoo loads (every file when that cannot be known). */
  models(): Promise<ModelDecl[]> {
    this.modelsPromise ??= (async () => {
      const imported = await this.importedFiles();
      const out: ModelDecl[] = [];
      for (const f of this.pythonFiles().filter((p) => !imported || imported.has(p))) for (const m of fileModels(await this.python(f), f)) out.push(m.decl);
      return out;
    })();
    return this.modelsPromise;
  }

  /** Component classes of every Python file of the addon (imported or not). */
  components(): Promise<ComponentClass[]> {
    this.componentsPromise ??= (async () => {
      const files: Array<{ file: string; py: PyFile }> = [];
      for (const file of this.pythonFiles()) files.push({ file, py: await this.python(file) });
      return readComponents(files);
    })();
    return this.componentsPromise;
  }

  /** The data and demo files listed in the manifest, data first (listed once: the summary and many rules ask). */
  dataFiles(): Promise<ReadonlyArray<{ file: string; demo: boolean }>> {
    this.dataFilesPromise ??= this.manifest().then((m) => [...m.data.map((e) => ({ file: e.value, demo: false })), ...m.demo.map((e) => ({ file: e.value, demo: true }))]);
    return this.dataFilesPromise;
  }

  summary(): Promise<AddonSummary> {
    this.summaryPromise ??= (async () => {
      const m = await this.manifest();
      const models = await this.models();
      const xmlids: string[] = [];
      for (const { file } of await this.dataFiles()) for (const d of this.definedIds(file)) xmlids.push(d.id);
      const dynamicIds = (await this.dataFiles()).some(({ file }) => {
        const x = file.endsWith('.xml') && this.exists(file) ? this.xml(file) : undefined;
        return x?.ok === true && hasTag(x.root, 'function');
      });
      const loaded = await this.importedFiles();
      const components = (await this.components())
        .filter((c) => !loaded || loaded.has(c.file))
        .map(summarizeComponent)
        .filter((c): c is ComponentSummary => !!c);
      let opaqueModels = false;
      for (const f of this.pythonFiles()) {
        for (const cls of (await this.python(f)).classes) if (modelKind(cls) && cls.attrs._name && cls.attrs._name.kind !== 'str') opaqueModels = true;
      }
      const pyModules: Record<string, string[] | null> = {};
      for (const f of this.pythonFiles()) pyModules[f] = await this.pythonNames(f);
      const viewInherits = this.viewInherits(await this.dataFiles());
      const auto = m.dict ? dictGet(m.dict, 'auto_install') : undefined;
      const autoInstall = !!auto && !(auto.kind === 'bool' && auto.value === false) && !(auto.kind === 'list' && auto.items!.length === 0);
      return {
        name: this.name,
        depends: m.depends.map((d) => d.value),
        models,
        xmlids,
        ...(dynamicIds ? { dynamicIds } : {}),
        ...(opaqueModels ? { opaqueModels } : {}),
        ...(autoInstall ? { autoInstall } : {}),
        ...(components.length ? { components } : {}),
        ...(Object.keys(pyModules).length ? { pyModules } : {}),
        ...(viewInherits.length ? { viewInherits, dir: this.dir } : {}),
      };
    })();
    return this.summaryPromise;
  }

  /** The views the data files' top-level ir.ui.view records extend (see AddonSummary.viewInherits). */
  private viewInherits(files: ReadonlyArray<{ file: string }>): string[] {
    const out = new Set<string>();
    for (const { file } of files) {
      const x = file.endsWith('.xml') && this.exists(file) ? this.xml(file) : undefined;
      if (!x?.ok) continue;
      for (const top of x.root.children) {
        for (const el of top.tag === 'data' ? top.children : [top]) {
          if (el.tag !== 'record' || el.attrs.model !== 'ir.ui.view') continue;
          const inherit = el.children.find((c) => c.tag === 'field' && c.attrs.name === 'inherit_id');
          if (!inherit) continue;
          const ref = inherit.attrs.ref;
          out.add(!ref ? '*' : ref.includes('.') ? ref : `${this.name}.${ref}`);
        }
      }
    }
    return [...out];
  }

  /** The top-level names of a Python file, or null when they cannot all be known. */
  async pythonNames(rel: string): Promise<string[] | null> {
    if (!this.exists(rel) || this.encodingError(rel)) return null;
    const py = await this.python(rel);
    return py.syntaxErrors.length || py.dynamicNames ? null : py.topNames;
  }

  /** Xml ids a data file defines, in order (computed once per file: several rules ask). */
  definedIds(file: string): DefinedId[] {
    let ids = this.definedCache.get(file);
    if (!ids) {
      ids = this.readDefinedIds(file);
      this.definedCache.set(file, ids);
    }
    return ids;
  }

  private readDefinedIds(file: string): DefinedId[] {
    if (file.endsWith('.csv')) {
      if (!this.exists(file)) return [];
      const c = this.csv(file);
      if (!c.ok) return [];
      return c.rows.filter((r) => r.values.id).map((r) => ({ id: r.values.id!, line: r.line, column: 1, tag: 'csv', noupdate: false }));
    }
    if (!file.endsWith('.xml') || !this.exists(file)) return [];
    const x = this.xml(file);
    if (!x.ok) return [];
    const out: DefinedId[] = [];
    // Depth first with each element's inherited noupdate (a parallel stack: no object per element),
    // so no element walks its ancestors again.
    const els: XEl[] = [x.root];
    const above: boolean[] = [false];
    while (els.length) {
      const el = els.pop()!;
      const inherited = above.pop()!;
      const attrs = el.attrs;
      const noupdate = inherited || attrs.noupdate === '1' || attrs.noupdate === 'True';
      // Odoo reads ids only from the data roots' children and nested menuitems (convert.py's
      // _tag_root, _tag_menuitem): a record's fields, a template's body or a view's arch define
      // none, and are most of a data file's elements.
      const children = el.children;
      if (el === x.root || DATA_ROOTS.has(el.tag) || el.tag === 'menuitem') {
        for (let i = children.length - 1; i >= 0; i--) {
          els.push(children[i]!);
          above.push(noupdate);
        }
      }
      const id = attrs.id;
      if (!id || !ID_TAGS.has(el.tag)) continue;
      if (el.tag === 'record' && el.parent && !DATA_ROOTS.has(el.parent.tag)) continue;
      const model = attrs.model;
      out.push(model ? { id, line: el.line, column: el.column, tag: el.tag, noupdate: inherited, model } : { id, line: el.line, column: el.column, tag: el.tag, noupdate: inherited });
    }
    return out;
  }
}

export interface DefinedId {
  id: string;
  line: number;
  column: number;
  tag: string;
  noupdate: boolean;
  model?: string;
}

/**
 * The elements whose children Odoo reads as data (convert.py's DATA_ROOTS): a <record> defines an
 * id directly in the file's root or a data section.
 */
export const DATA_ROOTS: ReadonlySet<string> = new Set(['odoo', 'data', 'openerp']);

export const ID_TAGS = new Set(['record', 'menuitem', 'template', 'report', 'act_window', 'asset']);
