/**
 * @fileoverview Rule: a list-valued auto_install names only addons in depends.
 */
import { dictGet } from '../../odoo/python.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'manifest-auto-install',
    severity: 'error',
    description: 'auto_install lists only dependencies',
    messages: { notInDepends: 'auto_install names "{{addon}}", which is not in depends; Odoo refuses the module.' },
  },
  check(ctx) {
    const lit = dictGet(ctx.manifest.dict ?? undefined, 'auto_install');
    // A boolean auto_install means "all depends"; only a list can be wrong.
    if (lit?.kind !== 'list') return [];
    const deps = new Set(ctx.manifest.depends.map((d) => d.value));
    return lit.items!
      .filter((i) => i.kind === 'str' && !deps.has(i.value as string))
      .map((i) => ({ file: '__manifest__.py', line: i.line, column: i.column, messageId: 'notInDepends' as const, data: { addon: i.value as string } }));
  },
});
