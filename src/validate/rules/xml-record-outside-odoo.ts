/**
 * @fileoverview Rule: data files have <odoo> (or legacy <openerp>) as root and records directly
 * inside it or inside <data>.
 */
import { defineRule, type Finding } from '../rule.js';

const ROOTS = new Set(['odoo', 'openerp']);
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
      for (const el of x.root.children) {
        if (el.tag === 'data') {
          for (const c of el.children) if (!TOP.has(c.tag)) out.push({ file, line: c.line, column: c.column, messageId: 'misplaced', data: { tag: c.tag, parent: 'data' } });
        } else if (!TOP.has(el.tag)) {
          out.push({ file, line: el.line, column: el.column, messageId: 'misplaced', data: { tag: el.tag, parent: x.root.tag } });
        }
      }
    }
    return out;
  },
});
