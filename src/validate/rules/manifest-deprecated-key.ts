/**
 * @fileoverview Rule: the manifest uses no keys Odoo removed (init_xml, update_xml, demo_xml).
 */
import { defineRule } from '../rule.js';

const DEPRECATED: Record<string, string> = { init_xml: 'data', update_xml: 'data', demo_xml: 'demo' };

export default defineRule({
  meta: {
    id: 'manifest-deprecated-key',
    severity: 'error',
    description: 'No removed manifest keys',
    messages: { deprecated: 'Manifest key "{{key}}" is no longer read by Odoo 16; move its files to "{{replacement}}".' },
  },
  check(ctx) {
    // Without a literal dict there are no keys to inspect.
    if (!ctx.manifest.dict) return [];
    return (ctx.manifest.dict.entries ?? [])
      .filter((e) => e.key.kind === 'str' && (e.key.value as string) in DEPRECATED)
      .map((e) => ({ file: '__manifest__.py', line: e.key.line, column: e.key.column, messageId: 'deprecated' as const, data: { key: e.key.value as string, replacement: DEPRECATED[e.key.value as string]! } }));
  },
});
