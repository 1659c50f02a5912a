/**
 * Round trips: `init`, then `add-binding` of every catalogue entity the connector lacks and of
 * models outside the catalogue. The grown addons must be what `init` output is: compiling,
 * clean under Ruff's pycodestyle/pyflakes rules and formatter (and flake8/black when installed),
 * parsing, installable by the structural checks, clean under validate; and running every
 * add-binding again must change nothing.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAddBinding } from '../../src/commands/add-binding.js';
import { runInit } from '../../src/commands/init.js';
import { runInitFramework } from '../../src/commands/init-framework.js';
import { memoryIo } from '../../src/io.js';
import { run } from '../../src/cli.js';
import { TYPES } from '../helpers/presets.js';
import {
  blackErrors,
  compileErrors,
  csvErrors,
  flake8Errors,
  installProblems,
  optionalTool,
  ruffFormatErrors,
  ruffLintErrors,
  xmlErrors,
} from '../helpers/quality.js';
import { tempDir } from '../helpers/temp.js';
import { readTree } from '../helpers/tree.js';

const root = tempDir('add-binding');

/** What each connector type grows by (catalogue entities it lacks, then custom models). */
const GROWTH: Record<string, { entity: string; odooModel?: string; direction?: string }[]> = {
  ecommerce: [{ entity: 'invoice' }, { entity: 'shipment' }, { entity: 'purchase_order', odooModel: 'purchase.order', direction: 'both' }],
  logistics: [
    { entity: 'order' },
    { entity: 'payment' },
    { entity: 'employee', odooModel: 'hr.employee' },
    // Odoo 16 refuses to delete a warehouse (its routes' rules keep it)
    { entity: 'warehouse', odooModel: 'stock.warehouse' },
  ],
  accounting: [
    { entity: 'product' },
    { entity: 'lead' },
    { entity: 'task', odooModel: 'project.task', direction: 'import' },
    // a long model name: its export wizard's entry point stays within 88 columns
    { entity: 'analytic', odooModel: 'account.analytic.account' },
  ],
  crm: [{ entity: 'invoice' }, { entity: 'product' }, { entity: 'order' }, { entity: 'category', odooModel: 'product.category' }],
};

async function grow(addon: string, steps: (typeof GROWTH)[string]): Promise<void> {
  for (const step of steps) {
    const io = memoryIo(addon);
    const code = await runAddBinding(step.entity, undefined, { odooModel: step.odooModel, direction: step.direction }, io);
    expect(code, io.stderr.join('\n')).toBe(0);
  }
}

const [flake8, black] = await Promise.all([optionalTool('flake8'), optionalTool('black')]);

beforeAll(async () => {
  for (const type of TYPES) {
    const dir = join(root, type);
    mkdirSync(dir);
    expect(runInit('acme', { type, path: '.' }, memoryIo(dir))).toBe(0);
    await grow(join(dir, 'acme_connector'), GROWTH[type]!);
  }
  mkdirSync(join(root, 'framework'));
  expect(runInitFramework({ path: join(root, 'framework') }, memoryIo(root))).toBe(0);
});

describe('connectors grown by add-binding', () => {
  it('compile with python3', async () => expect(await compileErrors(root)).toBe(''));
  it('pass the pycodestyle and pyflakes rules at 88 columns (Ruff)', () => expect(ruffLintErrors(root)).toBe(''));
  it('are black-formatted (Ruff formatter)', () => expect(ruffFormatErrors(root)).toBe(''));
  it.skipIf(flake8.missing)(flake8.title, async () => expect(await flake8Errors(root)).toBe(''));
  it.skipIf(black.missing)(black.title, async () => expect(await blackErrors(root)).toBe(''));
  it('have XML and CSV files that parse', () => {
    expect(xmlErrors(root)).toEqual([]);
    expect(csvErrors(root)).toEqual([]);
  });
  it('satisfy the install invariants', async () => {
    const report = await installProblems(root);
    expect(report.problems).toEqual([]);
  });

  it.each(TYPES)('%s: validate reports no error', async (type) => {
    const io = memoryIo(root);
    const code = await run(['validate', join(root, type), '--addons-path', join(root, 'framework'), '--format', 'json'], io);
    const report = JSON.parse(io.stdout.join('\n')) as { results?: unknown[] } & Record<string, unknown>;
    expect(io.stdout.join('\n')).not.toMatch(/"severity": "error"/);
    expect(code, JSON.stringify(report).slice(0, 2000)).toBe(0);
  });

  it.each(TYPES)("%s: every test helper a test calls is defined (in its class or the addon's test case)", (type) => {
    const tests = join(root, type, 'acme_connector', 'tests');
    const common = readFileSync(join(tests, 'common.py'), 'utf8');
    for (const file of readdirSync(tests).filter((f) => f.startsWith('test_') && f.endsWith('.py'))) {
      const text = readFileSync(join(tests, file), 'utf8');
      const called = new Set([...text.matchAll(/self\.(_\w+)\(/g)].map((m) => m[1]!));
      const undefinedHelpers = [...called].filter((name) => !text.includes(`def ${name}(`) && !common.includes(`def ${name}(`));
      expect(undefinedHelpers, file).toEqual([]);
    }
  });

  it("exports a dependency through the binding the addon has for its model (a CRM's contact serves an invoice's customer)", () => {
    const test = readFileSync(join(root, 'crm', 'acme_connector', 'tests', 'test_account_move.py'), 'utf8');
    expect(test).toContain('("POST", "/contacts"): {"id": 2001}');
    expect(test).not.toContain('/customers');
  });

  it('tests the deletion of a custom binding through the binding alone when Odoo refuses to delete its record', () => {
    const test = readFileSync(join(root, 'logistics', 'acme_connector', 'tests', 'test_stock_warehouse.py'), 'utf8');
    // probed on a new record, in a savepoint rolled back either way, the database's refusal muted
    expect(test).toMatch(/def _odoo_deletes_such_records\(self\):[\s\S]*with closing\(self\.env\.cr\.savepoint\(\)\), mute_logger\("odoo\.sql_db"\):\n\s+self\._create_odoo_record\(\)\.unlink\(\)\n\s+except \(IntegrityError, UserError\):\n\s+return False/);
    const deletion = test.slice(test.indexOf('def test_deleting_the_record_deletes_it_on_the_backend'));
    expect(deletion).toMatch(/record = binding\.odoo_id\n\s+if not self\._odoo_deletes_such_records\(\):\n(\s+#.*\n)+\s+record = binding\n\s+with trap_jobs\(\) as trap:\n\s+record\.unlink\(\)/);
  });

  it.each(TYPES)('%s: running every add-binding again changes nothing', async (type) => {
    const addon = join(root, type, 'acme_connector');
    const before = readTree(addon);
    for (const step of GROWTH[type]!) {
      const io = memoryIo(addon);
      const code = await runAddBinding(step.entity, undefined, { odooModel: step.odooModel, direction: step.direction }, io);
      expect(code, io.stderr.join('\n')).toBe(0);
      expect(io.stdout.join('\n')).toMatch(/nothing to do/);
    }
    expect(readTree(addon)).toEqual(before);
  });
});
