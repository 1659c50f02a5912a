import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { genericProfile } from '../../src/platforms/generic/profile.js';
import { connectorContext, parseEntities } from '../../src/scaffold/context.js';

const base = {
  name: 'shopify',
  platform: genericProfile,
  auth: 'api_key' as const,
  apiUrl: 'https://api.example.com/v1',
  author: 'me',
  website: 'https://example.com',
  license: 'LGPL-3',
  webhooks: true,
};

describe('parseEntities', () => {
  it('uses the type preset by default', () => {
    expect(parseEntities('logistics', undefined)).toEqual(['shipment', 'product', 'customer']);
  });
  it('pulls in the entities an entity needs, before it', () => {
    expect(parseEntities('ecommerce', ['order'])).toEqual(['product', 'customer', 'order']);
    expect(parseEntities('ecommerce', ['inventory'])).toEqual(['product', 'inventory']);
  });
  it('refuses unknown entities and two bindings of one model', () => {
    expect(() => parseEntities('crm', ['lead', 'dragon'])).toThrow(UsageError);
    expect(() => parseEntities('crm', ['contact', 'customer'])).toThrow(/both bind res\.partner/);
  });
});

describe('connectorContext', () => {
  it('derives binding names, depends and sync entities from the catalogue', () => {
    const ctx = connectorContext({ ...base, type: 'ecommerce' }, '1.0.0');
    expect(ctx.module).toBe('shopify_connector');
    expect(ctx.bindings.map((b) => b.binding)).toEqual([
      'shopify.product.product',
      'shopify.res.partner',
      'shopify.sale.order',
    ]);
    expect(ctx.depends[0]).toBe('generic_connector');
    expect(ctx.depends).toEqual(expect.arrayContaining(['sale', 'stock']));
    expect(ctx.depends).not.toContain('base');
    expect(ctx.features.inventory).toBe(true);
    expect(ctx.bindings.find((b) => b.key === 'product')?.inventory).toBe(true);
    expect(ctx.syncEntities.map((s) => s.syncKey)).toContain('inventory');
    const order = ctx.bindings.find((b) => b.key === 'order')!;
    expect(order.dependencies[0]).toMatchObject({ entity: 'customer', binding: 'shopify.res.partner' });
    expect(order.lines).not.toBe(false);
  });
  it('sets exactly one auth flag', () => {
    for (const auth of ['api_key', 'bearer', 'basic', 'oauth2', 'hmac'] as const) {
      const ctx = connectorContext({ ...base, type: 'crm', auth }, '1.0.0');
      const flags = [ctx.auth.isApiKey, ctx.auth.isBearer, ctx.auth.isBasic, ctx.auth.isOauth2, ctx.auth.isHmac];
      expect(flags.filter(Boolean)).toHaveLength(1);
    }
  });
});

describe('entities standing for one another', () => {
  it('lets a contact stand for the customer an invoice needs', () => {
    expect(parseEntities('crm', ['lead', 'contact', 'invoice'])).toEqual(['lead', 'contact', 'invoice']);
    expect(parseEntities('crm', ['invoice', 'contact'])).toEqual(['invoice', 'contact']);
    const ctx = connectorContext({ ...base, type: 'crm', entities: ['contact', 'invoice'] }, '1.0.0');
    const invoice = ctx.bindings.find((b) => b.key === 'invoice')!;
    expect(invoice.dependencies.map((d) => d.binding)).toEqual(['shopify.res.partner']);
  });
});
