/**
 * @fileoverview Builds the field-type table of the baseline models (src/apispec/odoo16-field-types.json):
 * for each field its Odoo type, its comodel and whether it is computed without an inverse
 * (read-only). The baseline catalog has field names only; the mapping needs the types. Run after
 * `npm run build`, on the same sources as the baseline:
 *   node dist/apispec/build-field-types.js <out.json> <addons-dir>...
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Addon } from '../odoo/addon.js';
import { findAddonDirs } from '../odoo/discovery.js';
import { litString, litStrings, type Lit } from '../odoo/python.js';

const baseline = JSON.parse(readFileSync(new URL('../odoo/baseline/odoo16.json', import.meta.url), 'utf8')) as { addons: { name: string }[] };

/** Keys of a literal selection list (`[("draft", "Quotation"), ...]`), comma-separated. */
function selectionKeys(lit: Lit | undefined): string {
  if (lit?.kind !== 'list') return '';
  const keys = (lit.items ?? []).map((item) => (item.kind === 'list' ? litString(item.items?.[0]) : undefined));
  return keys.every((k) => k !== undefined) ? keys.join(',') : '';
}

async function main(): Promise<void> {
  const [out, ...dirs] = process.argv.slice(2);
  if (!out || dirs.length === 0) throw new Error('usage: build-field-types <out.json> <addons-dir>...');
  const wanted = new Set(baseline.addons.map((a) => a.name));
  const models: Record<string, Record<string, string>> = {};
  const done = new Set<string>();
  for (const dir of findAddonDirs(dirs, process.cwd())) {
    const addon = new Addon(dir);
    if (!wanted.has(addon.name) || done.has(addon.name)) continue;
    done.add(addon.name);
    for (const file of addon.pythonFiles()) {
      for (const cls of (await addon.python(file)).classes) {
        const model = litString(cls.attrs._name) ?? litStrings(cls.attrs._inherit)?.[0];
        if (!model) continue;
        const table = (models[model] ??= {});
        for (const f of cls.fields) {
          const comodel = litString(f.args[0]?.kind === 'str' && /2/.test(f.type) ? f.args[0] : f.kwargs.comodel_name);
          const computed = (f.kwargs.compute || f.kwargs.related) && !f.kwargs.inverse && f.kwargs.readonly?.value !== false;
          const keys = f.type === 'Selection' ? selectionKeys(f.args[0]?.kind === 'list' ? f.args[0] : f.kwargs.selection) : '';
          table[f.name] = `${f.type.toLowerCase()}${comodel ? `:${comodel}` : ''}${keys ? `=${keys}` : ''}${computed ? '!' : ''}`;
        }
      }
    }
  }
  const sorted = Object.fromEntries(Object.keys(models).sort().map((m) => [m, models[m]!]));
  writeFileSync(out, `${JSON.stringify({ source: 'Odoo 16.0 core (odoo/odoo 16.0 snapshot c6b92e49), OCA/queue@20b0e932, OCA/connector@3dd7b3a1', models: sorted })}\n`);
  process.stdout.write(`${done.size} addons, ${Object.keys(models).length} models\n`);
}

await main();
