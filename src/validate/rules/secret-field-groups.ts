/**
 * @fileoverview Rule: secret fields (api_key, *_secret, *_token, password) are restricted with groups=.
 * Only for addons depending on generic_connector.
 */
import { defineRule, type Finding } from '../rule.js';

const SECRET = /^(api_key|password|.*_secret|.*_token|.*_password)$/;

export default defineRule({
  meta: {
    id: 'secret-field-groups',
    severity: 'error',
    description: 'Secret fields are restricted to a group',
    messages: { unrestricted: 'Secret field "{{field}}" has no groups=; restrict it, e.g. groups="base.group_system".' },
  },
  async check(ctx) {
    // The connector contract applies only to generic_connector connectors.
    if (!ctx.dependsOn('generic_connector')) return [];
    const out: Array<Finding<'unrestricted'>> = [];
    for (const file of ctx.addon.pythonFiles()) {
      for (const cls of (await ctx.addon.python(file)).classes) {
        for (const f of cls.fields) {
          if (SECRET.test(f.name) && f.type === 'Char' && !f.kwargs.groups && !f.kwargs.related) out.push({ file, line: f.line, column: f.column, messageId: 'unrestricted', data: { field: f.name } });
        }
      }
    }
    return out;
  },
});
