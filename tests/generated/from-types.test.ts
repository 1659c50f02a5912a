/**
 * add-binding --from-types: bindings mapped from an SDK's TypeScript declarations, through the
 * same proposal as --from-openapi. The grown addon passes the same quality checks as every other
 * output; the dry run shows the proposal and writes nothing; bad input writes nothing.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runInit } from '../../src/commands/init.js';
import { runInitFramework } from '../../src/commands/init-framework.js';
import { memoryIo } from '../../src/io.js';
import { run } from '../../src/cli.js';
import { compileErrors, csvErrors, installProblems, ruffFormatErrors, ruffLintErrors, xmlErrors } from '../helpers/quality.js';
import { tempDir } from '../helpers/temp.js';
import { readTree } from '../helpers/tree.js';

const root = tempDir('from-types');
const PAYMENTS = resolve('tests/fixtures/apispec/types/stripe-like.d.ts');
const SHOP = resolve('tests/fixtures/apispec/types/shop-like.d.ts');
const addon = join(root, 'acme', 'acme_connector');
// each add-binding --from-types starts the TypeScript compiler
const SLOW = { timeout: 120_000 };

async function cli(args: string[], cwd = addon): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo(cwd);
  const code = await run(args, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

beforeAll(async () => {
  mkdirSync(join(root, 'acme'), { recursive: true });
  expect(runInit('acme', { type: 'ecommerce', entities: 'product', path: '.' }, memoryIo(join(root, 'acme')))).toBe(0);
  for (const args of [
    ['customer', '--from-types', `${PAYMENTS}#Customer`],
    // a custom binding: its customer_id is resolved through the customers' binder
    ['shop_order', '--odoo-model', 'sale.order', '--from-types', `${SHOP}#Order`],
  ]) {
    const result = await cli(['add-binding', ...args]);
    expect(result.code, result.err).toBe(0);
  }
  mkdirSync(join(root, 'framework'));
  expect(runInitFramework({ path: join(root, 'framework') }, memoryIo(root))).toBe(0);
}, 180_000);

describe('add-binding --from-types', () => {
  it('writes the proposed mappings: nested address fields, dates, another binding\'s id through its binder', () => {
    const partner = readFileSync(join(addon, 'components/res_partner.py'), 'utf8');
    expect(partner).toContain('value = (record.get("address") or {}).get("city")');
    expect(partner).toContain('value = (record.get("address") or {}).get("postal_code")');
    const order = readFileSync(join(addon, 'components/sale_order.py'), 'utf8');
    expect(order).toContain('        value = record.get("processed_at")\n');
    expect(order).toContain('moment = datetime.fromisoformat(value.replace("Z", "+00:00"))');
    expect(order).toContain(
      '    @changed_by("partner_id")\n    @mapping\n    def customer_id(self, record):\n        if not record.partner_id:\n' +
        '            return {"customer_id": None}\n        binder = self.binder_for("acme.res.partner")\n' +
        '        return {"customer_id": binder.to_external(record.partner_id, wrap=True)}\n',
    );
    expect(order).toContain('        self._export_dependency(\n            self.binding.partner_id,\n            "acme.res.partner",\n        )\n');
  });

  it("maps a customer's own address shape onto the partner instead of the framework's billing/shipping addresses", () => {
    // the type has `address`, not billing_address/shipping_address: the framework's address import
    // (child contacts) would read keys this API does not send, and overwrite the mapped address
    const partner = readFileSync(join(addon, 'components/res_partner.py'), 'utf8');
    expect(partner).toContain('    _inherit = ["generic.import.mapper", "base.acme.connector"]\n');
    expect(partner).not.toContain('generic.partner.');
    expect(partner).toContain('value = (record.get("address") or {}).get("line1")');
    const test = readFileSync(join(addon, 'tests/test_res_partner.py'), 'utf8');
    expect(test).not.toContain('billing_address');
  });

  it('builds the test payload from the JSDoc examples and typed values', () => {
    const partner = readFileSync(join(addon, 'tests/test_res_partner.py'), 'utf8');
    expect(partner).toContain('    "address": {\n        "city": "Berlin",\n');
    const order = readFileSync(join(addon, 'tests/test_sale_order.py'), 'utf8');
    expect(order).toContain('    "name": "#1001",\n');
    expect(order).toMatch(/"processed_at": "\d{4}-\d\d-\d\dT/);
  });

  it('lists what it could not map in the binding row of the README, with types', () => {
    const readme = readFileSync(join(addon, 'README.rst'), 'utf8');
    expect(readme).toContain('Not mapped from Customer: ``object`` (enum (customer)): no field of res.partner by that name or a synonym');
    expect(readme).toContain('``metadata`` (object): a nested object: map it by hand');
    expect(readme).toContain('``line_items`` (array of object): a list');
  });

  it('compiles, passes Ruff lint and format, parses, installs structurally', SLOW, async () => {
    expect(await compileErrors(root)).toBe('');
    expect(ruffLintErrors(root)).toBe('');
    expect(ruffFormatErrors(root)).toBe('');
    expect(xmlErrors(root)).toEqual([]);
    expect(csvErrors(root)).toEqual([]);
    expect((await installProblems(root)).problems).toEqual([]);
  });

  it('validates without error', SLOW, async () => {
    const result = await cli(['validate', join(root, 'acme'), '--addons-path', join(root, 'framework'), '--format', 'json'], root);
    expect(result.code, result.out).toBe(0);
  });

  it('--dry-run shows the proposal and writes nothing; --json gives it', SLOW, async () => {
    const dir = join(root, 'dry');
    mkdirSync(dir);
    expect(runInit('acme', { type: 'ecommerce', entities: 'product,customer', path: '.' }, memoryIo(dir))).toBe(0);
    const target = join(dir, 'acme_connector');
    const before = readTree(target);
    const args = ['add-binding', 'order', '--from-types', `${SHOP}#Order`, '--dry-run'];
    const dry = await cli(args, target);
    expect(dry.code, dry.err).toBe(0);
    expect(dry.out).toContain(`Mapping proposal from ${SHOP}#Order onto sale.order:`);
    expect(dry.out).toContain('  processed_at (date-time) -> date_order (datetime, datetime)');
    expect(dry.out).toContain('  financial_status (enum (pending, paid, refunded)): not mapped, no field of sale.order by that name or a synonym');
    const json = await cli([...args, '--json'], target);
    const proposal = (JSON.parse(json.out) as { proposal: { mapped: { external: string; odoo: string; conversion: string }[] } }).proposal;
    expect(proposal.mapped.find((m) => m.external === 'customer_id')).toMatchObject({ odoo: 'partner_id', conversion: 'many2one' });
    expect(readTree(target)).toEqual(before);
  });

  it('refuses bad input naming the file and type, exit 2, nothing written', SLOW, async () => {
    const dir = join(root, 'bad');
    mkdirSync(dir);
    expect(runInit('acme', { type: 'ecommerce', entities: 'product', path: '.' }, memoryIo(dir))).toBe(0);
    const target = join(dir, 'acme_connector');
    const before = readTree(target);
    for (const [args, message] of [
      [['--from-types', `${SHOP}#Page`], `${SHOP}#Page is generic (<T>)`],
      [['--from-types', `${SHOP}#Invoice`], `${SHOP}: no interface, type alias or class named Invoice; exported types: FinancialStatus`],
      [['--from-types', join(dir, 'none.d.ts#Customer')], 'no such file'],
      [['--from-types', `${SHOP}#Order`, '--from-openapi', 'api.yaml'], '--from-openapi and --from-types both describe the resource: give one of them.'],
    ] as const) {
      const result = await cli(['add-binding', 'shopper', '--odoo-model', 'res.partner', ...args], target);
      expect(result.code).toBe(2);
      expect(result.err).toContain(message);
      expect(result.err).not.toMatch(/\n\s+at /);
    }
    expect(readTree(target)).toEqual(before);
  });
});
