/**
 * @fileoverview A small RuleTester, as strict as ESLint's: addon fixtures are literal objects
 * written to a temp dir; valid cases must produce nothing and may not list errors; invalid cases
 * must list at least one error, with known messageIds, and match the rule's diagnostics exactly
 * (messageId, line, column, and file/data when given), so an extra diagnostic fails; duplicate
 * cases (same name or same files) are rejected.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, it } from 'vitest';
import { checkAddons } from '../../src/validate/engine.js';
import { loadRule } from '../../src/validate/rules/index.js';

export type Files = Record<string, string>;
export interface ExpectedError {
  messageId: string;
  /** Path relative to the addon folder, when the case spans several files. */
  file?: string;
  line: number;
  column: number;
  data?: Record<string, string | number>;
}
export interface InvalidCase {
  name: string;
  files: Files;
  /** Other addons beside the checked one (knowledge, e.g. generic_connector), by folder name. */
  others?: Record<string, Files>;
  errors: ExpectedError[];
}
export interface ValidCase {
  name: string;
  files: Files;
  others?: Record<string, Files>;
}

export const MANIFEST = (extra = '', depends = '"base"'): string => `{"name": "X", "version": "16.0.1.0.0", "license": "LGPL-3", "depends": [${depends}], ${extra}}\n`;

function writeTree(files: Files, dir: string): void {
  for (const [rel, text] of Object.entries({ '__init__.py': '', ...files })) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
}

/** Writes the addon (as `my_addon`) and its neighbours; returns the addon folder and the root. */
export function writeAddon(files: Files, others: Record<string, Files> = {}): { dir: string; root: string } {
  const root = mkdtempSync(join(tmpdir(), 'oc-rule-'));
  const dir = join(root, 'my_addon');
  writeTree(files, dir);
  for (const [name, f] of Object.entries(others)) writeTree(f, join(root, 'others', name));
  return { dir, root };
}

async function diagnose(id: string, c: ValidCase): Promise<Awaited<ReturnType<typeof checkAddons>>['diagnostics']> {
  const { dir, root } = writeAddon(c.files, c.others);
  const r = await checkAddons([dir], { cwd: dir, only: [id], ...(c.others ? { addonsPath: [join(root, 'others')] } : {}) });
  return r.diagnostics;
}

export function runRuleTests(id: string, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  const all = [...cases.valid, ...cases.invalid];
  const names = all.map((c) => c.name);
  const dupName = names.find((n, i) => names.indexOf(n) !== i);
  if (dupName) throw new Error(`${id}: duplicate case name "${dupName}"`);
  const bodies = all.map((c) => JSON.stringify([c.files, c.others ?? {}]));
  const dupBody = bodies.findIndex((b, i) => bodies.indexOf(b) !== i);
  if (dupBody >= 0) throw new Error(`${id}: case "${names[dupBody]}" duplicates the files of "${names[bodies.indexOf(bodies[dupBody]!)]}"`);
  for (const c of cases.valid) {
    if ('errors' in c) throw new Error(`${id}: valid case "${c.name}" may not list errors`);
    it(`valid: ${c.name}`, async () => {
      expect((await diagnose(id, c)).map((d) => `${d.messageId} ${d.file}:${d.line}:${d.column} ${d.message}`)).toEqual([]);
    });
  }
  for (const c of cases.invalid) {
    it(`invalid: ${c.name}`, async () => {
      expect(c.errors.length, 'an invalid case must expect at least one error').toBeGreaterThan(0);
      const rule = await loadRule(id);
      const allowed = Object.keys(rule.meta.messages);
      for (const e of c.errors) expect(allowed, `unknown messageId "${e.messageId}"; allowed: ${allowed.join(', ')}`).toContain(e.messageId);
      const found = await diagnose(id, c);
      const withFile = c.errors.some((e) => e.file);
      expect(
        found.map((d, i) => ({
          messageId: d.messageId,
          line: d.line,
          column: d.column,
          ...(withFile ? { file: d.file } : {}),
          ...(c.errors[i]?.data ? { data: c.errors[i]!.data } : {}),
        })),
      ).toEqual(c.errors.map((e) => ({ messageId: e.messageId, line: e.line, column: e.column, ...(e.file ? { file: e.file } : {}), ...(e.data ? { data: e.data } : {}) })));
      // data, when given, must be what the message was built from.
      for (const [i, e] of c.errors.entries()) {
        if (!e.data) continue;
        const template = (rule.meta.messages as Record<string, string>)[e.messageId]!;
        expect(found[i]!.message).toBe(template.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, k: string) => (k in e.data! ? String(e.data![k]) : m)));
      }
    });
  }
}
