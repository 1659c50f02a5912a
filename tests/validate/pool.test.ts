/**
 * The worker pool hands addons out from a shared queue and lets a thread check addons another one
 * summarised: every addon must be checked exactly once, with the same findings as a run in one
 * thread, whatever the number of threads.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp.js';

const MANIFEST = (depends: string[]): string => `{"name": "A", "version": "16.0.1.0.0", "license": "LGPL-3", "depends": ${JSON.stringify(depends)}, "data": ["data/d.xml"]}\n`;

function addon(root: string, name: string, depends: string[], records: number): string {
  const dir = join(root, name);
  mkdirSync(join(dir, 'data'), { recursive: true });
  writeFileSync(join(dir, '__init__.py'), '');
  writeFileSync(join(dir, '__manifest__.py'), MANIFEST(depends));
  // Each record is defined twice (xml-duplicate-id) and references the previous addon's first record.
  const body: string[] = [];
  for (let i = 0; i < records; i++) body.push(`<record id="r${i}" model="res.partner"><field name="parent_id" ref="${depends[0] ?? 'base'}.r0"/></record>`);
  writeFileSync(join(dir, 'data', 'd.xml'), `<odoo>\n${body.join('\n')}\n${body.join('\n')}\n</odoo>\n`);
  return dir;
}

describe('worker pool', () => {
  it('checks every addon once, with the findings of a single-thread run', async () => {
    // The pool runs the compiled worker (dist/), built by `npm test`.
    const { checkAddons } = (await import('../../dist/validate/engine.js')) as typeof import('../../src/validate/engine.js');
    const root = tempDir('pool');
    // Addons of very different sizes, each depending on the one before (refs across addons).
    const dirs: string[] = [];
    for (let i = 0; i < 12; i++) dirs.push(addon(root, `m${i}`, i ? [`m${i - 1}`] : ['base'], i % 3 === 0 ? 400 : 3));
    const only = ['xml-duplicate-id', 'xml-unknown-ref', 'xml-ref-undeclared-depend'];
    const serial = await checkAddons(dirs, { cwd: root, only, workers: 0 });
    expect(serial.diagnostics.filter((d) => d.ruleId === 'xml-duplicate-id')).toHaveLength(4 * 400 + 8 * 3);
    for (const workers of [1, 2]) {
      const pooled = await checkAddons(dirs, { cwd: root, only, workers });
      expect(pooled.diagnostics).toEqual(serial.diagnostics);
      expect(pooled.addonCount).toBe(12);
    }
  });

  it('reads again the texts rules need raw, for the same findings as a single-thread run', async () => {
    const { checkAddons } = (await import('../../dist/validate/engine.js')) as typeof import('../../src/validate/engine.js');
    const root = tempDir('pool-texts');
    const dirs: string[] = [];
    for (let i = 0; i < 6; i++) {
      const dir = addon(root, `t${i}`, i ? [`t${i - 1}`] : ['base'], 2);
      // A blank between tags is lxml's text, which only the source shows; an inline disable
      // silences the first duplicate.
      const view = `<record id="v" model="ir.ui.view"><field name="model">res.partner</field><field name="arch" type="xml"><form><i class="fa fa-check"> </i><i class="fa fa-times"/></form></field></record>`;
      writeFileSync(join(dir, 'data', 'd.xml'), `<odoo>\n${view}\n<!-- odoo-connector: disable=xml-duplicate-id -->\n<record id="r0" model="res.partner"/>\n<record id="r0" model="res.partner"/>\n</odoo>\n`);
      dirs.push(dir);
    }
    const serial = await checkAddons(dirs, { cwd: root, workers: 0 });
    expect(serial.diagnostics.filter((d) => d.ruleId === 'view-accessibility')).toHaveLength(6);
    expect(serial.diagnostics.filter((d) => d.ruleId === 'xml-duplicate-id')).toHaveLength(6);
    for (const workers of [1, 2]) expect((await checkAddons(dirs, { cwd: root, workers })).diagnostics).toEqual(serial.diagnostics);
  });

  it('sees knowledge addons in the serial order: of two copies of a name, the later one counts', async () => {
    const { checkAddons } = (await import('../../dist/validate/engine.js')) as typeof import('../../src/validate/engine.js');
    const root = tempDir('pool-knowledge');
    // Two --addons-path folders with an addon `k` each, defining different ids.
    const copy = (folder: string, id: string): void => {
      const dir = join(root, folder, 'k');
      mkdirSync(join(dir, 'data'), { recursive: true });
      writeFileSync(join(dir, '__init__.py'), '');
      writeFileSync(join(dir, '__manifest__.py'), MANIFEST(['base']));
      writeFileSync(join(dir, 'data', 'd.xml'), `<odoo><record id="${id}" model="res.partner"/></odoo>\n`);
    };
    copy('early', 'only_early');
    copy('late', 'only_late');
    const dirs: string[] = [];
    for (let i = 0; i < 6; i++) {
      const dir = join(root, 'checked', `m${i}`);
      mkdirSync(join(dir, 'data'), { recursive: true });
      writeFileSync(join(dir, '__init__.py'), '');
      writeFileSync(join(dir, '__manifest__.py'), MANIFEST(['k']));
      writeFileSync(join(dir, 'data', 'd.xml'), '<odoo><record id="r" model="res.partner"><field name="parent_id" ref="k.only_early"/></record><record id="s" model="res.partner"><field name="parent_id" ref="k.only_late"/></record></odoo>\n');
      dirs.push(dir);
    }
    const options = { cwd: root, only: ['xml-unknown-ref'], addonsPath: ['early', 'late'] };
    const serial = await checkAddons(dirs, { ...options, workers: 0 });
    expect(serial.diagnostics.map((d) => d.message).filter((m) => m.includes('only_late'))).toEqual([]);
    expect(serial.diagnostics.filter((d) => d.message.includes('only_early'))).toHaveLength(6);
    for (const workers of [1, 2]) expect((await checkAddons(dirs, { ...options, workers })).diagnostics).toEqual(serial.diagnostics);
  });
});
