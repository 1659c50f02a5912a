/**
 * @fileoverview Rule: the accessibility checks Odoo 16 runs on validated view nodes and logs as
 * WARNINGs at install (ir_ui_view.py `_validate_tag_img/_a/_ul/_div`, `_validate_attrs`,
 * `_validate_classes`, `_validate_fa_class_accessibility`). Policy: a WARNING at install is an error.
 * Text next to an icon is read from the parent's whole text (the tree keeps no tails), which
 * can only make the rule quieter than Odoo.
 */
import type { XEl } from '../../odoo/xml.js';
import { defineRule, type Finding } from '../rule.js';
import { validatedElements, viewArches } from '../view-arch.js';

type Id = 'faTitle' | 'imgAlt' | 'aBtnRole' | 'dropdownRole' | 'progressbar' | 'tab' | 'roleNone' | 'groupAttr' | 'classRole';

const att = (n: string): string[] => [n, `t-att-${n}`, `t-attf-${n}`];
const ARIA = [...att('title'), ...att('aria-label'), ...att('aria-labelledby')];
const T_ATTRS = ['t-value', 't-raw', 't-field', 't-esc', 't-out'];
const any = (el: XEl, names: string[]): boolean => names.some((n) => !!el.attrs[n]);

/** The view file's text, read only when a check needs it (long runs keep parses, not texts). */
type Source = () => string;

/**
 * lxml's `node.text`: whatever stands between the start tag and the first child or end tag,
 * whitespace included (Odoo tests it unstripped); the tree keeps only trimmed text, so the
 * source tells.
 */
