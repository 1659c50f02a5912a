/**
 * @fileoverview Builds the baseline data files from an Odoo 16 source tree and OCA repositories:
 *   npm run baseline -- [--out file] [--source text] /path/to/odoo /path/to/oca/queue ...
 * The first path is an Odoo checkout (odoo/models.py, addons/, odoo/addons/); the others are
 * addons folders. `source` in the output names the trees and their commits (git HEAD when the
 * tree is a git checkout, else --source). Three files, written next to `--out`:
 *   odoo16.json         names only (models, fields and the comodels of relational fields,
 *                       methods, xml ids), loaded by every run;
 *   odoo16-fields.json  what each core field declaration says (type, label, related...), and
 *   odoo16-views.json   the core views' arches without text, both read only when a rule asks
 *                       (core-facts.ts). No source code is copied: names and facts only.
 * The checked-in files were built from plain copies of the sources named in odoo16.json with
 *   npm run baseline -- --source "<the source string already in odoo16.json>" \
 *     /path/to/odoo /path/to/oca/queue /path/to/oca/connector
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { AddonContext } from '../../validate/context.js';
import { viewArches } from '../../validate/view-arch.js';
import { Addon, type AddonSummary } from '../addon.js';
import { Catalog } from '../catalog.js';
import { findAddonDirs } from '../discovery.js';
import type { FieldFacts } from '../field-facts.js';
import { parsePython } from '../python.js';
import { encodeArch, FIELDS_FILE, VIEWS_FILE, type CoreFieldsData, type CoreView, type CoreViewsData } from './core-facts.js';

const ROOTS = ['base', 'mail', 'product', 'sale', 'stock', 'account', 'crm', 'purchase', 'queue_job', 'component', 'component_event', 'connector', 'sale_management', 'sale_stock', 'purchase_stock', 'stock_account', 'hr', 'project', 'contacts', 'website', 'website_sale', 'delivery', 'uom', 'analytic', 'web'];

/**
 * Addons whose Python module names are kept (`from odoo.addons.queue_job.job import …` in
 * connectors is checked against them); the rest of Odoo's Python names would double the file.
 */
const PY_MODULE_ADDONS = new Set(['queue_job', 'component', 'component_event', 'connector']);

async function main(): Promise<void> {
  const { odoo, oca, out, source } = parseArgs(process.argv.slice(2));
  const modelsPy = join(odoo, 'odoo', 'models.py');
  const dirs = [join(odoo, 'addons'), join(odoo, 'odoo', 'addons'), ...oca];
  const byName = new Map<string, Addon>();
  for (const d of findAddonDirs(dirs, process.cwd())) {
    const a = new Addon(d);
    if (!byName.has(a.name)) byName.set(a.name, a);
  }
  const chosen = new Map<string, AddonSummary>();
  const fields: CoreFieldsData['addons'] = {};
  const views: CoreViewsData['views'] = {};
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
      // SQL constraints matter only along binding chains (connector addons, not the baseline);
      // field facts (labels, types) would triple the file: the baseline keeps names only.
      models: s.models.map(({ file: _f, line: _l, sqlConstraints: _c, fieldFacts: _ff, ...rest }) => rest),
      xmlids: [...new Set([...s.xmlids, ...demoIds])],
      ...(s.dynamicIds ? { dynamicIds: true } : {}),
      ...(s.opaqueModels ? { opaqueModels: true } : {}),
      ...(s.autoInstall ? { autoInstall: true } : {}),
      ...(s.components ? { components: s.components } : {}),
      ...(s.pyModules && PY_MODULE_ADDONS.has(n) ? { pyModules: s.pyModules } : {}),
    };
    chosen.set(n, slim);
    fields[n] = s.models.map((d) => [d.model, d.fieldFacts ?? ({} as Record<string, FieldFacts>)]);
    Object.assign(views, await coreViews(a));
    for (const d of s.depends) stack.push(d);
  }
  const py = await parsePython(readFileSync(modelsPy, 'utf8'));
  const baseModel = py.classes.find((c) => c.name === 'BaseModel');
  const baseModelMethods = [...new Set(baseModel?.methods.map((m) => m.name) ?? [])].sort();
  const data = { source: source ?? [odoo, ...oca].map(describeTree).join(', '), baseModelMethods, addons: [...chosen.values()].sort((x, y) => x.name.localeCompare(y.name)) };
  writeFileSync(out, `${JSON.stringify(data)}\n`);
  const sorted = <T>(r: Record<string, T>): Record<string, T> => Object.fromEntries(Object.entries(r).sort(([x], [y]) => x.localeCompare(y)));
  writeFileSync(join(dirname(out), FIELDS_FILE), `${JSON.stringify({ source: data.source, addons: sorted(fields) })}\n`);
  writeFileSync(join(dirname(out), VIEWS_FILE), `${JSON.stringify({ source: data.source, views: sorted(views) })}\n`);
  process.stdout.write(`${chosen.size} addons, ${baseModelMethods.length} BaseModel methods, ${Object.keys(views).length} views\n`);
}

/** The addon's views with an arch Odoo validates, by qualified id (refs qualified too). */
async function coreViews(addon: Addon): Promise<Record<string, CoreView>> {
  const ctx = new AddonContext(addon, new Catalog([], undefined), await addon.manifest(), false);
  const qualify = (ref: string): string => (ref.includes('.') ? ref : `${addon.name}.${ref}`);
  const out: Record<string, CoreView> = {};
  for (const v of await viewArches(ctx)) {
    if (!v.record.id) continue;
    out[qualify(v.record.id)] = { ...(v.inherit ? { inherit: qualify(v.inherit) } : {}), ...(v.model ? { model: v.model } : {}), arch: encodeArch(v.root, addon.name) };
  }
  return out;
}

const USAGE = 'usage: npm run baseline -- [--out file.json] [--source text] /path/to/odoo [/path/to/oca-repo ...]';

function parseArgs(argv: string[]): { odoo: string; oca: string[]; out: string; source?: string } {
  let out = join(import.meta.dirname, '..', '..', '..', 'src', 'odoo', 'baseline', 'odoo16.json');
  let source: string | undefined;
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--out' || a === '--source') {
      const v = argv[++i];
      if (!v) throw new Error(USAGE);
      if (a === '--out') out = resolve(v);
      else source = v;
    } else paths.push(resolve(a));
  }
  const [odoo, ...oca] = paths;
  if (!odoo || !existsSync(join(odoo, 'odoo', 'models.py'))) throw new Error(`${USAGE}\n(the first path must hold odoo/models.py)`);
  return { odoo, oca, out, ...(source ? { source } : {}) };
}

/** `name@commit` of a tree when it is a git checkout, else its folder name. */
function describeTree(dir: string): string {
  try {
    const head = execFileSync('git', ['-C', dir, 'rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return `${basename(dir)}@${head.slice(0, 8)}`;
  } catch {
    return `${basename(dir)} (not a git checkout: pass --source)`;
  }
}

try {
  await main();
} catch (e) {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exitCode = 2;
}
