/**
 * @fileoverview Rule: a file that declares components is imported by the `__init__.py` chain.
 * Components register when their module is imported; a file nobody imports registers nothing,
 * and the connector fails at run time with NoComponentError (FRAMEWORK-SPEC §A1, §D0.1).
 */
import { defineRule, type Finding } from '../rule.js';
import { unimportedFiles } from './python-not-imported.js';

export default defineRule({
  meta: {
    id: 'component-not-imported',
    severity: 'error',
    description: 'Component files are imported by the __init__.py chain',
    messages: { notImported: '"{{file}}" declares components ({{names}}) but is not imported by any __init__.py; they are never registered (NoComponentError at run time).' },
  },
  async check(ctx) {
    const components = await ctx.components();
    const out: Array<Finding<'notImported'>> = [];
    for (const file of await unimportedFiles(ctx)) {
      const here = components.filter((c) => c.file === file);
      // Files without components are python-not-imported's business.
      if (here.length === 0) continue;
      const first = here[0]!.cls;
      out.push({ file, line: first.line, column: first.column, messageId: 'notImported', data: { file, names: here.map((c) => c.name ?? c.cls.name).join(', ') } });
    }
    return out;
  },
});
