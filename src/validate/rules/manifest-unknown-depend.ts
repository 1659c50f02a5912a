/**
 * @fileoverview Rule: every dependency can be found (only judged when --addons-path is given).
 */
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'manifest-unknown-depend',
    severity: 'error',
    description: 'Dependencies exist in the scanned paths, --addons-path or core',
    messages: { unknown: 'Dependency "{{addon}}" was not found in the scanned paths, --addons-path or the core baseline.' },
  },
  check(ctx) {
    // Without --addons-path we cannot know every installed addon.
    if (!ctx.knowsAllAddons) return [];
    return ctx.manifest.depends
      .filter((d) => !ctx.catalog.has(d.value))
      .map((d) => ({ file: '__manifest__.py', line: d.line, column: d.column, messageId: 'unknown' as const, data: { addon: d.value } }));
  },
});
