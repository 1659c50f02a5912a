/**
 * @fileoverview A small RuleTester: addon fixtures as literal objects written to a temp dir, valid
 * cases must produce nothing, invalid cases must match messageId, line and column exactly.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, it } from 'vitest';
import { checkAddons } from '../../src/validate/engine.js';
import { loadRule } from '../../src/validate/rules/index.js';

export type Files = Record<string, string>;
export interface InvalidCase {
  name: string;
  files: Files;
  errors: Array<{ messageId: string; file?: string; line: number; column: number }>;
}
export interface ValidCase {
  name: string;
  files: Files;
}

export const MANIFEST = (extra = ''): string => `{"name": "X", "version": "16.0.1.0.0", "license": "LGPL-3", "depends": ["base"], ${extra}}\n`;

function writeAddon(files: Files): string {
  const root = mkdtempSync(join(tmpdir(), 'oc-rule-'));
  const dir = join(root, 'my_addon');
  for (const [rel, text] of Object.entries({ '__init__.py': '', ...files })) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

export function runRuleTests(id: string, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  const names = [...cases.valid, ...cases.invalid].map((c) => c.name);
  if (new Set(names).size !== names.length) throw new Error(`duplicate case names in ${id}`);
  for (const c of cases.valid) {
    it(`valid: ${c.name}`, async () => {
      const dir = writeAddon(c.files);
      const r = await checkAddons([dir], { cwd: dir, only: [id] });
      expect(r.diagnostics.map((d) => `${d.messageId} ${d.line}:${d.column}`)).toEqual([]);
    });
  }
  for (const c of cases.invalid) {
    it(`invalid: ${c.name}`, async () => {
      expect(c.errors.length, 'an invalid case must expect at least one error').toBeGreaterThan(0);
      const rule = await loadRule(id);
      for (const e of c.errors) expect(Object.keys(rule.meta.messages), `unknown messageId ${e.messageId}`).toContain(e.messageId);
      const dir = writeAddon(c.files);
      const r = await checkAddons([dir], { cwd: dir, only: [id] });
      expect(r.diagnostics.map((d) => ({ messageId: d.messageId, line: d.line, column: d.column, ...(c.errors.some((e) => e.file) ? { file: d.file } : {}) }))).toEqual(
        c.errors.map((e) => ({ messageId: e.messageId, line: e.line, column: e.column, ...(e.file ? { file: e.file } : {}) })),
      );
    });
  }
}
