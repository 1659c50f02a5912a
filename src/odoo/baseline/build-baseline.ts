/**
 * @fileoverview Builds the baseline data file (names only: models, fields, methods, xml ids) from
 * checked-out Odoo 16 core and OCA sources. Run after `npm run build`:
 *   node dist/odoo/baseline/build-baseline.js <odoo/models.py> <out.json> <addons-dir>...
 * The output is committed as src/odoo/baseline/odoo16.json; no source code is copied.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Addon, type AddonSummary } from '../addon.js';
import { findAddonDirs } from '../discovery.js';
import { parsePython } from '../python.js';

const ROOTS = ['base', 'mail', 'product', 'sale', 'stock', 'account', 'crm', 'purchase', 'queue_job', 'component', 'component_event', 'connector', 'sale_management', 'sale_stock', 'purchase_stock', 'stock_account', 'hr', 'project', 'contacts', 'website', 'website_sale', 'delivery', 'uom', 'analytic', 'web'];

async function main(): Promise<void> {
  const [modelsPy, out, ...dirs] = process.argv.slice(2);
  if (!modelsPy || !out || dirs.length === 0) throw new Error('usage: build-baseline <models.py> <out.json> <addons-dir>...');
  const byName = new Map<string, Addon>();
  for (const d of findAddonDirs(dirs, process.cwd())) {
    const a = new Addon(d);
    if (!byName.has(a.name)) byName.set(a.name, a);
  }
  const chosen = new Map<string, AddonSummary>();
  const stack = [...ROOTS];
  while (stack.length) {
    const n = stack.pop()!;
    if (chosen.has(n) || !byName.has(n)) continue;
    const s = await byName.get(n)!.summary();
    // Demo ids are known too, so references to them never raise a false error.
    const demoIds: string[] = [];
    const a = byName.get(n)!;
    for (const e of (await a.manifest()).demo) for (const d of a.definedIds(e.value)) demoIds.push(d.id);
    const slim: AddonSummary = {
      name: s.name,
      depends: s.depends,
      models: s.models.map(({ file: _f, line: _l, ...rest }) => rest),
      xmlids: [...new Set([...s.xmlids, ...demoIds])],
      ...(s.dynamicIds ? { dynamicIds: true } : {}),
      ...(s.opaqueModels ? { opaqueModels: true } : {}),
      ...(s.autoInstall ? { autoInstall: true } : {}),
      ...(s.components ? { components: s.components } : {}),
    };
    chosen.set(n, slim);
    for (const d of s.depends) stack.push(d);
  }
  const py = await parsePython(readFileSync(modelsPy, 'utf8'));
  const baseModel = py.classes.find((c) => c.name === 'BaseModel');
  const baseModelMethods = [...new Set(baseModel?.methods.map((m) => m.name) ?? [])].sort();
  const data = { source: 'Odoo 16 core (Martel-IT/odoo-16-core@50f9c1b4), OCA/connector@3dd7b3a1, OCA/queue@20b0e932', baseModelMethods, addons: [...chosen.values()].sort((x, y) => x.name.localeCompare(y.name)) };
  writeFileSync(out, `${JSON.stringify(data)}\n`);
  process.stdout.write(`${chosen.size} addons, ${baseModelMethods.length} BaseModel methods\n`);
}

await main();
