/**
 * @fileoverview Rule: files are in the encoding Odoo 16 reads them with. lxml reads data XML as
 * UTF-8 unless a BOM or the XML declaration says otherwise; Python reads modules as UTF-8 unless a
 * coding comment says otherwise; the manifest, CSV and SQL are read as UTF-8 whatever they say.
 * Bytes that are not UTF-8 then fail the install (or the import of the module).
 */
import { defineRule, type Finding } from '../rule.js';

type Id = 'xmlNotUtf' | 'pythonNotUtf' | 'notUtf';
const ID: Record<'xml' | 'python' | 'utf8', Id> = { xml: 'xmlNotUtf', python: 'pythonNotUtf', utf8: 'notUtf' };

export default defineRule({
  meta: {
    id: 'file-encoding',
    severity: 'error',
    description: 'Files are in the encoding Odoo reads them with',
    messages: {
      xmlNotUtf: 'Byte {{byte}} is not UTF-8 and the file declares no other encoding: lxml, which Odoo loads data files with, refuses it. Save the file as UTF-8, or declare its encoding (<?xml version="1.0" encoding="..."?>).',
      pythonNotUtf: 'Byte {{byte}} is not UTF-8 and the module has no coding comment: Python refuses to import it. Save the file as UTF-8, or add "# -*- coding: latin-1 -*-" on line 1.',
      notUtf: 'Byte {{byte}} is not UTF-8: Odoo 16 reads this file as UTF-8 whatever it declares, and the install fails. Save the file as UTF-8.',
    },
  },
  check(ctx) {
    const files = new Set(['__manifest__.py', ...ctx.addon.files().filter((f) => f.endsWith('.py'))]);
    for (const e of [...ctx.manifest.data, ...ctx.manifest.demo]) if (/\.(xml|csv|sql)$/i.test(e.value)) files.add(e.value);
    const out: Array<Finding<Id>> = [];
    for (const file of files) {
      const e = ctx.addon.encodingError(file);
      if (e) out.push({ file, line: e.line, column: e.column, messageId: ID[e.kind], data: { byte: e.byte } });
    }
    return out;
  },
});
