import { cpSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { structuredPatch } from 'diff';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAddBinding } from '../../src/commands/add-binding.js';
import { runInit } from '../../src/commands/init.js';
import { memoryIo } from '../../src/io.js';
import { planAddBinding } from '../../src/scaffold/binding-plan.js';
import type { FileOps } from '../../src/scaffold/changeset.js';
import { readConnectorAddon } from '../../src/scaffold/connector-addon.js';
import { runChild, runInProcess } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import { readTree } from '../helpers/tree.js';

const root = tempDir('cli-add-binding');
const pristine = join(root, 'pristine');
let counter = 0;

/** A fresh copy of a crm connector (lead, contact) written by init. */
function freshAddon(): string {
  const dir = join(root, String(counter++));
  cpSync(pristine, dir, { recursive: true });
  return join(dir, 'acme_connector');
}

beforeAll(() => {
  mkdirSync(pristine);
  expect(runInit('acme', { type: 'crm', path: '.' }, memoryIo(pristine))).toBe(0);
});

interface Scenario {
  name: string;
  /** Arguments; `{addon}` is replaced by the addon's path. */
  args: string[];
  /** Folder to run in, relative to the addon ('' = the addon, '..' = its parent). */
  cwd?: string;
  exitCode: number;
  stdout?: RegExp;
  stderr?: RegExp;
  /** The addon must be byte-identical afterwards. */
  unchanged?: boolean;
  setup?: (addon: string) => void;
}

