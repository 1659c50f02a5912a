/**
 * @fileoverview Guards the rule set as ESLint's checkRuleFiles does: each rule file's id equals its
 * file name, is registered, has a test file and a section in references/rules.md, and every
 * section of rules.md belongs to a rule.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRule, ruleIds } from '../../src/validate/rules/index.js';

const root = join(import.meta.dirname, '..', '..');
const files = readdirSync(join(root, 'src/validate/rules')).filter((f) => f.endsWith('.ts') && f !== 'index.ts');
const ids = files.map((f) => basename(f, '.ts'));
const sections = [...readFileSync(join(root, 'references/rules.md'), 'utf8').matchAll(/^## (.+)$/gm)].map((m) => m[1]!.trim());

describe('rule set guard', () => {
  it.each(ids)('%s: id, registry, test, docs', async (id) => {
    const rule = await loadRule(id);
    expect(rule.meta.id).toBe(id);
    expect(ruleIds).toContain(id);
    expect(existsSync(join(root, 'tests/validate/rules', `${id}.test.ts`)), `tests/validate/rules/${id}.test.ts`).toBe(true);
    expect(sections, `references/rules.md#${id}`).toContain(id);
    for (const key of Object.keys(rule.meta.messages)) expect(key, 'messageIds are camelCase').toMatch(/^[a-z][a-zA-Z]*$/);
  });
  it('registers exactly the rule files', () => {
    expect([...ruleIds].sort()).toEqual([...ids].sort());
  });
  it('documents only rules, each once', () => {
    expect([...sections].sort()).toEqual([...ids].sort());
  });
  it('has no test file without a rule', () => {
    const tests = readdirSync(join(root, 'tests/validate/rules')).map((f) => f.replace(/\.test\.ts$/, ''));
    expect(tests.filter((t) => !ids.includes(t))).toEqual([]);
  });
});
