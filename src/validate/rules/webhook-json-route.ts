/**
 * @fileoverview Rule: a connector's webhook route uses type="http". A type="json" route expects a
 * JSON-RPC envelope (`{"jsonrpc": "2.0", "params": {...}}`) and answers with one: a provider that
 * posts plain JSON gets its payload dropped and an unexpected response. Only for addons depending
 * on generic_connector, in controllers whose file, class, function or path names a webhook.
 */
import { defineRule, type Finding } from '../rule.js';

const WEBHOOK = /webhook/i;

export default defineRule({
  meta: {
    id: 'webhook-json-route',
    severity: 'error',
    description: 'Webhook routes use type="http"',
    messages: { jsonRoute: 'Webhook route "{{handler}}" uses type="json", which expects a JSON-RPC envelope; use type="http", csrf=False and read request.httprequest.get_data().' },
  },
  async check(ctx) {
    // The connector contract applies only to generic_connector connectors.
    if (!ctx.dependsOn('generic_connector')) return [];
    const out: Array<Finding<'jsonRoute'>> = [];
    for (const file of ctx.addon.pythonFiles()) {
      if (!/(^|\/)controllers\//.test(file)) continue;
      for (const cls of (await ctx.addon.python(file)).classes) {
        for (const m of cls.methods) {
          for (const d of m.decorators) {
            const type = d.kwargs.type;
            if (!/(^|\.)route$/.test(d.name) || type?.kind !== 'str' || type.value !== 'json') continue;
            const paths = [...d.args, d.kwargs.route].map((a) => a?.text ?? '').join(' ');
            // Only webhook endpoints: a JSON-RPC route for Odoo's own web client is legitimate.
            if (!WEBHOOK.test(`${file} ${cls.name} ${m.name} ${paths}`)) continue;
            out.push({ file, line: type.line, column: type.column, messageId: 'jsonRoute', data: { handler: m.name } });
          }
        }
      }
    }
    return out;
  },
});
