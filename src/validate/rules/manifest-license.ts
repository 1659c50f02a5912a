/**
 * @fileoverview Rule: the manifest license is one of the ten values Odoo 16 accepts.
 */
import { dictGet } from '../../odoo/python.js';
import { defineRule } from '../rule.js';

// odoo/modules/module.py (16.0): the values of the license selection on ir.module.module.
export const ODOO_LICENSES = ['GPL-2', 'GPL-2 or any later version', 'GPL-3', 'GPL-3 or any later version', 'AGPL-3', 'LGPL-3', 'Other OSI approved licence', 'OEEL-1', 'OPL-1', 'Other proprietary'];

export default defineRule({
  meta: {
    id: 'manifest-license',
    severity: 'error',
    description: 'License is one of Odoo 16 license values',
    messages: { badLicense: 'License "{{license}}" is not an Odoo 16 license value (e.g. LGPL-3, AGPL-3, OPL-1).' },
  },
  check(ctx) {
    const lit = dictGet(ctx.manifest.dict ?? undefined, 'license');
    // No license key means Odoo's default (LGPL-3); nothing to check.
    if (!lit || lit.kind !== 'str') return [];
    if (ODOO_LICENSES.includes(lit.value as string)) return [];
    return [{ file: '__manifest__.py', line: lit.line, column: lit.column, messageId: 'badLicense', data: { license: lit.value as string } }];
  },
});
