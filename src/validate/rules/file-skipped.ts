/**
 * @fileoverview Rule: files validate needs (the manifest, Python modules, data and demo files) were
 * read. validate reads only regular files inside the addon folder, of at most 5 MB: it runs on
 * untrusted pull requests, where a FIFO would hang it, a link to /dev/zero would fill the memory,
 * and a link out of the addon would quote a file of the machine in the report.
 */
import { MAX_FILE_BYTES, type SkipReason } from '../../odoo/addon-files.js';
import { defineRule, type Finding } from '../rule.js';

const LIMIT = `${MAX_FILE_BYTES / (1024 * 1024)} MB`;

export default defineRule({
  meta: {
    id: 'file-skipped',
    severity: 'warning',
    description: 'Files of the addon are regular files inside it, of at most 5 MB',
    messages: {
      tooLarge: 'File "{{file}}" is larger than {{limit}}: validate did not read it, so nothing in it was checked.',
      notRegular: 'File "{{file}}" is not a regular file (a FIFO, socket or device): validate did not read it, and Odoo cannot load it.',
      outside: 'File "{{file}}" leads out of the addon folder (a link or a ".." path): validate reads only files inside the addon, so nothing in it was checked.',
    },
  },
  check(ctx) {
    const out: Array<Finding<SkipReason>> = [];
    const report = (file: string, at: { file: string; line: number; column: number }): void => {
      const reason = ctx.addon.skipReason(file);
      if (reason) out.push({ ...at, messageId: reason, data: { file, limit: LIMIT } });
    };
    // Data and demo files are reported at their manifest entry: the path may lead anywhere.
    const listed = new Set<string>();
    for (const e of [...ctx.manifest.data, ...ctx.manifest.demo]) {
      if (listed.has(e.value)) continue;
      listed.add(e.value);
      report(e.value, { file: '__manifest__.py', line: e.line, column: e.column });
    }
    // The manifest and every Python module (a skipped one is not in the file list).
    const own = new Set(['__manifest__.py', ...ctx.addon.files().filter((f) => f.endsWith('.py'))]);
    for (const f of ctx.addon.skippedEntries().keys()) if (f.endsWith('.py')) own.add(f);
    for (const f of [...own].sort()) if (!listed.has(f)) report(f, { file: f, line: 1, column: 1 });
    return out;
  },
});
