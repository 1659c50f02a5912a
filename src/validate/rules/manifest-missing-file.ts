/**
 * @fileoverview Rule: every file listed in the manifest's `data` and `demo` exists.
 */
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'manifest-missing-file',
    severity: 'error',
    description: 'Files listed in data/demo exist',
    messages: { missing: 'File "{{file}}" is listed in the manifest but does not exist.' },
  },
  check(ctx) {
    return [...ctx.manifest.data, ...ctx.manifest.demo]
      // A file validate did not read exists: file-skipped says why.
      .filter((e) => !ctx.addon.exists(e.value) && !ctx.addon.skipReason(e.value))
      .map((e) => ({ file: '__manifest__.py', line: e.line, column: e.column, messageId: 'missing' as const, data: { file: e.value } }));
  },
});
