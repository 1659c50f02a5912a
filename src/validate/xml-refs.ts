/**
 * @fileoverview The xml ids one element of a data file references: `ref=` of a field, `ref()` in
 * eval/context/domain, `inherit_id`/`parent`/`action` of the shortcut tags, `groups`, and `%(id)d`
 * inside a view arch. Shared by the rules on xml ids (existence, declared dependency).
 */
import { descendants, type XEl } from '../odoo/xml.js';

const REF_CALL = /\bref\(\s*['"]([\w.]+)['"]\s*\)/g;
const PERCENT = /%\(([\w.]+)\)d/g;
const REF_ATTRS = ['inherit_id', 'parent', 'action'];
const REF_CALL_ATTRS = ['eval', 'context', 'domain'];
const SHORTCUTS = new Set(['menuitem', 'template', 'report', 'act_window']);

/** True when the element is inside a view arch (a `<field type="xml">` or `name="arch"`). */
export function insideArch(el: XEl): boolean {
  for (let p = el.parent; p; p = p.parent) if (p.tag === 'field' && (p.attrs.type === 'xml' || p.attrs.name === 'arch')) return true;
  return false;
}

/** Shared by every element without references (most of them). */
const NONE: readonly string[] = Object.freeze([]);

/**
 * The references of one element, in the order xml-unknown-ref has always reported them; blank or
 * spaced ones left out.
 */
export function elementRefs(el: XEl): readonly string[] {
  const attrs = el.attrs;
  const refs: string[] = [];
  if (el.tag === 'field' && attrs.ref) refs.push(attrs.ref);
  for (const attr of REF_CALL_ATTRS) {
    const v = attrs[attr];
    // The test first: most values hold no call, and a global regex costs even when it finds nothing.
    if (v?.includes('ref(')) for (const m of v.matchAll(REF_CALL)) refs.push(m[1]!);
  }
  const shortcut = SHORTCUTS.has(el.tag);
  if (shortcut) for (const a of REF_ATTRS) if (attrs[a]) refs.push(attrs[a]!);
  let percent = false;
  for (const k in attrs) {
    if (attrs[k]!.includes('%(')) {
      percent = true;
      break;
    }
  }
  const arch = attrs.groups !== undefined || percent ? insideArch(el) : false;
  if (attrs.groups && (shortcut || arch)) for (const g of attrs.groups.split(',')) refs.push(g.trim().replace(/^!/, ''));
  if (arch && percent) for (const k in attrs) for (const m of attrs[k]!.matchAll(PERCENT)) refs.push(m[1]!);
  return refs.length ? refs.filter((r) => r && !/\s/.test(r)) : NONE;
}

export interface ElementRefs {
  el: XEl;
  refs: readonly string[];
}

/** Per parsed file: one cache entry, where one per element cost three times the reading. */
const fileCache = new WeakMap<XEl, readonly ElementRefs[]>();

/**
 * The elements of a parsed file (root included) that reference xml ids, in document order, with
 * their references; computed once per file, as two rules ask.
 */
export function fileRefs(root: XEl): readonly ElementRefs[] {
  let list = fileCache.get(root);
  if (!list) {
    const found: ElementRefs[] = [];
    for (const el of descendants(root)) {
      const refs = elementRefs(el);
      if (refs.length) found.push({ el, refs });
    }
    list = found;
    fileCache.set(root, list);
  }
  return list;
}
