/**
 * add-binding on a WooCommerce connector renders with the WooCommerce templates: an entity the
 * profile implements is added, any other is refused before anything is written.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../../src/cli.js';
import { runAddBinding } from '../../../src/commands/add-binding.js';
import { runInit } from '../../../src/commands/init.js';
import { memoryIo } from '../../../src/io.js';
import { tempDir } from '../../helpers/temp.js';
import { readTree } from '../../helpers/tree.js';

function customersOnly(): string {
  const dir = tempDir('woocommerce-add-binding');
  mkdirSync(join(dir, 'out'));
  const io = memoryIo(join(dir, 'out'));
  expect(runInit('woocommerce', { entities: 'customer', path: '.' }, io), io.stderr.join('\n')).toBe(0);
  return join(dir, 'out', 'woocommerce_connector');
}

describe('add-binding on a WooCommerce connector', () => {
  it.each([
    ['invoice', []],
    ['purchase_order', ['--odoo-model', 'purchase.order', '--direction', 'both']],
  ])('refuses %s, which the profile does not implement', async (entity, options) => {
    const addon = customersOnly();
    const before = readTree(addon);
    const io = memoryIo(addon);
    const code = await run(['add-binding', addon, entity, ...options], io);
    expect(code).toBe(1);
    expect(io.stderr.join('\n')).toMatch(
      new RegExp(`${entity} is not implemented by the WooCommerce profile this connector was written with \\(it implements product, customer, order, inventory\\)`),
    );
    expect(readTree(addon)).toEqual(before);
  });

  it('adds products with the WooCommerce components', async () => {
    const addon = customersOnly();
    const io = memoryIo(addon);
    expect(await runAddBinding('product', undefined, {}, io), io.stderr.join('\n')).toBe(0);
    const tree = readTree(addon);
    expect(tree['components/product_product.py']).toContain('def product_values(product, variations=()):');
    expect(tree['models/product_product.py']).toContain('class WoocommerceProductTemplate(models.Model):');
    expect(tree['models/product_product.py']).toContain('external_parent_id = fields.Char(');
    expect(tree['tests/test_product_product.py']).toContain('wc_page(payloads.VARIATIONS)');
  });
});
