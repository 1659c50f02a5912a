/**
 * @fileoverview The model classes Odoo loads from an addon: those of the Python files reached
 * through the `__init__.py` chain (every file when the chain cannot be followed). A class in a
 * file never imported is never registered, so model rules do not judge it.
 */
import { fileModels, type ModelDecl } from '../odoo/addon.js';
import type { PyClass } from '../odoo/python.js';
import type { AddonContext } from './context.js';

type ModelClass = { file: string; cls: PyClass; decl: ModelDecl };

/** Six rules ask per addon: computed once per addon context. */
const cache = new WeakMap<AddonContext, Promise<ModelClass[]>>();

export function loadedModelClasses(ctx: AddonContext): Promise<ModelClass[]> {
  let p = cache.get(ctx);
  if (!p) {
    p = readModelClasses(ctx);
    cache.set(ctx, p);
  }
  return p;
}

async function readModelClasses(ctx: AddonContext): Promise<ModelClass[]> {
  const imported = await ctx.imported();
  const out: ModelClass[] = [];
  for (const file of ctx.addon.pythonFiles()) {
    if (imported && !imported.has(file)) continue;
    for (const m of fileModels(await ctx.addon.python(file), file)) out.push({ file, ...m });
  }
  return out;
}
