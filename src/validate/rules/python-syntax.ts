/**
 * @fileoverview Rule: Python files parse (a syntax error stops the server from loading the addon).
 * The message is CPython 3.11's, at the place CPython points to.
 */
import { defineRule, type Finding } from '../rule.js';

export default defineRule({
  meta: {
    id: 'python-syntax',
    severity: 'error',
    description: 'Python files have no syntax error',
    messages: { syntaxError: 'Syntax error: {{message}}.' },
  },
  async check(ctx) {
    const out: Array<Finding<'syntaxError'>> = [];
    for (const file of ctx.addon.files().filter((f) => f.endsWith('.py') && f !== '__manifest__.py')) {
      const e = (await ctx.addon.pythonSyntax(file))[0];
      if (e) out.push({ file, line: e.line, column: e.column, messageId: 'syntaxError', data: { message: e.message } });
    }
    return out;
  },
});
