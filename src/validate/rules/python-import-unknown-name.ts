/**
 * @fileoverview Rule: `from <module> import <name>` where the module is one of this addon's or of an
 * addon whose Python was read (`odoo.addons.<addon>.…`), and neither a top-level name of the module
 * nor a submodule of the package is called `<name>`: Python raises ImportError while Odoo loads the
 * addon. Silent when the module's names cannot be listed (`import *`, `__getattr__`, syntax errors)
 * or the module is not known, and for imports inside `try` (the file handles the ImportError).
 * A package importing from itself (`from . import x` in its __init__.py) must have a submodule x.
 */
import { posix } from 'node:path';
import type { PyImport } from '../../odoo/python.js';
import type { AddonContext } from '../context.js';
import { defineRule, type Finding } from '../rule.js';

/** Files a summary never lists (pythonFiles() leaves them out), so their absence proves nothing. */
const UNLISTED = /(^|\/)(tests|migrations|upgrades?)(\/|$)/;

/** The addon and module path (posix, relative to the addon) an import names, or undefined when outside what we read. */
export function importTarget(ctx: AddonContext, file: string, imp: PyImport): { addon: string; path: string } | undefined {
  if (imp.dots) {
    let base = posix.dirname(file) === '.' ? '' : posix.dirname(file);
    for (let i = 1; i < imp.dots.length; i++) {
      // Above the addon root is the odoo.addons namespace: not ours to judge.
      if (base === '') return undefined;
      base = posix.dirname(base) === '.' ? '' : posix.dirname(base);
    }
    return { addon: ctx.name, path: imp.module ? posix.join(base, imp.module.replaceAll('.', '/')) : base };
  }
  const m = /^odoo\.addons\.(\w+)(?:\.([\w.]+))?$/.exec(imp.module);
  if (!m) return undefined;
  return { addon: m[1]!, path: (m[2] ?? '').replaceAll('.', '/') };
}

export default defineRule({
  meta: {
    id: 'python-import-unknown-name',
    severity: 'error',
    description: 'Names imported from a module of a known addon exist in it',
    messages: {
      unknownName: '"{{name}}" is not defined in {{module}} (nor a submodule of it): Python raises ImportError when Odoo loads the addon; fix the name or define it there.',
    },
  },
  async check(ctx) {
    const out: Array<Finding<'unknownName'>> = [];
    const imported = await ctx.imported();
    for (const file of ctx.addon.pythonFiles()) {
      if (imported && !imported.has(file)) continue;
      if (!ctx.addon.exists(file)) continue;
      for (const imp of (await ctx.addon.python(file)).imports) {
        if (imp.guarded || imp.names.length === 0) continue;
        const target = importTarget(ctx, file, imp);
        if (!target || UNLISTED.test(target.path)) continue;
        const modules = ctx.catalog.summary(target.addon)?.pyModules;
        if (!modules) continue;
        const asFile = `${target.path}.py`;
        const asPackage = target.path ? `${target.path}/__init__.py` : '__init__.py';
        const moduleFile = target.path && asFile in modules ? asFile : asPackage in modules ? asPackage : undefined;
        const names = moduleFile ? modules[moduleFile] : undefined;
        if (!names) continue;
        const pkgDir = moduleFile === asPackage ? target.path : undefined;
        // `from . import x` in the package's own __init__.py binds x itself: that is no proof x exists.
        const selfImport = moduleFile === file && target.addon === ctx.name;
        for (const name of imp.names) {
          if (!name || name === '*' || (names.includes(name) && !selfImport)) continue;
          if (pkgDir !== undefined) {
            const sub = pkgDir ? `${pkgDir}/${name}` : name;
            if (UNLISTED.test(sub) || `${sub}.py` in modules || `${sub}/__init__.py` in modules) continue;
            if (target.addon === ctx.name && ctx.addon.files().some((f) => f === sub || f.startsWith(`${sub}.`) || f.startsWith(`${sub}/`))) continue;
          }
          const module = imp.dots ? `${imp.dots}${imp.module}` : imp.module;
          out.push({ file, line: imp.line, column: imp.column, messageId: 'unknownName', data: { name, module } });
        }
      }
    }
    return out;
  },
});
