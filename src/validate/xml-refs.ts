/**
 * @fileoverview The xml ids one element of a data file references: `ref=` of a field, `ref()` in
 * eval/context/domain, `inherit_id`/`parent`/`action` of the shortcut tags, `groups`, and `%(id)d`
 * inside a view arch. Shared by the rules on xml ids (existence, declared dependency).
 */
import { descendants, type XEl } from '../odoo/xml.js';

const REF_CALL = /\bref\(\s*['"]([\w.]+)['"]\s*\)/g;
const PERCENT = /%\(([\w.]+)\)d/g;
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
  let refs: string[] | undefined;
  // Named reads, not attrs[name] in a loop: elements come in hundreds of shapes and a keyed read
  // over them is the slow path; most elements reference nothing, so the list is made on demand.
  if (el.tag === 'field' && attrs.ref) refs = [attrs.ref];
  // The includes() first: most values hold no call, and a global regex costs even when it finds nothing.
  const ev = attrs.eval;
  if (ev !== undefined && ev.includes('ref(')) refs = refCalls(ev, refs);
  const context = attrs.context;
  if (context !== undefined && context.includes('ref(')) refs = refCalls(context, refs);
  const domain = attrs.domain;
  if (domain !== undefined && domain.includes('ref(')) refs = refCalls(domain, refs);
  const shortcut = SHORTCUTS.has(el.tag);
  if (shortcut) {
    if (attrs.inherit_id) (refs ??= []).push(attrs.inherit_id);
    if (attrs.parent) (refs ??= []).push(attrs.parent);
    if (attrs.action) (refs ??= []).push(attrs.action);
  }
  let percent = false;
  for (const k in attrs) {
    if (attrs[k]!.includes('%(')) {
      percent = true;
      break;
    }
  }
  const groups = attrs.groups;
  const arch = groups !== undefined || percent ? insideArch(el) : false;
  if (groups && (shortcut || arch)) for (const g of groups.split(',')) (refs ??= []).push(g.trim().replace(/^!/, ''));
  if (arch && percent) for (const k in attrs) for (const m of attrs[k]!.matchAll(PERCENT)) (refs ??= []).push(m[1]!);
  return refs ? refs.filter(usableRef) : NONE;
}

/** The ids of the `ref('...')` calls of a value, after those found so far. */
function refCalls(value: string, refs: string[] | undefined): string[] {
  const out = refs ?? [];
  for (const m of value.matchAll(REF_CALL)) out.push(m[1]!);
  return out;
}

/** A reference that is not blank and holds no space. */
function usableRef(ref: string): boolean {
  return ref !== '' && !/\s/.test(ref);
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
