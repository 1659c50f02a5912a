/**
 * @fileoverview Rule: a validated list (`<tree>`) holds only field, button, control, groupby,
 * widget and header children, a `<graph>` only fields (ir_ui_view.py `_validate_tag_tree`,
 * `_validate_tag_graph`).
 */
import { defineRule, type Finding } from '../rule.js';
import { validatedElements, viewArches } from '../view-arch.js';

const TREE_CHILDREN = new Set(['field', 'button', 'control', 'groupby', 'widget', 'header']);

export default defineRule({
  meta: {
    id: 'view-tree-child',
    severity: 'error',
    description: 'List and graph views hold only the children Odoo allows',
    messages: {
      tree: '<{{tag}}> in a <tree>: Odoo 16 refuses the view ("Tree child can only have one of field, button, control, groupby, widget, header tag"); move it out or use one of those tags.',
      graph: '<{{tag}}> in a <graph>: Odoo 16 refuses the view ("A <graph> can only contains <field> nodes"); keep only <field> children.',
    },
  },
  async check(ctx) {
    const out: Array<Finding<'tree' | 'graph'>> = [];
    for (const view of await viewArches(ctx)) {
      for (const el of validatedElements(view)) {
        if (el.tag !== 'tree' && el.tag !== 'graph') continue;
        for (const c of el.children) {
          const ok = el.tag === 'tree' ? TREE_CHILDREN.has(c.tag) : c.tag === 'field';
          if (!ok) out.push({ file: view.file, line: c.line, column: c.column, messageId: el.tag, data: { tag: c.tag } });
        }
      }
    }
    return out;
  },
});
