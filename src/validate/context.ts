/**
 * @fileoverview Per-addon facts shared by rules and computed once: the Python import chain,
 * component classes, XML data records in manifest order.
 */
import { posix } from 'node:path';
import type { Addon } from '../odoo/addon.js';
import type { Catalog, ModelInfo } from '../odoo/catalog.js';
import type { Manifest } from '../odoo/manifest.js';
import { litString, litStrings, type PyClass } from '../odoo/python.js';
import { descendants, type XEl } from '../odoo/xml.js';

export interface ComponentClass {
  file: string;
  cls: PyClass;
  name?: string;
  inherit: string[];
  abstract: boolean;
  /** True when a base is neither Component nor AbstractComponent. */
  pythonSubclass: boolean;
  collection?: string;
  usage?: string;
  applyOn?: string[];
}

export interface DataRecord {
  file: string;
  demo: boolean;
  el: XEl;
  model: string;
  id?: string;
  fields: Record<string, XEl>;
}

const COMPONENT_BASES = new Set(['Component', 'AbstractComponent', 'core.Component', 'core.AbstractComponent']);

export class AddonContext {
  private importedCache?: Promise<Set<string>>;
  private componentsCache?: Promise<ComponentClass[]>;
  private recordsCache?: Promise<DataRecord[]>;

  constructor(
    readonly addon: Addon,
    readonly catalog: Catalog,
    readonly manifest: Manifest,
    /** True when --addons-path was given, so a missing dependency is knowable. */
    readonly knowsAllAddons: boolean,
  ) {}

  get name(): string {
    return this.addon.name;
  }

  model(name: string): ModelInfo {
    return this.catalog.model(this.addon.name, name);
  }

  dependsOn(addon: string): boolean {
    return this.catalog.scope(this.addon.name).addons.has(addon) || this.manifest.depends.some((d) => d.value === addon);
  }

  /** Python files reached from the root `__init__.py` through relative imports. */
  imported(): Promise<Set<string>> {
    this.importedCache ??= (async () => {
      const seen = new Set<string>();
      const queue = ['__init__.py'];
      while (queue.length) {
        const file = queue.shift()!;
        if (seen.has(file) || !this.addon.exists(file)) continue;
        seen.add(file);
        const py = await this.addon.python(file);
        let pkg = posix.dirname(file) === '.' ? '' : posix.dirname(file);
        for (const imp of py.imports) {
          if (!imp.dots) continue;
          let base = pkg;
          for (let i = 1; i < imp.dots.length; i++) base = posix.dirname(base) === '.' ? '' : posix.dirname(base);
          const modPath = imp.module ? posix.join(base, ...imp.module.split('.')) : base;
          const targets = imp.module ? [modPath] : [];
          for (const n of imp.names) targets.push(posix.join(modPath, n));
          for (const t of targets) {
            queue.push(`${t}.py`.replace(/^\//, ''), posix.join(t, '__init__.py').replace(/^\//, ''));
          }
          void pkg;
        }
        pkg = '';
      }
      return seen;
    })();
    return this.importedCache;
  }

  /** Component classes of the addon's Python files. */
  components(): Promise<ComponentClass[]> {
    this.componentsCache ??= (async () => {
      const out: ComponentClass[] = [];
      const localAbstract = new Map<string, boolean>();
      for (const file of this.addon.pythonFiles()) {
        const py = await this.addon.python(file);
        for (const cls of py.classes) {
          const direct = cls.bases.some((b) => COMPONENT_BASES.has(b));
          const local = cls.bases.find((b) => localAbstract.has(b));
          const hasComponentAttrs = ['_usage', '_apply_on', '_collection'].some((a) => a in cls.attrs);
          const importedFromAddon = py.imports.some((i) => /^odoo\.addons\.(?!component\.core)/.test(i.module) && cls.bases.some((b) => i.names.includes(b)));
          if (!direct && !local && !(importedFromAddon && hasComponentAttrs)) continue;
          const abstractAttr = cls.attrs._abstract;
          let abstract: boolean;
          if (abstractAttr?.kind === 'bool') abstract = abstractAttr.value === true;
          else if (direct) abstract = cls.bases.some((b) => b.endsWith('AbstractComponent'));
          else if (local) abstract = localAbstract.get(local)!;
          else abstract = true;
          localAbstract.set(cls.name, abstract);
          const usage = litString(cls.attrs._usage);
          const collection = litString(cls.attrs._collection);
          const applyOn = litStrings(cls.attrs._apply_on);
          const name = litString(cls.attrs._name);
          out.push({
            file,
            cls,
            ...(name ? { name } : {}),
            inherit: litStrings(cls.attrs._inherit) ?? [],
            abstract,
            pythonSubclass: !direct,
            ...(usage ? { usage } : {}),
            ...(collection ? { collection } : {}),
            ...(applyOn ? { applyOn } : {}),
          });
        }
      }
      return out;
    })();
    return this.componentsCache;
  }

  /** `<record>` elements of the data and demo files, in manifest order. */
  records(): Promise<DataRecord[]> {
    this.recordsCache ??= (async () => {
      const out: DataRecord[] = [];
      for (const { file, demo } of await this.addon.dataFiles()) {
        if (!file.endsWith('.xml') || !this.addon.exists(file)) continue;
        const x = this.addon.xml(file);
        if (!x.ok) continue;
        for (const el of descendants(x.root)) {
          if (el.tag !== 'record' || !el.attrs.model) continue;
          const fields: Record<string, XEl> = {};
          for (const c of el.children) if (c.tag === 'field' && c.attrs.name) fields[c.attrs.name] = c;
          out.push({ file, demo, el, model: el.attrs.model, ...(el.attrs.id ? { id: el.attrs.id } : {}), fields });
        }
      }
      return out;
    })();
    return this.recordsCache;
  }
}
