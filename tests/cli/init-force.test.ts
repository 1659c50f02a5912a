/**
 * init --force over an addon grown by add-binding keeps what was added after init: recorded
 * bindings (with their options and API descriptions), the entities init chose, and the user's
 * registry lines. A binding nothing records, or a description no longer there, is a refusal, not
 * a silent drop.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runInit } from '../../src/commands/init.js';
import { memoryIo } from '../../src/io.js';
import { runChild, runInProcess } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import { readTree, snapshotTree } from '../helpers/tree.js';

const root = tempDir('init-force');
const FIXTURES = resolve('tests/fixtures/apispec');
// add-binding --from-types starts the TypeScript compiler
const SLOW = { timeout: 120_000 };
const grown = join(root, 'grown');
let counter = 0;

/** A crm connector grown with a catalogue binding, a custom one and the user's own module. */
beforeAll(async () => {
  mkdirSync(grown);
  expect(runInit('acme', { type: 'crm', entities: 'lead,contact', path: '.' }, memoryIo(grown))).toBe(0);
  const addon = join(grown, 'acme_connector');
  for (const args of [['add-binding', 'invoice'], ['add-binding', 'employee', '--odoo-model', 'hr.employee', '--external-name', 'v2/staff', '--direction', 'both']]) {
    const result = await runInProcess(args, addon);
    expect(result.exitCode, result.stderr).toBe(0);
  }
  writeFileSync(join(addon, 'models', '__init__.py'), `${readFileSync(join(addon, 'models', '__init__.py'), 'utf8')}from . import custom\n`);
  writeFileSync(join(addon, 'models', 'custom.py'), 'CUSTOM = 1\n');
  writeFileSync(join(addon, 'security', 'ir.model.access.csv'), `${readFileSync(join(addon, 'security', 'ir.model.access.csv'), 'utf8')}access_custom_user,custom,base.model_res_partner,,1,0,0,0\n`);
});

const freshGrown = (): { dir: string; addon: string } => {
  const dir = join(root, `d${counter++}`);
  cpSync(grown, dir, { recursive: true });
  return { dir, addon: join(dir, 'acme_connector') };
};