const scenarios: Scenario[] = [
  { name: 'adds a catalogue entity from inside the addon', args: ['add-binding', 'invoice'], exitCode: 0, stdout: /CREATE models\/account_move\.py/ },
  { name: 'finds the addon from a folder below it', args: ['add-binding', 'invoice'], cwd: 'models', exitCode: 0, stdout: /Added acme\.account\.move/ },
  { name: 'takes the addon path as first argument', args: ['add-binding', 'acme_connector', 'invoice'], cwd: '..', exitCode: 0, stdout: /UPDATE __manifest__\.py/ },
  {
    name: 'adds a model outside the catalogue',
    args: ['add-binding', 'employee', '--odoo-model', 'hr.employee'],
    exitCode: 0,
    stdout: /Added acme\.hr\.employee \(hr\.employee, export\)/,
  },
  {
    name: 'prints a unified diff in a dry run and writes nothing',
    args: ['add-binding', 'invoice', '--dry-run'],
    exitCode: 0,
    stdout: /--- a\/__manifest__\.py[\s\S]*\+\s+"views\/acme_account_move_views\.xml",[\s\S]*--dry-run: no changes were made/,
    unchanged: true,
  },
  { name: 'prints JSON', args: ['add-binding', 'invoice', '--dry-run', '--json'], exitCode: 0, stdout: /"binding": "acme\.account\.move"/, unchanged: true },
  { name: 'refuses a folder that is no addon', args: ['add-binding', '/', 'invoice'], exitCode: 1, stderr: /is not an Odoo addon: no __manifest__\.py/, unchanged: true },
  {
    name: 'refuses a broken manifest, naming it',
    args: ['add-binding', 'invoice'],
    setup: (addon) => writeFileSync(join(addon, '__manifest__.py'), '{"name": "x", "data": [\n'),
    exitCode: 1,
    stderr: /__manifest__\.py:\d+:\d+: the manifest is not a Python dict literal/,
  },
  {
    name: 'refuses an addon that is not a connector',
    args: ['add-binding', 'invoice'],
    setup: (addon) => writeFileSync(join(addon, '__manifest__.py'), '{"name": "x", "depends": ["base"], "data": []}\n'),
    exitCode: 1,
    stderr: /not a connector addon: "depends" does not list generic_connector/,
  },
  { name: 'refuses an invalid entity name', args: ['add-binding', 'Bad-Name'], exitCode: 2, stderr: /Entity name "Bad-Name" is invalid/, unchanged: true },
  { name: 'refuses an invalid model name', args: ['add-binding', 'x', '--odoo-model', 'res..partner'], exitCode: 2, stderr: /Odoo model "res\.\.partner" is invalid/, unchanged: true },
  { name: 'asks for the model of an entity outside the catalogue', args: ['add-binding', 'employee'], exitCode: 2, stderr: /give the Odoo model with --odoo-model/, unchanged: true },
  { name: 'refuses a feature entity', args: ['add-binding', 'inventory'], exitCode: 2, stderr: /is a feature of the product binding/, unchanged: true },
  { name: 'refuses an entity whose prerequisites are missing', args: ['add-binding', 'order'], exitCode: 1, stderr: /order needs the product binding: run "add-binding product" first/, unchanged: true },
  { name: 'refuses a second binding of a bound model', args: ['add-binding', 'customer'], exitCode: 1, stderr: /acme\.res\.partner already exists/, unchanged: true },
  {
    name: 'says so when the binding is already complete',
    args: ['add-binding', 'lead'],
    exitCode: 0,
    stdout: /acme\.crm\.lead is already in acme_connector: nothing to do/,
    unchanged: true,
  },
  {
    name: 'refuses to touch an edited binding without --force',
    args: ['add-binding', 'lead'],
    setup: (addon) => writeFileSync(join(addon, 'components', 'crm_lead.py'), '# mine\n'),
    exitCode: 1,
    stderr: /the binding acme\.crm\.lead already exists \(components\/crm_lead\.py differ/,
  },
  {
    name: 'rewrites an edited binding with --force',
    args: ['add-binding', 'lead', '--force'],
    setup: (addon) => writeFileSync(join(addon, 'components', 'crm_lead.py'), '# mine\n'),
    exitCode: 0,
    stdout: /UPDATE components\/crm_lead\.py/,
  },
  {
    name: 'refuses a connector without the shared components init writes',
    args: ['add-binding', 'invoice'],
    setup: (addon) => writeFileSync(join(addon, 'components', 'importer.py'), ''),
    exitCode: 1,
    stderr: /no component named acme\.record\.importer, acme\.batch\.importer/,
  },
];

for (const [mode, runner] of [
  ['in-process', runInProcess],
  ['child process', runChild],
] as const) {
  describe(`add-binding (${mode})`, () => {
    it.each(scenarios.map((s) => [s.name, s] as const))('%s', async (_name, scenario) => {
      const addon = freshAddon();
      scenario.setup?.(addon);
      const before = readTree(addon);
      const result = await runner(scenario.args, join(addon, scenario.cwd ?? ''));
      expect(result.exitCode, `${result.stdout}\n${result.stderr}`).toBe(scenario.exitCode);
      if (scenario.stdout) expect(result.stdout).toMatch(scenario.stdout);
      if (scenario.stderr) expect(result.stderr).toMatch(scenario.stderr);
      expect(result.stderr).not.toMatch(/\n\s+at .*:\d+:\d+\)?\n/);
      if (scenario.unchanged || scenario.exitCode !== 0) expect(readTree(addon)).toEqual(before);
    });
  });
}

/** Lines of `before` that the change removed or altered (it should only add). */
function removedLines(before: string, after: string): string[] {
  return structuredPatch('a', 'b', before, after, undefined, undefined, { context: 0 }).hunks.flatMap((hunk) =>
    hunk.lines.filter((line) => line.startsWith('-')),
  );
}

