/**
 * @fileoverview What a field declaration says about the field, for rules that look at fields of
 * other addons' models (labels, types, selections): read from the literal arguments, only the facts
 * Odoo 16's field setup (odoo/fields.py) acts on, and only what the declaration gives.
 */
import type { Lit, PyField } from './python.js';

/** Odoo's field classes (odoo/fields.py) and their `type` (Image is a Binary: type 'binary'). */
export const FIELD_TYPES: Record<string, string> = {
  Boolean: 'boolean',
  Integer: 'integer',
  Float: 'float',
  Monetary: 'monetary',
  Char: 'char',
  Text: 'text',
  Html: 'html',
  Date: 'date',
  Datetime: 'datetime',
  Binary: 'binary',
  Image: 'binary',
  Selection: 'selection',
  Reference: 'reference',
  Many2one: 'many2one',
  Many2oneReference: 'many2one_reference',
  One2many: 'one2many',
  Many2many: 'many2many',
  Json: 'json',
  Properties: 'properties',
  PropertiesDefinition: 'properties_definition',
  Id: 'integer',
};

/** Position of the `string` parameter in each field class's __init__ (0 for the others). */
const STRING_POSITION: Record<string, number> = { Selection: 1, Reference: 1, Many2one: 1, One2many: 2, Many2many: 4 };

export interface FieldFacts {
  /** Odoo's field type; absent for a class that is not one of odoo.fields (a custom field class). */
  type?: string;
  /** The label given (`string`), or null when it is not a literal; absent when not given. */
  label?: string | null;
  /** The `related` path, or null when not a literal. */
  related?: string | null;
  /** `required` as given: a literal boolean, or null when not a literal; absent when not given. */
  required?: boolean | null;
  /** True when `default` is given (and not None). */
  default?: true;
  /** `selection`: the values of a literal list, 'method' for a method name or a lambda, null when unknown. */
  selection?: string[] | 'method' | null;
  /** `selection_add`: the values it adds, or null when not a literal list. */
  selectionAdd?: string[] | null;
}

/** The label argument of a field declaration (`string=` or its position), if given. */
export function labelArg(f: PyField): Lit | undefined {
  return f.kwargs.string ?? f.args[STRING_POSITION[f.type] ?? 0];
}

/** The values of a literal selection list (`[("a", "A"), ...]`), or undefined when not one. */
export function selectionValues(lit: Lit | undefined): string[] | undefined {
  if (lit?.kind !== 'list') return undefined;
  const out: string[] = [];
  for (const item of lit.items!) {
    const first = item.items?.[0];
    if (item.kind !== 'list' || first?.kind !== 'str') return undefined;
    out.push(first.value as string);
  }
  return out;
}

function literalBool(lit: Lit): boolean | null {
  return lit.kind === 'bool' ? (lit.value as boolean) : lit.kind === 'none' ? false : null;
}

export function fieldFacts(f: PyField): FieldFacts {
  const facts: FieldFacts = {};
  const type = FIELD_TYPES[f.type];
  if (type) facts.type = type;
  const label = labelArg(f);
  if (label && label.kind !== 'none') facts.label = label.kind === 'str' ? (label.value as string) : null;
  const related = f.kwargs.related;
  if (related && related.kind !== 'none') facts.related = related.kind === 'str' ? (related.value as string) : null;
  if (f.kwargs.required) facts.required = literalBool(f.kwargs.required);
  if (f.kwargs.default && f.kwargs.default.kind !== 'none') facts.default = true;
  if (type === 'selection' || type === 'reference') {
    const sel = f.kwargs.selection ?? f.args[0];
    if (sel && sel.kind !== 'none') facts.selection = sel.kind === 'str' || /^lambda\b/.test(sel.text) ? 'method' : (selectionValues(sel) ?? null);
    const add = f.kwargs.selection_add;
    if (add) facts.selectionAdd = selectionValues(add) ?? null;
  }
  return facts;
}
