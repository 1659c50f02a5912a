/**
 * @fileoverview Rule: XML data files are well-formed.
 */
import { defineRule, type Finding } from '../rule.js';

export default defineRule({
  meta: {
    id: 'xml-syntax',
    severity: 'error',
    description: 'XML files are well-formed',
    messages: { malformed: 'XML is not well-formed: {{error}}' },
  },
  async check(ctx) {
    const out: Array<Finding<'malformed'>> = [];
    for (const { file } of await ctx.addon.dataFiles()) {
      if (!file.endsWith('.xml') || !ctx.addon.exists(file)) continue;
      const x = ctx.addon.xml(file);
      if (!x.ok) out.push({ file, line: x.line, column: x.column, messageId: 'malformed', data: { error: x.message } });
    }
    return out;
  },
});
