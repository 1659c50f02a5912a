/**
 * @fileoverview Per-addon facts shared by rules and computed once: the Python import chain,
 * component classes, XML data records in manifest order.
 */
import { DATA_ROOTS, type Addon } from '../odoo/addon.js';
import type { ComponentClass } from '../odoo/components.js';
import type { Catalog, ModelInfo } from '../odoo/catalog.js';
import type { Manifest } from '../odoo/manifest.js';
import type { XEl } from '../odoo/xml.js';

export type { ComponentClass };

export interface DataRecord {
  file: string;
  demo: boolean;
  el: XEl;
  model: string;
  id?: string;
  fields: Record<string, XEl>;
  /** True when the record updates one defined earlier (same id before, or another module's id). */
  update: boolean;
}

export class AddonContext {
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

  /** Python files Odoo loads through the `__init__.py` chain; undefined when that cannot be followed. */
  imported(): Promise<Set<string> | undefined> {
    return this.addon.importedFiles();
  }

  /**
   * The model a `model_id` ref names (`model_res_partner`, `module.model_x`), when exactly one model
   * of the scope has that xml id; dots and underscores are ambiguous, so undefined otherwise.
   */
  modelForRef(ref: string | undefined): string | undefined {
    const name = ref?.split('.').pop();
    if (!name?.startsWith('model_')) return undefined;
    const underscored = name.slice(6);
    const candidates = new Set<string>();
    for (const a of this.catalog.scope(this.name).addons) for (const model of this.catalog.modelsByXmlName(a).get(underscored)?.models ?? []) candidates.add(model);
    return candidates.size === 1 ? [...candidates][0] : undefined;
  }

  /** Component classes of the addon's Python files. */
  components(): Promise<ComponentClass[]> {
    return this.addon.components();
  }

  /**
   * `<record>` elements of the data and demo files, in manifest order: where Odoo's convert.py
   * loads them (children of the data roots, and records nested in a record's fields), in document
   * order. A view's arch or a template's body holds none, and is most of a data file's elements.
   */
  records(): Promise<DataRecord[]> {
    this.recordsCache ??= (async () => {
      const out: DataRecord[] = [];
      const seen = new Set<string>();
      const prefix = `${this.name}.`;
      const add = (file: string, demo: boolean, el: XEl): void => {
        if (el.attrs.model) {
          // Without a prototype: each record's own set of names would otherwise make V8 build a
          // chain of object shapes (and a field named like an Object method is just a field).
          const fields: Record<string, XEl> = Object.create(null);
          for (const c of el.children) if (c.tag === 'field' && c.attrs.name) fields[c.attrs.name] = c;
          const id = el.attrs.id?.startsWith(prefix) ? el.attrs.id.slice(prefix.length) : el.attrs.id;
          const update = !!id && (id.includes('.') || seen.has(id));
          if (id) seen.add(id);
          out.push({ file, demo, el, model: el.attrs.model, ...(el.attrs.id ? { id: el.attrs.id } : {}), fields, update });
        }
        for (const field of el.children) {
          if (field.tag !== 'field') continue;
          for (const sub of field.children) if (sub.tag === 'record') add(file, demo, sub);
        }
      };
      const visit = (file: string, demo: boolean, parent: XEl): void => {
        for (const el of parent.children) {
          if (el.tag === 'record') add(file, demo, el);
          else if (DATA_ROOTS.has(el.tag)) visit(file, demo, el);
        }
      };
      for (const { file, demo } of await this.addon.dataFiles()) {
        if (!file.endsWith('.xml') || !this.addon.exists(file)) continue;
        const x = this.addon.xml(file);
        if (x.ok) visit(file, demo, x.root);
      }
      return out;
    })();
    return this.recordsCache;
  }
}
