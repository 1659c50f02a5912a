/**
 * @fileoverview The xml ids one element of a data file references: `ref=` of a field, `ref()` in
 * eval/context/domain, `inherit_id`/`parent`/`action` of the shortcut tags, `groups`, and `%(id)d`
 * inside a view arch. Shared by the rules on xml ids (existence, declared dependency).
 */
import type { XEl } from '../odoo/xml.js';

const REF_CALL = /\bref\(\s*['"]([\w.]+)['"]\s*\)/g;
const PERCENT = /%\(([\w.]+)\)d/g;
const SHORTCUTS = new Set(['menuitem', 'template', 'report', 'act_window']);

/** True when the element holds a view arch (a `<field type="xml">` or `name="arch"`). */
function isArchField(el: XEl): boolean {
  return el.tag === 'field' && (el.attrs.type === 'xml' || el.attrs.name === 'arch');
}

/** True when the element is inside a view arch. */
function insideArch(el: XEl): boolean {
  for (let p = el.parent; p; p = p.parent) if (isArchField(p)) return true;
  return false;
}

/** Shared by every element without references (most of them). */
const NONE: readonly string[] = Object.freeze([]);

/**
 * The references of one element, in the order xml-unknown-ref has always reported them; blank or
 * spaced ones left out. `inArch` says whether the element is inside a view arch.
 */
function refsOf(el: XEl, inArch: boolean): readonly string[] {
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
  const groups = attrs.groups;
  // `%(id)d` counts inside an arch only: outside one, no need to look through every value.
  const percent = inArch && hasPercent(attrs);
  if (groups && (shortcut || inArch)) for (const g of groups.split(',')) (refs ??= []).push(g.trim().replace(/^!/, ''));
  if (percent) for (const k in attrs) for (const m of attrs[k]!.matchAll(PERCENT)) (refs ??= []).push(m[1]!);
  return refs ? refs.filter(usableRef) : NONE;
}

/** True when some attribute value holds `%(`. */
function hasPercent(attrs: Record<string, string>): boolean {
  for (const k in attrs) if (attrs[k]!.includes('%(')) return true;
  return false;
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
const fileCache = new WeakMap<XEl, FileRefs>();

interface FileRefs {
  /** The elements with references. */
  refs: readonly ElementRefs[];
  /** The same with the `<record>` and shortcut elements that have an id (refs empty when none). */
  sites: readonly ElementRefs[];
}

/**
 * The elements of a parsed file (root included) that reference xml ids, in document order, with
 * their references; computed once per file, as two rules ask.
 */
export function fileRefs(root: XEl): readonly ElementRefs[] {
  return walkFile(root).refs;
}

/**
 * fileRefs with, in their place, the elements that define an id where references may follow it
 * (`<record>` and the shortcut tags): xml-unknown-ref visits these alone, not every element.
 */
export function fileRefSites(root: XEl): readonly ElementRefs[] {
  return walkFile(root).sites;
}

function walkFile(root: XEl): FileRefs {
  let cached = fileCache.get(root);
  if (!cached) {
    const refs: ElementRefs[] = [];
    const sites: ElementRefs[] = [];
    // Depth first with each element's "inside an arch" from its parent's (a parallel stack), so no
    // element walks its ancestors again.
    const els: XEl[] = [root];
    const inArch: boolean[] = [root.parent ? insideArch(root) : false];
    while (els.length) {
      const el = els.pop()!;
      const arch = inArch.pop()!;
      const found = refsOf(el, arch);
      if (found.length) {
        const entry = { el, refs: found };
        refs.push(entry);
        sites.push(entry);
      } else if (el.attrs.id && (el.tag === 'record' || SHORTCUTS.has(el.tag))) sites.push({ el, refs: found });
      const children = el.children;
      if (children.length === 0) continue;
      const below = arch || isArchField(el);
      for (let i = children.length - 1; i >= 0; i--) {
        els.push(children[i]!);
        inArch.push(below);
      }
    }
    cached = { refs, sites };
    fileCache.set(root, cached);
  }
  return cached;
}
