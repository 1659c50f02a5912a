/**
 * Inputs large or deep enough to break code that spreads arrays into calls or recurses once per
 * element: validate must read them (or refuse them as Odoo would), never crash.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAddons } from '../../src/validate/engine.js';
import { tempDir } from '../helpers/temp.js';

const MANIFEST = (data: string[]): string => `{"name": "A", "version": "16.0.1.0.0", "license": "LGPL-3", "depends": ["base"], "data": ${JSON.stringify(data)}}\n`;

function addon(root: string, name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  for (const [rel, text] of Object.entries({ '__init__.py': '', ...files })) {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

/** `n` records of an unknown model, each defined twice, so every second one is a finding (4.6 MB for 70k, under the 5 MB cap). */
function manyRecords(n: number): string {
  const records: string[] = [];
  for (let i = 0; i < n; i++) records.push(`<record id="r${i.toString(36)}" model="x.y"/>`);
  return `<odoo>\n${records.join('\n')}\n${records.join('\n')}\n</odoo>\n`;
}

async function check(dirs: string[], cwd: string, only: string[], workers = 0): Promise<Awaited<ReturnType<typeof checkAddons>>> {
  return checkAddons(dirs, { cwd, only, workers });
}

describe('large and deep input', () => {
  it('reads a data file of 140k records and reports on every one of them', async () => {
    const root = tempDir('large-xml');
    const dir = addon(root, 'a', { '__manifest__.py': MANIFEST(['data/d.xml']), 'data/d.xml': manyRecords(70_000) });
    const r = await check([dir], root, ['xml-duplicate-id', 'xml-syntax']);
    expect(r.diagnostics).toHaveLength(70_000);
    expect(r.diagnostics[69_999]).toMatchObject({ ruleId: 'xml-duplicate-id', line: 140_001 });
    expect(manyRecords(70_000).length).toBeGreaterThan(4_000_000);
  });

  it('merges a worker thread with 210k findings', async () => {
    // The pool runs the compiled worker (dist/), built by `npm test`.
    const { checkAddons: checkBuilt } = (await import('../../dist/validate/engine.js')) as typeof import('../../src/validate/engine.js');
    const root = tempDir('large-pool');
    const quiet = addon(root, 'a', { '__manifest__.py': MANIFEST([]) });
    // Each of the 140k records names an unknown model, and half of them repeat an id: 210k findings.
    const loud = addon(root, 'b', { '__manifest__.py': MANIFEST(['data/d.xml']), 'data/d.xml': manyRecords(70_000) });
    const r = await checkBuilt([quiet, loud], { cwd: root, only: ['xml-duplicate-id', 'xml-unknown-model'], workers: 1 });
    expect(r.diagnostics).toHaveLength(210_000);
  });

  it('reads 1000 data files of one addon', async () => {
    const root = tempDir('many-files');
    const files: Record<string, string> = {};
    for (let i = 0; i < 1000; i++) files[`data/f${i}.xml`] = `<odoo><record id="r${i}" model="res.partner"/></odoo>`;
    const dir = addon(root, 'a', { ...files, '__manifest__.py': MANIFEST(Object.keys(files)) });
    const r = await check([dir], root, ['xml-syntax', 'xml-unknown-ref', 'xml-duplicate-id']);
    expect(r.diagnostics).toEqual([]);
  });

  it('reads menus nested 250 deep', async () => {
    const root = tempDir('deep-menu');
    let menus = '';
    for (let i = 0; i < 250; i++) menus += `<menuitem id="m${i}" name="m${i}">`;
    menus += '</menuitem>'.repeat(250);
    const dir = addon(root, 'a', { '__manifest__.py': MANIFEST(['menus.xml']), 'menus.xml': `<odoo>${menus}</odoo>` });
    const r = await check([dir], root, ['xml-syntax', 'xml-unknown-ref', 'xml-duplicate-id']);
    expect(r.diagnostics).toEqual([]);
  });

  it('accepts XML nested as deep as lxml does (257 levels), refuses deeper without crashing', async () => {
    const root = tempDir('deep-xml');
    const nest = (n: number): string => `<odoo>${'<data>'.repeat(n - 1)}${'</data>'.repeat(n - 1)}</odoo>`;
    const dir = addon(root, 'a', {
      '__manifest__.py': MANIFEST(['ok.xml', 'deep.xml', 'deeper.xml']),
      'ok.xml': nest(257),
      'deep.xml': nest(258),
      'deeper.xml': nest(100_000),
    });
    const r = await check([dir], root, ['xml-syntax', 'xml-record-outside-odoo', 'xml-unknown-ref']);
    expect(r.diagnostics.map((d) => `${d.file} ${d.ruleId}`)).toEqual(['a/deep.xml xml-syntax', 'a/deeper.xml xml-syntax']);
    expect(r.diagnostics[0]!.message).toMatch(/nested more than 256 levels deep, which lxml \(Odoo's XML parser\) refuses/);
  });

  it.each([
    // CPython refuses the deep ones too: a file Odoo cannot import is one python-syntax finding.
    ['a long sum', `x = ${Array(60_000).fill('a').join(' + ')}\n`, 'maximum recursion depth exceeded during compilation'],
    ['a chain of not', `x = ${'not '.repeat(60_000)}a\n`, 'maximum recursion depth exceeded during ast construction'],
    ['nested lists', `x = ${'['.repeat(60_000)}${']'.repeat(60_000)}\n`, 'too many nested parentheses'],
    ['nested calls', `x = ${'f('.repeat(30_000)}${')'.repeat(30_000)}\n`, 'too many nested parentheses'],
    ['an attribute chain', `x = a${'.b'.repeat(60_000)}\n`, 'maximum recursion depth exceeded during compilation'],
    ['3k model classes inheriting each other', Array.from({ length: 3_000 }, (_, i) => `class C${i}(models.Model):\n    _name = "m.${i}"\n    _inherit = "m.${i + 1}"\n`).join(''), undefined],
  ])('reads a Python file with %s, or refuses it as CPython does', async (_label, source, refusal) => {
    const root = tempDir('deep-py');
    const dir = addon(root, 'a', { '__manifest__.py': MANIFEST([]), '__init__.py': 'from . import m\n', 'm.py': `from odoo import models\n${source}` });
    const r = await check([dir], root, ['python-syntax', 'model-unknown-inherit', 'access-missing-row']);
    const syntax = r.diagnostics.filter((d) => d.ruleId === 'python-syntax').map((d) => `${d.file} ${d.message}`);
    expect(syntax).toEqual(refusal ? [`a/m.py Syntax error: ${refusal}.`] : []);
  });

  it('says a manifest nested deeper than Python reads is not a literal', async () => {
    const root = tempDir('deep-manifest');
    const dir = addon(root, 'a', { '__manifest__.py': `{"name": "A", "data": ${'['.repeat(50_000)}${']'.repeat(50_000)}}\n` });
    const r = await check([dir], root, ['manifest-syntax']);
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual(['manifest-syntax']);
  });
});
