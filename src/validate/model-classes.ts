/**
 * @fileoverview The model classes Odoo loads from an addon: those of the Python files reached
 * through the `__init__.py` chain (every file when the chain cannot be followed). A class in a
 * file never imported is never registered, so model rules do not judge it.
 */
import { fileModels, type ModelDecl } from '../odoo/addon.js';
import type { PyClass } from '../odoo/python.js';
import type { AddonContext } from './context.js';

export async function loadedModelClasses(ctx: AddonContext): Promise<Array<{ file: string; cls: PyClass; decl: ModelDecl }>> {
  const imported = await ctx.imported();
  const out: Array<{ file: string; cls: PyClass; decl: ModelDecl }> = [];
  for (const file of ctx.addon.pythonFiles()) {
    if (imported && !imported.has(file)) continue;
    for (const m of fileModels(await ctx.addon.python(file), file)) out.push({ file, ...m });
  }
  return out;
}
