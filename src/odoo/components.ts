/**
 * @fileoverview Reads OCA component classes (component/core.py) from parsed Python files: name,
 * inherit, abstract flag, collection, usage and _apply_on, as the component builder sees them.
 */
import { litString, litStrings, type PyClass, type PyFile } from './python.js';

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

/** What other addons need to know of a component (kept in the catalog and the baseline). */
export interface ComponentSummary {
  name: string;
  inherit: string[];
  abstract: boolean;
  usage?: string;
  collection?: string;
  applyOn?: string[];
}

const COMPONENT_BASES = new Set(['Component', 'AbstractComponent', 'core.Component', 'core.AbstractComponent']);

/** Component classes of the given files, in order (a local class may subclass an earlier one). */
export function readComponents(files: Array<{ file: string; py: PyFile }>): ComponentClass[] {
  const out: ComponentClass[] = [];
  const localAbstract = new Map<string, boolean>();
  for (const { file, py } of files) {
    for (const cls of py.classes) {
      const direct = cls.bases.some((b) => COMPONENT_BASES.has(b));
      const local = cls.bases.find((b) => localAbstract.has(b));
      const hasComponentAttrs = ['_usage', '_apply_on', '_collection'].some((a) => a in cls.attrs);
      const importedFromAddon = py.imports.some((i) => /^odoo\.addons\.(?!component\.core)/.test(i.module) && cls.bases.some((b) => i.names.includes(b)));
      if (!direct && !local && !(importedFromAddon && hasComponentAttrs)) continue;
      // `_register = False` marks the component base classes themselves (component/core.py): never registered.
      if (cls.attrs._register?.kind === 'bool' && cls.attrs._register.value === false) continue;
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
}

/** The registry-level view of a component: its name (or the one it extends in place) and attributes. */
export function summarizeComponent(c: ComponentClass): ComponentSummary | undefined {
  const name = c.name ?? (c.inherit.length === 1 ? c.inherit[0] : undefined);
  if (!name) return undefined;
  return {
    name,
    inherit: c.inherit.filter((i) => i !== name),
    abstract: c.abstract,
    ...(c.usage ? { usage: c.usage } : {}),
    ...(c.collection ? { collection: c.collection } : {}),
    ...(c.applyOn ? { applyOn: c.applyOn } : {}),
  };
}
