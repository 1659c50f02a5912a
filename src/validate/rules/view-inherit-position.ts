/**
 * @fileoverview Rule: every spec of a view extension places its content with a position Odoo 16
 * knows (odoo/tools/template_inheritance.py `apply_inheritance_specs`: after, before, inside,
 * replace, attributes; `move` only on an element inside a spec).
 */
import type { XEl } from '../../odoo/xml.js';
import { defineRule, type Finding } from '../rule.js';
import { viewArches } from '../view-arch.js';

const POSITIONS = new Set(['after', 'before', 'inside', 'replace', 'attributes']);

/** The specs apply_inheritance_specs reads: the root, or the children of `<data>` roots. */
function specs(root: XEl): XEl[] {
  return root.tag === 'data' ? root.children.flatMap(specs) : [root];
}

export default defineRule({
  meta: {
    id: 'view-inherit-position',
    severity: 'error',
    description: 'View extensions use positions Odoo knows',
    messages: {
      position: 'position="{{position}}" is not a position Odoo 16 knows ("Invalid position attribute"): the install fails; use after, before, inside, replace or attributes.',
    },
  },
  async check(ctx) {
    const out: Array<Finding<'position'>> = [];
    for (const view of await viewArches(ctx)) {
      if (!view.inherit) continue;
      for (const spec of specs(view.root)) {
        const position = spec.attrs.position;
        if (position !== undefined && !POSITIONS.has(position)) out.push({ file: view.file, line: spec.line, column: spec.column, messageId: 'position', data: { position } });
      }
    }
    return out;
  },
});
