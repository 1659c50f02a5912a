/**
 * @fileoverview Rule: HTTP calls through requests pass a timeout (a hung API blocks a worker forever).
 * Only for addons depending on generic_connector.
 */
import { defineRule, type Finding } from '../rule.js';

const CALL = /^(requests|session|self\.session|self\._session|http_session)\.(get|post|put|patch|delete|head|options|request)$/;

export default defineRule({
  meta: {
    id: 'http-timeout',
    severity: 'error',
    description: 'HTTP calls pass a timeout',
    messages: { noTimeout: '{{callee}}() has no timeout=; a stalled API would block the worker.' },
  },
  async check(ctx) {
    // The connector contract applies only to generic_connector connectors.
    if (!ctx.dependsOn('generic_connector')) return [];
    const out: Array<Finding<'noTimeout'>> = [];
    for (const file of ctx.addon.pythonFiles()) {
      for (const c of (await ctx.addon.python(file)).calls) {
        // **kwargs may carry the timeout: cannot know.
        if (CALL.test(c.callee) && !c.kwargs.includes('timeout') && !c.hasStarKwargs) out.push({ file, line: c.line, column: c.column, messageId: 'noTimeout', data: { callee: c.callee } });
      }
    }
    return out;
  },
});
