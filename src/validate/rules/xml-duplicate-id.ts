/**
 * @fileoverview Rule: an xml id is defined once per addon. The same id in a data file and a demo
 * file, or overriding another module's id (`other.id`), is legitimate.
 */
import { defineRule, type Finding } from '../rule.js';

export default defineRule({
  meta: {
    id: 'xml-duplicate-id',
    severity: 'warning',
    description: 'No duplicate xml ids within an addon',
    messages: { duplicate: 'xml id "{{id}}" is already defined at {{first}}; the second definition overwrites the first.' },
  },
  async check(ctx) {
    const out: Array<Finding<'duplicate'>> = [];
    const prefix = `${ctx.name}.`;
    const files = await ctx.addon.dataFiles();
    for (const demo of [false, true]) {
      const seen = new Map<string, string>();
      for (const { file, demo: inDemo } of files) {
        if (inDemo !== demo) continue;
        for (const d of ctx.addon.definedIds(file)) {
          // ids of another module are overrides, not definitions.
          if (d.id.includes('.') && !d.id.startsWith(prefix)) continue;
          const id = d.id.replace(prefix, '');
          const first = seen.get(id);
          if (first) out.push({ file, line: d.line, column: d.column, messageId: 'duplicate', data: { id, first } });
          else seen.set(id, `${file}:${d.line}`);
        }
      }
    }
    return out;
  },
});
