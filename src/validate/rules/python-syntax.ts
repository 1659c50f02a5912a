/**
 * @fileoverview Rule: Python files parse (a syntax error stops the server from loading the addon).
 */
import { defineRule, type Finding } from '../rule.js';

export default defineRule({
  meta: {
    id: 'python-syntax',
    severity: 'error',
    description: 'Python files have no syntax error',
    messages: { syntaxError: 'Syntax error near "{{text}}".' },
  },
  async check(ctx) {
    const out: Array<Finding<'syntaxError'>> = [];
    for (const file of ctx.addon.files().filter((f) => f.endsWith('.py') && f !== '__manifest__.py')) {
      const e = (await ctx.addon.pythonSyntax(file))[0];
      if (e) out.push({ file, line: e.line, column: e.column, messageId: 'syntaxError', data: { text: e.text.split('\n')[0]! } });
    }
    return out;
  },
});
