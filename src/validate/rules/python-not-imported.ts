/**
 * @fileoverview Rule: Python files that declare classes are reached by the `__init__.py` chain.
 * Files that declare components have their own rule, component-not-imported.
 */
import type { AddonContext } from '../context.js';
import { defineRule, type Finding } from '../rule.js';

/** Files under a package (a folder with `__init__.py`) that declare classes and that Odoo never imports. */
export async function unimportedFiles(ctx: AddonContext): Promise<string[]> {
  const imported = await ctx.imported();
  // No root __init__.py, or an import we cannot follow (importlib): cannot know.
  if (!imported) return [];
  const out: string[] = [];
  for (const file of ctx.addon.pythonFiles()) {
    if (imported.has(file) || file.endsWith('__init__.py')) continue;
    // Scripts and helpers outside packages are not Odoo code.
    const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
    if (!ctx.addon.exists(`${dir}__init__.py`)) continue;
    // Only files that declare classes matter to the registry.
    if ((await ctx.addon.python(file)).classes.length > 0) out.push(file);
  }
  return out;
}

export default defineRule({
  meta: {
    id: 'python-not-imported',
    severity: 'warning',
    description: 'Python files are imported by the __init__.py chain',
    messages: { notImported: '"{{file}}" defines classes but is not imported by any __init__.py; Odoo never loads it.' },
  },
  async check(ctx) {
    const components = new Set((await ctx.components()).map((c) => c.file));
    const out: Array<Finding<'notImported'>> = [];
    for (const file of await unimportedFiles(ctx)) {
      // Component files are component-not-imported's business.
      if (!components.has(file)) out.push({ file, line: 1, column: 1, messageId: 'notImported', data: { file } });
    }
    return out;
  },
});
