/**
 * @fileoverview Rule: webhook signatures are compared with hmac.compare_digest, not == (timing attack).
 * Only for addons depending on generic_connector.
 */
import { defineRule, type Finding } from '../rule.js';

/** Whether an operand names a signature; string literals are dropped first ("acmehmac.backend" is none). */
function namesSignature(operand: string): boolean {
  const code = operand.replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, ' ');
  return code.split(/[^A-Za-z0-9_]+/).some((name) => /signature|digest|hmac/i.test(name));
}

export default defineRule({
  meta: {
    id: 'webhook-compare-digest',
    severity: 'error',
    description: 'Signatures are compared in constant time',
    messages: { plainCompare: 'Signature compared with "{{operator}}"; use hmac.compare_digest().' },
  },
  async check(ctx) {
    // The connector contract applies only to generic_connector connectors.
    if (!ctx.dependsOn('generic_connector')) return [];
    const out: Array<Finding<'plainCompare'>> = [];
    for (const file of ctx.addon.pythonFiles()) {
      for (const c of (await ctx.addon.python(file)).comparisons) {
        if ((c.operator === '==' || c.operator === '!=') && (namesSignature(c.left) || namesSignature(c.right))) out.push({ file, line: c.line, column: c.column, messageId: 'plainCompare', data: { operator: c.operator } });
      }
    }
    return out;
  },
});
