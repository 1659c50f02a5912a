/**
 * @fileoverview One addon on disk, read lazily: each file is read and parsed at most once per run.
 * Also derives the addon's summary (models, fields, methods, xml ids) that the catalog shares.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseCsv, type CsvResult } from './access-csv.js';
import { parseManifest, type Manifest } from './manifest.js';
import { litString, litStrings, parsePython, type PyClass, type PyFile } from './python.js';
import { descendants, parseXml, type XmlResult } from './xml.js';

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
  methods: string[];
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
}

const MODEL_BASES: Record<string, ModelKind> = {
  'models.Model': 'model',
  Model: 'model',
  'models.AbstractModel': 'abstract',
  AbstractModel: 'abstract',
  'models.TransientModel': 'transient',
  TransientModel: 'transient',
};

/** Reads the model kind from a class's bases. */
export function modelKind(cls: PyClass): ModelKind | undefined {
  for (const b of cls.bases) if (MODEL_BASES[b]) return MODEL_BASES[b];
  return undefined;
}

/** Turns a model class into its declaration, or undefined if the class is not an Odoo model. */
export function modelDecl(cls: PyClass, file?: string): ModelDecl | undefined {
  let kind = modelKind(cls);
  if (!kind) return undefined;
  const name = litString(cls.attrs._name);
  const inherit = litStrings(cls.attrs._inherit) ?? [];
  const abstractAttr = cls.attrs._abstract;
  if (abstractAttr?.kind === 'bool' && abstractAttr.value === true) kind = 'abstract';
  const transientAttr = cls.attrs._transient;
  if (transientAttr?.kind === 'bool' && transientAttr.value === true) kind = 'transient';
  const model = name ?? inherit[0];
  if (!model) return undefined;
  const inherits: Record<string, string> = {};
  for (const e of cls.attrs._inherits?.entries ?? []) {
    if (e.key.kind === 'str' && e.value.kind === 'str') inherits[e.key.value as string] = e.value.value as string;
  }
  const fields = cls.fields.map((f) => f.name);
  for (const f of cls.fields) {
    if (f.type === 'Many2one' && (f.kwargs.delegate?.value === true) && f.args[0]?.kind === 'str') inherits[f.args[0].value as string] = f.name;
  }
  return {
    model,
    isNew: !!name && !inherit.includes(name),
    parents: inherit.filter((i) => i !== model),
    inherits,
    kind,
    fields,
    methods: cls.methods.map((m) => m.name),
    ...(file ? { file } : {}),
    line: cls.line,
  };
}

export function modelXmlId(model: string): string {
  return `model_${model.replace(/\./g, '_')}`;
}

const SKIP_DIRS = new Set(['node_modules', '.git', '__pycache__', 'static', 'i18n', 'i18n_extra']);

export class Addon {
  readonly name: string;
  private readonly text = new Map<string, string | null>();
  private readonly py = new Map<string, Promise<PyFile>>();
  private readonly xmlCache = new Map<string, XmlResult>();
  private readonly csvCache = new Map<string, CsvResult>();
  private manifestPromise?: Promise<Manifest>;
  private fileList?: string[];
  private summaryPromise?: Promise<AddonSummary>;

  constructor(readonly dir: string) {
    this.name = basename(dir);
  }

  /** All files of the addon (posix, relative), without static assets and translations. */
  files(): string[] {
    if (this.fileList) return this.fileList;
    const out: string[] = [];
    const visit = (rel: string): void => {
      let names: string[];
      try {
        names = readdirSync(join(this.dir, rel));
      } catch {
        return;
      }
      for (const n of names.sort()) {
        if (SKIP_DIRS.has(n)) continue;
        const r = rel ? `${rel}/${n}` : n;
        let isDir = false;
        try {
          isDir = statSync(join(this.dir, r)).isDirectory();
        } catch {
          continue;
        }
        if (isDir) visit(r);
        else out.push(r);
      }
    };
    visit('');
    this.fileList = out;
    return out;
  }

  exists(rel: string): boolean {
    return this.read(rel) !== null;
  }

  /** File text, or null when missing or unreadable. */
  read(rel: string): string | null {
    if (!this.text.has(rel)) {
      let content: string | null = null;
      try {
        content = readFileSync(join(this.dir, rel), 'utf8');
      } catch {
        content = null;
      }
      this.text.set(rel, content);
    }
    return this.text.get(rel) ?? null;
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

  /** Model declarations of every Python file of the addon (imported or not). */
  async models(): Promise<ModelDecl[]> {
    const out: ModelDecl[] = [];
    for (const f of this.pythonFiles()) {
      const py = await this.python(f);
      for (const cls of py.classes) {
        const d = modelDecl(cls, f);
        if (d) out.push(d);
      }
    }
    return out;
  }

  /** The data and demo files listed in the manifest, data first. */
  async dataFiles(): Promise<Array<{ file: string; demo: boolean }>> {
    const m = await this.manifest();
    return [...m.data.map((e) => ({ file: e.value, demo: false })), ...m.demo.map((e) => ({ file: e.value, demo: true }))];
  }

  summary(): Promise<AddonSummary> {
    this.summaryPromise ??= (async () => {
      const m = await this.manifest();
      const models = await this.models();
      const xmlids: string[] = [];
      for (const { file } of await this.dataFiles()) xmlids.push(...this.definedIds(file).map((d) => d.id));
      const dynamicIds = (await this.dataFiles()).some(({ file }) => {
        const x = file.endsWith('.xml') && this.exists(file) ? this.xml(file) : undefined;
        return !!x?.ok && [...descendants(x.root)].some((e) => e.tag === 'function');
      });
      return { name: this.name, depends: m.depends.map((d) => d.value), models, xmlids, ...(dynamicIds ? { dynamicIds } : {}) };
    })();
    return this.summaryPromise;
  }

  /** Xml ids a data file defines, in order. */
  definedIds(file: string): Array<{ id: string; line: number; column: number; tag: string; noupdate: boolean; model?: string }> {
    if (file.endsWith('.csv')) {
      if (!this.exists(file)) return [];
      const c = this.csv(file);
      if (!c.ok) return [];
      return c.rows.filter((r) => r.values.id).map((r) => ({ id: r.values.id!, line: r.line, column: 1, tag: 'csv', noupdate: false }));
    }
    if (!file.endsWith('.xml') || !this.exists(file)) return [];
    const x = this.xml(file);
    if (!x.ok) return [];
    const out: Array<{ id: string; line: number; column: number; tag: string; noupdate: boolean; model?: string }> = [];
    for (const el of descendants(x.root)) {
      if (!ID_TAGS.has(el.tag) || !el.attrs.id) continue;
      if (el.tag === 'record' && el.parent && !['odoo', 'data', 'openerp'].includes(el.parent.tag)) continue;
      let noupdate = false;
      for (let p = el.parent; p; p = p.parent) if (p.attrs.noupdate === '1' || p.attrs.noupdate === 'True') noupdate = true;
      out.push({ id: el.attrs.id, line: el.line, column: el.column, tag: el.tag, noupdate, ...(el.attrs.model ? { model: el.attrs.model } : {}) });
    }
    return out;
  }
}

export const ID_TAGS = new Set(['record', 'menuitem', 'template', 'report', 'act_window', 'asset']);
