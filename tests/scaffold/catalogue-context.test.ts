import { describe, expect, it } from 'vitest';
import { genericProfile } from '../../src/platforms/generic/profile.js';
import { shopifyProfile } from '../../src/platforms/shopify/profile.js';
import { connectorContext } from '../../src/scaffold/context.js';
import { FRAMEWORK_EXPORT_ACTION_MODELS } from '../../src/scaffold/catalogue.js';

const base = {
  name: 'acme',
  platform: genericProfile,
  auth: 'api_key' as const,
  apiUrl: 'https://api.example.com/v1',
  author: 'me',
  website: 'https://example.com',
  license: 'LGPL-3',
  webhooks: true,
};

describe('catalogue structure of products', () => {
  it('binds templates and variants in e-commerce connectors, the product sync listing templates', () => {
    const ctx = connectorContext({ ...base, type: 'ecommerce' }, '1.0.0');
    const product = ctx.bindings.find((b) => b.key === 'product')!;
    expect(product.binding).toBe('acme.product.product');
    expect(product.catalogue).toMatchObject({
      binding: 'acme.product.template',
      variantBinding: 'acme.product.product',
      templateBindField: 'acme_template_bind_ids',
      variantBindField: 'acme_variant_bind_ids',
      syncsTemplates: true,
      variantResource: 'variants',
    });
    const sync = ctx.syncEntities.find((s) => s.syncKey === 'products')!;
    expect(sync.binding).toBe('acme.product.template');
    // the inventory export stays on the variants
    expect(ctx.syncEntities.find((s) => s.inventory)!.binding).toBe('acme.product.product');
    // the variant binding maps no import of its own
    expect(product.onlyCreate).toBe(false);
  });

  it('reads the variant of an order line, then its product', () => {
    const ctx = connectorContext({ ...base, type: 'ecommerce' }, '1.0.0');
    const order = ctx.bindings.find((b) => b.key === 'order')!;
    expect(order.lines).toMatchObject({
      productBinding: 'acme.product.product',
      productResource: 'variants',
      productTemplateResource: 'products',
    });
  });

  it('keeps a flat product binding in other connector types', () => {
    const ctx = connectorContext({ ...base, type: 'logistics' }, '1.0.0');
    expect(ctx.bindings.find((b) => b.key === 'product')!.catalogue).toBe(false);
  });

  it('lists Shopify products and reads their variants as productVariants', () => {
    const ctx = connectorContext({ ...base, name: 'shopify', platform: shopifyProfile, type: 'ecommerce' }, '1.0.0');
    const product = ctx.bindings.find((b) => b.key === 'product')!;
    expect(product.resource).toBe('products');
    expect(product.catalogue).toMatchObject({ syncsTemplates: true, variantResource: 'productVariants' });
  });

  it('offers "Export to Connectors" on templates from the framework', () => {
    expect(FRAMEWORK_EXPORT_ACTION_MODELS).toContain('product.template');
  });
});
