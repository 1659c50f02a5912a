/**
 * @fileoverview Rule: Python files of the addon are reached by the `__init__.py` import chain.
 * A model file that is not imported means a missing model; a component file, a NoComponentError.
 */
import { defineRule, type Finding } from '../rule.js';

export default defineRule({
  meta: {
    id: 'python-not-imported',
    severity: 'error',
    description: 'Python files are imported by the __init__.py chain',
    messages: {
      notImported: '"{{file}}" defines classes but is not imported by any __init__.py; Odoo never loads it.',
      componentNotImported: '"{{file}}" defines components but is not imported; they are never registered (NoComponentError at run time).',
    },
  },
  async check(ctx) {
    const imported = await ctx.imported();
    // No root __init__.py: python-syntax/Odoo will complain differently; nothing to follow.
    if (!imported.has('__init__.py')) return [];
    const components = new Set((await ctx.components()).map((c) => c.file));
    const out: Array<Finding<'notImported' | 'componentNotImported'>> = [];
    for (const file of ctx.addon.pythonFiles()) {
      if (imported.has(file) || file.endsWith('__init__.py')) continue;
      // Scripts and helpers outside packages are not Odoo code.
      if (!ctx.addon.exists(`${file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : ''}/__init__.py`.replace(/^\//, ''))) continue;
      const py = await ctx.addon.python(file);
      // Only files that declare classes matter to the registry.
      if (py.classes.length === 0) continue;
      out.push({ file, line: 1, column: 1, messageId: components.has(file) ? 'componentNotImported' : 'notImported', data: { file } });
    }
    return out;
  },
});
