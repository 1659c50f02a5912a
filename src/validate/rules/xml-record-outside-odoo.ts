/**
 * @fileoverview Rule: data files have <odoo> (or legacy <openerp>) as root and records directly
 * inside it or inside <data>.
 */
import { DATA_ROOTS as ROOTS } from '../../odoo/addon.js';
import type { XEl } from '../../odoo/xml.js';
import { defineRule, type Finding } from '../rule.js';

// ROOTS (odoo/tools/convert.py DATA_ROOTS): each may be the root, and each nests in the others.
// TOP: what convert.py loads from inside them.
const TOP = new Set(['record', 'menuitem', 'template', 'report', 'act_window', 'function', 'delete', 'asset']);

export default defineRule({
  meta: {
    id: 'xml-record-outside-odoo',
    severity: 'error',
    description: 'Records sit inside <odoo> or <data>',
    messages: { badRoot: 'Root element is <{{tag}}>; data files must start with <odoo>.', misplaced: '<{{tag}}> is inside <{{parent}}>; put it directly in <odoo> or <data>.' },
  },
  async check(ctx) {
    const out: Array<Finding<'badRoot' | 'misplaced'>> = [];
    for (const { file } of await ctx.addon.dataFiles()) {
      if (!file.endsWith('.xml') || !ctx.addon.exists(file)) continue;
      const x = ctx.addon.xml(file);
      if (!x.ok) continue;
      if (!ROOTS.has(x.root.tag)) {
        out.push({ file, line: x.root.line, column: x.root.column, messageId: 'badRoot', data: { tag: x.root.tag } });
        continue;
      }
      const visit = (parent: XEl): void => {
        for (const el of parent.children) {
          if (ROOTS.has(el.tag)) visit(el);
          else if (!TOP.has(el.tag)) out.push({ file, line: el.line, column: el.column, messageId: 'misplaced', data: { tag: el.tag, parent: parent.tag } });
        }
      };
      visit(x.root);
    }
    return out;
  },
});