describe('init --force over a grown addon', () => {
  it.each([
    ['the same options', ['--type', 'crm']],
    ['another auth style', ['--type', 'crm', '--auth', 'oauth2']],
    ['--entities naming fewer entities than init chose', ['--type', 'crm', '--entities', 'lead']],
  ])('with %s keeps every binding, their options and the user lines', async (_label, extra) => {
    const { dir, addon } = freshGrown();
    const result = await runInProcess(['init', 'acme', '--force', ...extra], dir);
    expect(result.exitCode, result.stderr).toBe(0);
    const tree = readTree(addon);
    for (const file of ['crm_lead', 'account_move', 'hr_employee']) {
      expect(tree['__manifest__.py']).toContain(`"views/acme_${file}_views.xml"`);
      expect(tree['models/__init__.py']).toContain(`from . import ${file}`);
      expect(tree['components/__init__.py']).toContain(`from . import ${file}`);
      expect(tree['security/ir.model.access.csv']).toContain(`access_acme_${file}_user`);
      expect(tree['views/acme_menus.xml']).toContain(`menu_acme_${file}`);
    }
    expect(tree['__manifest__.py']).toMatch(/"depends": \[[^\]]*"account"[^\]]*"hr"/);
    expect(tree['models/__init__.py']).toContain('from . import custom\n');
    expect(tree['security/ir.model.access.csv']).toContain('access_custom_user,custom,base.model_res_partner,,1,0,0,0');
    expect(tree['components/hr_employee.py']).toContain('_resource = "v2/staff"');
    expect(tree['models/acme_backend.py']).toContain('def sync_employees(');
    expect(JSON.parse(tree['.odoo-connector.json']!).added).toEqual([
      { entity: 'invoice', odooModel: 'account.move' },
      { entity: 'employee', odooModel: 'hr.employee', externalName: 'v2/staff', direction: 'both' },
    ]);
    // and add-binding still sees them as complete
    for (const entity of ['invoice']) {
      const again = await runInProcess(['add-binding', entity], addon);
      expect(again.stdout).toMatch(/already in acme_connector: nothing to do/);
    }
  });

  it('over an e-commerce connector keeps the product template binding that comes with the products', async () => {
    const dir = join(root, `d${counter++}`);
    mkdirSync(dir);
    expect(runInit('shop', { type: 'ecommerce', entities: 'product,customer', path: '.' }, memoryIo(dir))).toBe(0);
    const addon = join(dir, 'shop_connector');
    const before = readTree(addon);
    const result = await runInProcess(['init', 'shop', '--type', 'ecommerce', '--entities', 'product,customer', '--force'], dir);
    expect(result.exitCode, result.stderr).toBe(0);
    const after = readTree(addon);
    expect(before['models/product_product.py']).toContain('_name = "shop.product.template"');
    for (const [path, content] of Object.entries(before)) {
      if (path !== 'views/shop_menus.xml') expect(after[path], path).toBe(content);
    }
  });

  it('with the same options is a no-op apart from menu order', async () => {
    const { dir, addon } = freshGrown();
    const before = readTree(addon);
    const result = await runChild(['init', 'acme', '--type', 'crm', '--force'], dir);
    expect(result.exitCode, result.stderr).toBe(0);
    const after = readTree(addon);
    for (const [path, content] of Object.entries(before)) {
      if (path !== 'views/acme_menus.xml') expect(after[path], path).toBe(content);
    }
  });

  it('refuses a binding that .odoo-connector.json does not record, changing nothing; recording it lifts the refusal', async () => {
    const { dir, addon } = freshGrown();
    const config = join(addon, '.odoo-connector.json');
    const stored = JSON.parse(readFileSync(config, 'utf8')) as Record<string, unknown>;
    delete stored.added;
    stored.entities = ['lead', 'contact'];
    writeFileSync(config, JSON.stringify(stored));
    const before = snapshotTree(dir);
    const refused = await runInProcess(['init', 'acme', '--type', 'crm', '--force'], dir);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toMatch(/models\/(account_move|hr_employee)\.py: the binding acme\.(account\.move|hr\.employee) is not recorded in \.odoo-connector\.json/);
    expect(refused.stderr).toMatch(/add-binding <entity> --odoo-model/);
    expect(snapshotTree(dir)).toEqual(before);

    for (const args of [['add-binding', 'invoice', '--force'], ['add-binding', 'employee', '--odoo-model', 'hr.employee', '--external-name', 'v2/staff', '--force']]) {
      const recorded = await runInProcess(args, addon);
      expect(recorded.exitCode, recorded.stderr).toBe(0);
    }
    const result = await runInProcess(['init', 'acme', '--type', 'crm', '--force'], dir);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(readFileSync(join(addon, 'models', '__init__.py'), 'utf8')).toMatch(/account_move[\s\S]*hr_employee|hr_employee[\s\S]*account_move/);
  });

  it('without .odoo-connector.json, refuses the bindings beyond the type preset, saying how to proceed', async () => {
    const { dir, addon } = freshGrown();
    rmSync(join(addon, '.odoo-connector.json'));
    const before = snapshotTree(dir);
    const result = await runInProcess(['init', 'acme', '--type', 'crm', '--force'], dir);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/is not recorded in \.odoo-connector\.json[\s\S]*There is no \.odoo-connector\.json to record it in: move its files away/);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('refuses a malformed "added" record, naming the file', async () => {
    const { dir, addon } = freshGrown();
    const config = join(addon, '.odoo-connector.json');
    writeFileSync(config, JSON.stringify({ ...JSON.parse(readFileSync(config, 'utf8')), added: [{ entity: 1 }] }));
    const before = snapshotTree(dir);
    const result = await runInProcess(['init', 'acme', '--type', 'crm', '--force'], dir);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/\.odoo-connector\.json: "added" must be a list/);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('maps the bindings added from an API description from it again, found relative to the addon', SLOW, async () => {
    const repo = join(root, `d${counter++}`);
    mkdirSync(join(repo, 'specs'), { recursive: true });
    cpSync(join(FIXTURES, 'shop.yaml'), join(repo, 'specs', 'shop.yaml'));
    cpSync(join(FIXTURES, 'types', 'stripe-like.d.ts'), join(repo, 'specs', 'stripe-like.d.ts'));
    expect(runInit('shop', { type: 'ecommerce', entities: 'product,customer', path: 'addons' }, memoryIo(repo))).toBe(0);
    const grownAddon = join(repo, 'addons', 'shop_connector');
    for (const args of [
      // paths relative to where add-binding runs: a catalogue entity, and one replacing init's
      ['add-binding', 'order', '--from-openapi', '../../specs/shop.yaml'],
      ['add-binding', 'customer', '--force', '--from-types', '../../specs/stripe-like.d.ts#Payments.Customer'],
    ]) {
      const added = await runInProcess(args, grownAddon);
      expect(added.exitCode, added.stderr).toBe(0);
    }
    expect(JSON.parse(readFileSync(join(grownAddon, '.odoo-connector.json'), 'utf8')).added).toEqual([
      { entity: 'order', odooModel: 'sale.order', fromOpenapi: '../../specs/shop.yaml' },
      // rewritten over init's own: init --force renders it first (what it shares comes with it)
      { entity: 'customer', odooModel: 'res.partner', overInit: true, fromTypes: '../../specs/stripe-like.d.ts#Payments.Customer' },
    ]);
    // the repository moves (a fresh clone elsewhere), and init --force runs from another folder
    const moved = join(root, `d${counter++}`);
    cpSync(repo, moved, { recursive: true });
    const addon = join(moved, 'addons', 'shop_connector');
    const before = readTree(addon);
    expect(before['components/sale_order.py']).toContain('record.get("placed_at")');
    expect(before['components/res_partner.py']).toContain('(record.get("address") or {}).get("city")');
    const result = await runInProcess(['init', 'shop', '--type', 'ecommerce', '--force', '--path', 'addons'], moved);
    expect(result.exitCode, result.stderr).toBe(0);
    const after = readTree(addon);
    expect(after).toEqual(before);

    // a description no longer where the record says: refused, naming the record, nothing written
    rmSync(join(moved, 'specs', 'shop.yaml'));
    const snapshot = snapshotTree(moved);
    const refused = await runInProcess(['init', 'shop', '--type', 'ecommerce', '--force', '--path', 'addons'], moved);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain(
      `${join(addon, '.odoo-connector.json')}: the order binding was mapped from ../../specs/shop.yaml (relative to the addon), which init --force reads again`,
    );
    expect(refused.stderr).toMatch(/Restore the description there, or correct or remove "fromOpenapi" in that record/);
    expect(snapshotTree(moved)).toEqual(snapshot);
  });

  it('renders an init binding rewritten by add-binding --force with init\'s, then the record over it: a no-op', async () => {
    const dir = join(root, `d${counter++}`);
    mkdirSync(dir);
    expect(runInit('acme', { type: 'crm', path: '.' }, memoryIo(dir))).toBe(0);
    const addon = join(dir, 'acme_connector');
    const rewritten = await runInProcess(['add-binding', 'contact', '--force', '--direction', 'import'], addon);
    expect(rewritten.exitCode, rewritten.stderr).toBe(0);
    const before = readTree(addon);
    expect(JSON.parse(before['.odoo-connector.json']!).added).toEqual([{ entity: 'contact', odooModel: 'res.partner', overInit: true, direction: 'import' }]);
    const result = await runInProcess(['init', 'acme', '--type', 'crm', '--force'], dir);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(readTree(addon)).toEqual(before);
  });
});
