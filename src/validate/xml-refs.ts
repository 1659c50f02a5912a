/**
 * @fileoverview The xml ids one element of a data file references: `ref=` of a field, `ref()` in
 * eval/context/domain, `inherit_id`/`parent`/`action` of the shortcut tags, `groups`, and `%(id)d`
 * inside a view arch. Shared by the rules on xml ids (existence, declared dependency).
 */
import type { XEl } from '../odoo/xml.js';

const REF_CALL = /\bref\(\s*['"]([\w.]+)['"]\s*\)/g;
const PERCENT = /%\(([\w.]+)\)d/g;
const REF_ATTRS = ['inherit_id', 'parent', 'action'];
const SHORTCUTS = new Set(['menuitem', 'template', 'report', 'act_window']);

/** True when the element is inside a view arch (a `<field type="xml">` or `name="arch"`). */
export function insideArch(el: XEl): boolean {
  for (let p = el.parent; p; p = p.parent) if (p.tag === 'field' && (p.attrs.type === 'xml' || p.attrs.name === 'arch')) return true;
  return false;
}

const cache = new WeakMap<XEl, string[]>();

/** The references of one element, in the order xml-unknown-ref has always reported them; blank or spaced ones left out. */
export function elementRefs(el: XEl): string[] {
  let refs = cache.get(el);
  if (!refs) {
    refs = readRefs(el);
    cache.set(el, refs);
  }
  return refs;
}

function readRefs(el: XEl): string[] {
  const refs: string[] = [];
  if (el.tag === 'field' && el.attrs.ref) refs.push(el.attrs.ref);
  for (const attr of ['eval', 'context', 'domain']) for (const m of (el.attrs[attr] ?? '').matchAll(REF_CALL)) refs.push(m[1]!);
  if (SHORTCUTS.has(el.tag)) for (const a of REF_ATTRS) if (el.attrs[a]) refs.push(el.attrs[a]!);
  const arch = el.attrs.groups !== undefined || Object.values(el.attrs).some((v) => v.includes('%(')) ? insideArch(el) : false;
  if (el.attrs.groups && (SHORTCUTS.has(el.tag) || arch)) for (const g of el.attrs.groups.split(',')) refs.push(g.trim().replace(/^!/, ''));
  if (arch) for (const v of Object.values(el.attrs)) for (const m of v.matchAll(PERCENT)) refs.push(m[1]!);
  return refs.filter((r) => r && !/\s/.test(r));
}
