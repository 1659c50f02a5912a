/**
 * @fileoverview Rule: no manifest key appears twice. Python keeps the last value and drops the
 * first without a word, so a file listed under the first "data" is never loaded, and a tool
 * (or a person) editing the first one changes nothing.
 */
import { defineRule, type Finding } from '../rule.js';

export default defineRule({
  meta: {
    id: 'manifest-duplicate-key',
    severity: 'error',
    description: 'Manifest keys appear once',
    messages: { duplicate: 'Manifest key "{{key}}" appears again here; Python keeps only this last value and ignores the one at line {{first}}. Merge them.' },
  },
  check(ctx) {
    // Without a literal dict there are no keys to inspect.
    if (!ctx.manifest.dict) return [];
    const out: Array<Finding<'duplicate'>> = [];
    const seen = new Map<string, number>();
    for (const e of ctx.manifest.dict.entries ?? []) {
      if (e.key.kind !== 'str') continue;
      const key = e.key.value as string;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, e.key.line);
      else out.push({ file: '__manifest__.py', line: e.key.line, column: e.key.column, messageId: 'duplicate', data: { key, first } });
    }
    return out;
  },
});
