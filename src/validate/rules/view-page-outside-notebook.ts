/**
 * @fileoverview Rule: a validated `<page>` sits directly in a `<notebook>` (ir_ui_view.py
 * `_validate_tag_page`), also when an extension inserts it inside an element that is not one.
 */
import type { XEl } from '../../odoo/xml.js';
import { defineRule, type Finding } from '../rule.js';
import { validatedElements, validatedRoots, viewArches } from '../view-arch.js';
import { locatedTag } from '../view-locator.js';

export default defineRule({
  meta: {
    id: 'view-page-outside-notebook',
    severity: 'error',
    description: 'Pages in views are direct children of a notebook',
    messages: {
      outside: '<page> inside <{{parent}}>: Odoo 16 refuses the view ("Page direct ancestor must be notebook"); wrap the page in a <notebook>.',
    },
  },
  async check(ctx) {
    const out: Array<Finding<'outside'>> = [];
    for (const view of await viewArches(ctx)) {
      const roots = new Set(validatedRoots(view));
      for (const el of validatedElements(view)) {
        if (el.tag !== 'page') continue;
        const parent = roots.has(el) && view.inherit ? insertedInto(el) : el.parent?.tag;
        if (parent && parent !== 'notebook') out.push({ file: view.file, line: el.line, column: el.column, messageId: 'outside', data: { parent } });
      }
    }
    return out;
  },
});

/** The tag of the parent an extension gives an inserted element, when the spec tells it. */
function insertedInto(el: XEl): string | undefined {
  const spec = el.parent;
  if (!spec || (spec.attrs.position ?? 'inside') !== 'inside') return undefined;
  return locatedTag(spec);
}
