/**
 * Stock export and scale (issue #10, items 4 and 8): the free-quantity export lives once in the
 * framework addon generic_connector_stock, each e-commerce profile writes `set_inventory_levels`;
 * imports and exports run on sub-channels with priorities; a synchronization reads one page per job.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runInit } from '../../src/commands/init.js';
import { runInitFramework } from '../../src/commands/init-framework.js';
import { memoryIo } from '../../src/io.js';
import { tempDir } from '../helpers/temp.js';

const root = tempDir('stock');
const read = (...parts: string[]) => readFileSync(join(root, ...parts), 'utf8');

beforeAll(() => {
  expect(runInitFramework({ path: 'framework' }, memoryIo(root))).toBe(0);
  const connectors: [string, Record<string, unknown>][] = [
    ['acme', { type: 'ecommerce' }],
    ['shopify', {}],
    ['woocommerce', {}],
    ['books', { type: 'accounting' }],
  ];
  for (const [name, options] of connectors) {
    const dir = join(root, name);
    mkdirSync(dir);
    const io = memoryIo(dir);
    expect(runInit(name, { path: '.', ...options }, io), io.stderr.join('\n')).toBe(0);
  }
});

describe('generic_connector_stock', () => {
  it('is a framework addon installed with stock, holding the export logic once', () => {
    const manifest = read('framework', 'generic_connector_stock', '__manifest__.py');
    expect(manifest).toMatch(/"depends": \[[^\]]*"generic_connector_product",\s+"stock",\s+\]/);
    expect(manifest).toContain('"auto_install": True');
    const mixin = read('framework', 'generic_connector_stock', 'models', 'generic_inventory_binding.py');
    expect(mixin).toContain('_name = "generic.inventory.binding.mixin"');
    expect(mixin).toContain('product.free_qty');
    expect(mixin).not.toContain('qty_available');
    expect(mixin).toContain('max(0, int(');
    expect(mixin).toContain('adapter.set_inventory_levels(levels)');
    const quant = read('framework', 'generic_connector_stock', 'models', 'stock_quant.py');
    expect(quant).toContain('def _update_available_quantity(');
    expect(quant).toContain('def _update_reserved_quantity(');
  });

  it.each(['acme', 'shopify', 'woocommerce'])('%s: the variant binding inherits the mixin and the connector depends on the addon', (name) => {
    const addon = `${name}_connector`;
    expect(read(name, addon, '__manifest__.py')).toContain('"generic_connector_stock"');
    const model = read(name, addon, 'models', 'product_product.py');
    expect(model).toMatch(new RegExp(`_inherit = \\[\\s+"${name}\\.product\\.product",\\s+"generic\\.inventory\\.binding\\.mixin",\\s+\\]`));
    expect(model).not.toContain('qty_available');
    const adapter = read(name, addon, 'components', 'product_product.py');
    expect(adapter).toContain('def set_inventory_levels(self, levels):');
    expect(adapter).not.toContain('def set_inventory_level(');
    expect(read(name, addon, 'tests', '__init__.py')).toContain('from . import test_inventory');
  });

  it('each profile sends its batch the way its API takes it', () => {
    const shopify = read('shopify', 'shopify_connector', 'components', 'product_product.py');
    expect(shopify).toContain('"quantities": changes');
    expect(shopify).toContain('"changeFromQuantity": None');
    const woo = read('woocommerce', 'woocommerce_connector', 'components', 'product_product.py');
    expect(woo).toContain('data={"update": batch}');
    expect(read('woocommerce', 'woocommerce_connector', 'models', 'product_product.py')).toContain('def _inventory_batch_key(self):');
    expect(read('acme', 'acme_connector', 'components', 'product_product.py')).toContain('self.post("inventory_levels/batch", data={"levels": levels})');
  });

  it('types without inventory neither depend on it nor test it', () => {
    expect(read('books', 'books_connector', '__manifest__.py')).not.toContain('generic_connector_stock');
    expect(read('books', 'books_connector', 'tests', '__init__.py')).not.toContain('test_inventory');
  });
});

describe('job channels and page jobs', () => {
  it.each(['acme', 'shopify', 'woocommerce'])('%s: imports and exports have sub-channels, orders their own', (name) => {
    const data = read(name, `${name}_connector`, 'data', 'queue_job_data.xml');
    for (const channel of ['import', 'export', 'orders', 'inventory']) {
      expect(data).toContain(`<field name="name">${channel}</field>`);
    }
    const functionOf = (method: string, model: string) => {
      const records = data.split('</record>').filter((record) => record.includes(`<field name="method">${method}</field>`));
      const record = records.find((text) => text.includes(`ref="model_${name}_${model}"`));
      return record?.match(/name="channel_id" ref="([^"]+)"/)?.[1];
    };
    expect(functionOf('import_record', 'sale_order')).toBe(`channel_${name}_import_orders`);
    expect(functionOf('import_record', 'res_partner')).toBe(`channel_${name}_import`);
    expect(functionOf('export_inventory', 'product_product')).toBe(`channel_${name}_export_inventory`);
    expect(functionOf('export_inventory_changes', 'product_product')).toBe(`channel_${name}_export_inventory`);
    expect(functionOf('import_page', 'backend')).toBe(`channel_${name}`);
    expect(read(name, `${name}_connector`, 'models', 'sale_order.py')).toContain('_import_priority = 5');
  });

  it('the accounting type gets the import and export channels without orders or inventory', () => {
    const data = read('books', 'books_connector', 'data', 'queue_job_data.xml');
    expect(data).toContain('id="channel_books_import"');
    expect(data).toContain('id="channel_books_export"');
    expect(data).not.toContain('channel_books_export_inventory');
  });

  it.each(['acme', 'shopify', 'woocommerce'])('%s: the adapter reads one page per call', (name) => {
    const adapter = read(name, `${name}_connector`, 'components', 'adapter.py');
    expect(adapter).toContain('_paginated_search = True');
    expect(adapter).toContain('def search_page(self, filters=None, page=None):');
  });

  it('the framework queues the next page and moves the checkpoint with the last one', () => {
    const backend = read('framework', 'generic_connector', 'models', 'generic_backend.py');
    expect(backend).toContain('def import_page(self, binding_model, filters, checkpoint_key, checkpoint, page):');
    expect(backend).toMatch(/if next_page:[\s\S]+\.import_page\([\s\S]+else:\s+self\._set_checkpoint\(checkpoint_key, checkpoint\)/);
    const importer = read('framework', 'generic_connector', 'components', 'importer.py');
    expect(importer).toContain('listed_data=record');
  });
});
