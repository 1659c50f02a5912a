/**
 * @fileoverview Facts about the baseline's core models and views beyond names, in two files of
 * their own next to odoo16.json, read only when a rule asks (most runs never do: a whole-tree run
 * reads every core addon itself, and a connector run asks only when it touches a core field or view):
 *   odoo16-fields.json  per baseline addon, per model class (same order as in odoo16.json): what
 *                       field-facts.ts reads from each field declaration (type, label, related...),
 *                       with the same meaning as a scanned addon's ModelDecl.fieldFacts (a label
 *                       absent = no `string` given, so Odoo's default label applies; null = not a literal).
 *   odoo16-views.json   every ir.ui.view of the baseline addons with an arch Odoo validates (not
 *                       QWeb): its qualified id, inherit_id, model, and the arch as elements and
 *                       attributes without text.
 * Both are written by build-baseline.ts (`npm run baseline`). Loaded synchronously (a few ms) so
 * that the synchronous lookups of ModelFields can ask.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot } from '../../util/package-paths.js';
import type { FieldFacts } from '../field-facts.js';
import { readXml, type XEl } from '../xml-reader.js';

export const FIELDS_FILE = 'odoo16-fields.json';
export const VIEWS_FILE = 'odoo16-views.json';

export interface CoreView {
  /** Qualified id of the view it extends (`base.view_partner_form`). */
  inherit?: string;
  model?: string;
  /**
   * The arch as XML without text, attributes in single quotes (so that the JSON string needs
   * almost no escapes and the file parses in a few ms): read only for the views a rule looks at.
   */
  arch: string;
}

export interface CoreFieldsData {
  source: string;
  /** addon -> its model classes in odoo16.json order: [model, field -> facts]. */
  addons: Record<string, Array<[string, Record<string, FieldFacts>]>>;
}

export interface CoreViewsData {
  source: string;
  views: Record<string, CoreView>;
}

/**
 * Attributes left out of the stored arches: long expressions that locators do not name (a spec
 * naming one is not judged: see `namesDroppedAttribute`). A third of the file otherwise.
 */
export const DROPPED_ATTRS = new Set(['attrs', 'context', 'domain', 'filter_domain', 'options', 'help', 'placeholder']);

/** Whether an attribute is left out of the stored arches. */
export function isDroppedAttr(name: string): boolean {
  return DROPPED_ATTRS.has(name) || name.startsWith('decoration-') || name.startsWith('t-');
}

/**
 * An attribute value with its `%(xml_id)d` refs qualified by the module of the file: Odoo turns
 * them into database ids when loading the arch, so `%(x)d` in module m and `%(m.x)d` are one node.
 */
export function qualifyRefs(value: string, addon: string): string {
  return value.includes('%(') ? value.replace(/%\(([^.()]+)\)d/g, `%(${addon}.$1)d`) : value;
}

/** An element tree (a copy, when some ref changes) with the `%(xml_id)d` refs of its attributes qualified. */
export function qualifyTree(el: XEl, addon: string): XEl {
  let changed = false;
  const attrs: Record<string, string> = {};
  for (const [a, v] of Object.entries(el.attrs)) changed = (attrs[a] = qualifyRefs(v, addon)) !== v || changed;
  const children = el.children.map((c) => qualifyTree(c, addon));
  if (!changed && children.every((c, i) => c === el.children[i])) return el;
  return { ...el, attrs, children };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', "'": '&apos;', '\n': '&#10;', '\r': '&#13;', '\t': '&#9;' };

/** Turns a parsed element of module `addon` into its stored form (text, comments and dropped attributes left out). */
export function encodeArch(el: XEl, addon: string): string {
  let out = `<${el.tag}`;
  for (const [a, v] of Object.entries(el.attrs)) if (!isDroppedAttr(a)) out += ` ${a}='${qualifyRefs(v, addon).replace(/[&<'\n\r\t]/g, (c) => ESCAPES[c]!)}'`;
  return el.children.length ? `${out}>${el.children.map((c) => encodeArch(c, addon)).join('')}</${el.tag}>` : `${out}/>`;
}

const decoded = new WeakMap<CoreView, XEl>();

/** A core view's arch as elements (lines of the stored text: findings are never reported in core views), read once. */
export function coreArch(view: CoreView): XEl {
  let el = decoded.get(view);
  if (!el) decoded.set(view, (el = readXml(view.arch)));
  return el;
}

/**
 * Next to this module when it runs from src/ or from tsc's dist/ (tsconfig copies the json); from
 * the bundle (dist/bundle/, scripts/bundle.js), in dist/odoo/baseline/. A shipped file that is
 * missing is a broken installation, not an absence of facts: rules would silently judge less.
 */
function readJson<T>(file: string): T {
  const beside = fileURLToPath(new URL(`./${file}`, import.meta.url));
  const path = existsSync(beside) ? beside : join(packageRoot, 'dist', 'odoo', 'baseline', file);
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

let fields: CoreFieldsData | undefined;
let views: CoreViewsData | undefined;

/** The core field facts, read on first call. */
export function coreFields(): CoreFieldsData {
  return (fields ??= readJson<CoreFieldsData>(FIELDS_FILE));
}

/** The core views, read on first call. */
export function coreViews(): CoreViewsData {
  return (views ??= readJson<CoreViewsData>(VIEWS_FILE));
}