function hasLeadingText(source: Source, el: XEl): boolean {
  if (el.text) return true;
  const src = source();
  let quote = '';
  for (let i = el.offset + 1; i < src.length; i++) {
    const c = src[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return src[i - 1] !== '/' && i + 1 < src.length && src[i + 1] !== '<';
  }
  return false;
}

function describedByChildren(src: Source, el: XEl): boolean {
  if (any(el, T_ATTRS) || any(el, ARIA) || el.tag === 'label' || el.tag === 'field' || hasLeadingText(src, el)) return true;
  return el.children.some((c) => describedByChildren(src, c));
}

/** _validate_fa_class_accessibility: text beside, a title on the icon, an ancestor or a descendant. */
function faDescribed(src: Source, el: XEl): boolean {
  const parent = el.parent;
  if (parent?.text) return true;
  const siblings = parent?.children ?? [];
  const i = siblings.indexOf(el);
  const hasText = (s: XEl | undefined): boolean => !!s && ((s.tag === 'span' && hasLeadingText(src, s)) || (s.tag === 't' && !!(s.attrs['t-esc'] || s.attrs['t-raw'])));
  if (hasText(siblings[i + 1]) || hasText(siblings[i - 1])) return true;
  for (let p = parent; p; p = p.parent) if (any(p, ARIA)) return true;
  if (el.attrs.string) return true;
  return describedByChildren(src, el);
}

/** _validate_classes: role and tag requirements of Bootstrap classes. */
function classFindings(src: Source, el: XEl, expr: string): Array<{ id: Id; data: Record<string, string> }> {
  const out: Array<{ id: Id; data: Record<string, string> }> = [];
  const classes = new Set(expr.split(' '));
  const need = (cls: string, ok: boolean, what: string): void => {
    if (classes.has(cls) && !ok) out.push({ id: 'classRole', data: { cls, what } });
  };
  need('modal', el.attrs.role === 'dialog', 'role="dialog"');
  need('modal-header', el.tag === 'header', 'a <header> tag');
  need('modal-body', el.tag === 'main', 'a <main> tag');
  need('modal-footer', el.tag === 'footer', 'a <footer> tag');
  need('tab-pane', el.attrs.role === 'tabpanel', 'role="tabpanel"');
  need('nav-tabs', el.attrs.role === 'tablist', 'role="tablist"');
  if ([...classes].some((c) => c.startsWith('alert-')) && !['alert', 'alertdialog', 'status'].includes(el.attrs.role ?? '') && !classes.has('alert-link')) {
    out.push({ id: 'classRole', data: { cls: 'alert-*', what: 'role="alert", "alertdialog" or "status" (or class alert-link)' } });
  }
  if ([...classes].some((c) => c.startsWith('fa-')) && !faDescribed(src, el)) out.push({ id: 'faTitle', data: { what: `A <${el.tag}> with fa class (${expr})` } });
  if ([...classes].some((c) => c.startsWith('btn'))) {
    const ok = ['a', 'button', 'select'].includes(el.tag) || (el.tag === 'input' && ['button', 'submit', 'reset'].includes(el.attrs.type ?? '')) || ['btn-group', 'btn-toolbar', 'btn-ship'].some((c) => classes.has(c));
    if (!ok) out.push({ id: 'classRole', data: { cls: 'btn*', what: 'an <a>, <button>, <select> or button <input> tag (or class btn-group/btn-toolbar)' } });
  }
  return out;
}

const ALT = att('alt');
const CLASS = att('class');
const VALUE_RANGE = ['aria-valuenow', 'aria-valuemin', 'aria-valuemax'];

/** True when one of the class attributes holds `part`. */
const classHas = (el: XEl, part: string): boolean => CLASS.some((c) => (el.attrs[c] ?? '').includes(part));

/**
 * Findings of one element. Diagnostics are sorted afterwards, so the attributes are read by name
 * (not each entry of every element, most of which have none of these).
 */
function findings(src: Source, el: XEl): Array<{ id: Id; data?: Record<string, string> }> {
  const out: Array<{ id: Id; data?: Record<string, string> }> = [];
  const attrs = el.attrs;
  if (el.tag === 'img' && !any(el, ALT)) out.push({ id: 'imgAlt' });
  if (el.tag === 'a' && classHas(el, 'btn') && attrs.role !== 'button') out.push({ id: 'aBtnRole' });
  if ((el.tag === 'ul' || el.tag === 'div') && classHas(el, 'dropdown-menu') && attrs.role !== 'menu') out.push({ id: 'dropdownRole' });
  if (el.tag === 'div' && classHas(el, 'o_progressbar')) {
    const missing = [attrs.role === 'progressbar' ? '' : 'role="progressbar"', ...VALUE_RANGE.filter((a) => !any(el, att(a)))].filter(Boolean);
    if (missing.length) out.push({ id: 'progressbar', data: { missing: missing.join(', ') } });
  }
  if (el.tag === 'button' && attrs.icon && !faDescribed(src, el)) out.push({ id: 'faTitle', data: { what: `A button with icon attribute (${attrs.icon})` } });
  for (const attr of CLASS) {
    const expr = attrs[attr];
    if (expr !== undefined) for (const f of classFindings(src, el, expr)) out.push(f);
  }
  if (attrs['data-bs-toggle'] === 'tab') {
    const controls = attrs['aria-controls'] || attrs['t-att-aria-controls'];
    if (attrs.role !== 'tab' || (!controls && !attrs['t-attf-aria-controls']) || controls?.includes('#')) out.push({ id: 'tab' });
  }
  if (attrs.role === 'presentation' || attrs.role === 'none') out.push({ id: 'roleNone' });
  if (attrs.group !== undefined) out.push({ id: 'groupAttr' });
  return out;
}

export default defineRule({
  meta: {
    id: 'view-accessibility',
    severity: 'error',
    description: 'View elements pass the accessibility checks Odoo logs at install',
    messages: {
      faTitle: '{{what}} has no title: Odoo 16 logs a WARNING at install ("must have title in its tag, parents, descendants or have text"); add title="..." (or aria-label, or visible text).',
      imgAlt: '<img> without alt: Odoo 16 logs a WARNING at install ("<img> tag must contain an alt attribute"); add alt="...".',
      aBtnRole: '<a> with a "btn" class but no role="button": Odoo 16 logs a WARNING at install; add role="button".',
      dropdownRole: 'dropdown-menu without role="menu": Odoo 16 logs a WARNING at install; add role="menu".',
      progressbar: 'o_progressbar lacks {{missing}}: Odoo 16 logs a WARNING at install; add them.',
      tab: 'Tab link (data-bs-toggle="tab") needs role="tab" and an aria-controls without "#": Odoo 16 logs a WARNING at install; add them.',
      roleNone: 'role="none"/"presentation": Odoo 16 logs a WARNING at install ("A role cannot be `none` or `presentation`"); describe the element with a real role or none at all.',
      groupAttr: 'Attribute "group" is not valid: Odoo 16 logs a WARNING at install ("Did you mean \'groups\'?"); rename it to groups.',
      classRole: 'Class {{cls}} needs {{what}}: Odoo 16 logs a WARNING at install; add it.',
    },
  },
  async check(ctx) {
    const out: Array<Finding<Id>> = [];
    for (const view of await viewArches(ctx)) {
      const source: Source = () => ctx.addon.read(view.file) ?? '';
      for (const el of validatedElements(view)) for (const f of findings(source, el)) out.push({ file: view.file, line: el.line, column: el.column, messageId: f.id, ...(f.data ? { data: f.data } : {}) });
    }
    return out;
  },
});