describe('add-binding brings what init writes with the entity', () => {
  it('updates the files of other bindings that use it, unless they were edited', async () => {
    const dir = join(root, `shipment-${counter++}`);
    mkdirSync(dir);
    expect(runInit('acme', { type: 'logistics', entities: 'shipment', path: '.' }, memoryIo(dir))).toBe(0);
    const addon = join(dir, 'acme_connector');
    const component = join(addon, 'components', 'stock_picking.py');
    const pristineComponent = readFileSync(component, 'utf8');
    const test = join(addon, 'tests', 'test_stock_picking.py');
    writeFileSync(test, `${readFileSync(test, 'utf8')}# ours\n`);
    const io = memoryIo(addon);
    expect(await runAddBinding('customer', undefined, {}, io), io.stderr.join('\n')).toBe(0);
    // untouched: the shipment exporter now sends its recipient, as init writes it with customers
    expect(readFileSync(component, 'utf8')).not.toBe(pristineComponent);
    expect(readFileSync(component, 'utf8')).toContain('def recipient_id(self, record):');
    // edited: left as it was, with a note
    expect(readFileSync(test, 'utf8')).toMatch(/# ours\n$/);
    expect(readFileSync(test, 'utf8')).not.toContain('recipient_id');
    expect(io.stdout.join('\n') + io.stderr.join('\n')).toMatch(/tests\/test_stock_picking\.py: init writes it differently with customer/);
  });

  it('adds the backend field and form field of an entity', async () => {
    const dir = join(root, `order-${counter++}`);
    mkdirSync(dir);
    expect(runInit('acme', { type: 'ecommerce', entities: 'product,customer', path: '.' }, memoryIo(dir))).toBe(0);
    const addon = join(dir, 'acme_connector');
    const io = memoryIo(addon);
    expect(await runAddBinding('order', undefined, {}, io), io.stderr.join('\n')).toBe(0);
    expect(readFileSync(join(addon, 'models', 'acme_backend.py'), 'utf8')).toMatch(
      /help="Address to register on Acme for the webhooks\.",\n {4}\)\n {4}guest_partner_id = fields\.Many2one\(\n/,
    );
    // the order settings of generic_connector_sale's backend mixin, which the order's model file adds
    expect(readFileSync(join(addon, 'views', 'acme_backend_views.xml'), 'utf8')).toMatch(
      /<field name="guest_partner_id" \/>\n\s+<field name="order_confirm_rule" \/>\n[\s\S]*<field name="fee_product_id" \/>\n\s+<field name="active" invisible="1" \/>/,
    );
    expect(readFileSync(join(addon, 'models', 'sale_order.py'), 'utf8')).toContain(
      '    _name = "acme.backend"\n    _inherit = [\n        "acme.backend",\n        "generic.sale.backend.mixin",\n    ]\n',
    );
  });
});

describe('tests add-binding writes for models it has no fixtures of', () => {
  it('claim a posting export only where the binding listens to the state', async () => {
    const addon = freshAddon();
    const invoice = await runInProcess(['add-binding', 'invoice'], addon);
    expect(invoice.exitCode, invoice.stderr).toBe(0);
    const posting = readFileSync(join(addon, 'tests', 'test_account_move.py'), 'utf8');
    // the invoice listens to state and re-sends its number (name) when posted
    expect(posting).toMatch(/def test_posting_exports_the_number\(self\):[\s\S]*kwargs\["json"\]\.get\("number"\)[\s\S]*assertIn\(binding\.name, sent\)/);
    const custom = freshAddon();
    const result = await runInProcess(['add-binding', 'vendor_bill', '--odoo-model', 'account.move'], custom);
    expect(result.exitCode, result.stderr).toBe(0);
    const test = readFileSync(join(custom, 'tests', 'test_account_move.py'), 'utf8');
    // a custom binding listens to name only: posting queues no export, so no test says it does
    expect(test).toContain('def _create_odoo_record(self):');
    expect(test).not.toContain('test_posting');
  });

  it('build required relations anew, leave delegated parents to Odoo and keep values distinct', async () => {
    const addon = freshAddon();
    const result = await runInProcess(['add-binding', 'employee', '--odoo-model', 'hr.employee'], addon);
    expect(result.exitCode, result.stderr).toBe(0);
    const test = readFileSync(join(addon, 'tests', 'test_hr_employee.py'), 'utf8');
    expect(test).toMatch(/^import itertools\nfrom contextlib import closing\n\nfrom psycopg2 import IntegrityError\n\nfrom odoo import fields\nfrom odoo.exceptions import UserError\nfrom odoo.tools import mute_logger\n/);
    expect(test).toContain('if field.type == "many2one" and field.delegate:\n            return False');
    // a new record first, an existing one of the same company only as a fallback
    expect(test).toMatch(/with self\.env\.cr\.savepoint\(\):\n\s+return self\._create_generic_record\(model_name, depth \+ 1\)[\s\S]*\("company_id", "in", \[False, company_id\]\)/);
    expect(test).toContain('"Test Employee %s" % next(self._sequence)');
    expect(test).not.toMatch(/search\(\[\], limit=1\)/);
  });
});

describe('add-binding on hand-edited addons', () => {
  it('inserts without touching comments, quoting, extra keys, CRLF or order', async () => {
    const addon = freshAddon();
    const manifest = readFileSync(join(addon, '__manifest__.py'), 'utf8')
      .replace(/"/g, "'")
      .replace("'installable': True,", "'installable': True,\n    # kept by hand\n    'maintainers': ['me'],");
    writeFileSync(join(addon, '__manifest__.py'), `# -*- coding: utf-8 -*-\n${manifest}`);
    writeFileSync(join(addon, 'models', '__init__.py'), `# our models\n${readFileSync(join(addon, 'models', '__init__.py'), 'utf8')}# end\n`);
    const acl = join(addon, 'security', 'ir.model.access.csv');
    writeFileSync(acl, readFileSync(acl, 'utf8').replace(/\n/g, '\r\n'));
    const menus = join(addon, 'views', 'acme_menus.xml');
    writeFileSync(menus, readFileSync(menus, 'utf8').replace('<odoo>', '<odoo>\n    <!-- our menus -->'));
    const backend = join(addon, 'models', 'acme_backend.py');
    writeFileSync(backend, readFileSync(backend, 'utf8').replace('    def _get_sync_entities(self):', '    # entities we sync\n    def _get_sync_entities(self):'));
    const before = readTree(addon);

    const io = memoryIo(addon);
    expect(await runAddBinding('invoice', undefined, {}, io), io.stderr.join('\n')).toBe(0);
    const after = readTree(addon);

    for (const [path, content] of Object.entries(before)) {
      // .odoo-connector.json is the tool's own record: its entities line is rewritten
      if (after[path] === content || path === '.odoo-connector.json') continue;
      expect(removedLines(content, after[path]!), path).toEqual([]);
    }
    expect(after['__manifest__.py']).toContain("        'views/acme_account_move_views.xml',\n");
    expect(after['__manifest__.py']).toContain("'account'");
    expect(after['__manifest__.py']).toContain("    # kept by hand\n    'maintainers': ['me'],");
    expect(after['security/ir.model.access.csv']).toMatch(/\r\naccess_acme_account_move_user,[^\n]*\r\n/);
    expect(after['security/ir.model.access.csv']).not.toMatch(/[^\r]\n/);
    expect(after['models/__init__.py']).toMatch(/^# our models\n[\s\S]*from \. import account_move {2}# noqa: F401\n# end\n$/);
  });

  it('grows the README.md of an addon written by an older version', async () => {
    const addon = freshAddon();
    rmSync(join(addon, 'README.rst'));
    const legacy = [
      '# Acme Connector',
      '',
      '| Entity | Odoo model | Binding model | Direction | Sync keys | Notes |',
      '| --- | --- | --- | --- | --- | --- |',
      '| Lead | `crm.lead` | `acme.crm.lead` | import | `leads` |  |',
      '',
      '## Synchronizations',
      '',
      '- `sync_leads` (Import Leads, every 30 minutes): lists the leads changed.',
      '',
      '## Tests',
      '',
    ].join('\n');
    writeFileSync(join(addon, 'README.md'), legacy);
    const io = memoryIo(addon);
    expect(await runAddBinding('product', undefined, {}, io), io.stderr.join('\n')).toBe(0);
    const after = readFileSync(join(addon, 'README.md'), 'utf8');
    expect(removedLines(legacy, after)).toEqual([]);
    expect(after).toContain('| `acme.crm.lead` | import | `leads` |  |\n| Product | `product.product` | `acme.product.product` | import and export | `products` |');
    expect(after).toMatch(/30 minutes\): lists the leads changed\.\n- `sync_products` \(Import Products, every hour\): lists the products/);
    expect(readTree(addon)['README.rst']).toBeUndefined();
  });

  it('notes what it could not add to a README without its anchors', async () => {
    const addon = freshAddon();
    writeFileSync(join(addon, 'README.rst'), 'Acme\n====\n\nOurs.\n');
    const io = memoryIo(addon);
    expect(await runAddBinding('product', undefined, {}, io), io.stderr.join('\n')).toBe(0);
    expect(readFileSync(join(addon, 'README.rst'), 'utf8')).toBe('Acme\n====\n\nOurs.\n');
    expect(io.stdout.join('\n') + io.stderr.join('\n')).toMatch(/README\.rst: add its row in the entity table and its synchronizations of acme\.product\.product yourself/);
  });

  it('follows a manifest whose data list is on one line', async () => {
    const addon = freshAddon();
    const path = join(addon, '__manifest__.py');
    const source = readFileSync(path, 'utf8');
    const oneLine = source.replace(/"data": \[([\s\S]*?)\],/, (_m, items: string) => `"data": [${items.trim().split(/,\s*/).filter(Boolean).join(', ')}],`);
    writeFileSync(path, oneLine);
    const io = memoryIo(addon);
    expect(await runAddBinding('invoice', undefined, {}, io), io.stderr.join('\n')).toBe(0);
    const after = readFileSync(path, 'utf8');
    // where init puts it: after the backend views, by name
    expect(after).toMatch(/"data": \[[^\n]*"views\/acme_backend_views\.xml", "views\/acme_account_move_views\.xml", "views\/acme_crm_lead_views\.xml", /);
    expect(removedLines(oneLine, after).filter((line) => !line.includes('"data"') && !line.includes('"depends"'))).toEqual([]);
  });

  it('reads an addon without .odoo-connector.json from its models', async () => {
    const addon = freshAddon();
    rmSync(join(addon, '.odoo-connector.json'));
    const info = await readConnectorAddon(addon);
    expect(info).toMatchObject({ prefix: 'acme', fromConfig: false, backendFile: 'models/acme_backend.py' });
    expect(info.bindings.map((b) => b.model).sort()).toEqual(['acme.crm.lead', 'acme.res.partner']);
    const result = await runInProcess(['add-binding', 'invoice'], addon);
    expect(result.exitCode, result.stderr).toBe(0);
  });

  it('adds the new binding to components restricted with _apply_on', async () => {
    const addon = freshAddon();
    const binder = join(addon, 'components', 'binder.py');
    writeFileSync(binder, readFileSync(binder, 'utf8').replace('    _name = "acme.binder"\n', '    _name = "acme.binder"\n    _apply_on = ["acme.crm.lead", "acme.res.partner"]\n'));
    const result = await runInProcess(['add-binding', 'invoice'], addon);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(readFileSync(binder, 'utf8')).toContain('_apply_on = ["acme.crm.lead", "acme.res.partner", "acme.account.move"]');
  });
});

describe('add-binding crash safety', () => {
  it.each([1, 4, 9])('leaves the addon byte-identical when write number %i fails', async (failAt) => {
    const addon = freshAddon();
    const before = readTree(addon);
    const plan = await planAddBinding(await readConnectorAddon(addon), { entity: 'invoice' }, { force: false, version: '0.0.0' });
    let writes = 0;
    const ops: FileOps = {
      writeFile: (path, content) => {
        if (++writes === failAt) throw new Error('disk full');
        writeFileSync(path, content);
      },
      rename: (from, to) => {
        if (++writes === failAt) throw new Error('rename failed');
        renameSync(from, to);
      },
    };
    expect(() => plan.changes.commit(ops)).toThrow();
    expect(readTree(addon)).toEqual(before);
  });
});
