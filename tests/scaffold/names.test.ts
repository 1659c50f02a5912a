import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { connectorNames, plural, validateModelName } from '../../src/scaffold/names.js';

describe('connectorNames', () => {
  it.each([
    ['shopify', 'shopify', 'shopify_connector', 'Shopify', 'Shopify'],
    ['shopify_connector', 'shopify', 'shopify_connector', 'Shopify', 'Shopify'],
    ['my_shop', 'my_shop', 'my_shop_connector', 'My Shop', 'MyShop'],
    ['zid2', 'zid2', 'zid2_connector', 'Zid2', 'Zid2'],
  ])('%s gives prefix %s and module %s', (input, prefix, module, title, className) => {
    expect(connectorNames(input)).toEqual({ prefix, module, title, className });
  });

  it.each([
    ['Shopify', 'lowercase identifier'],
    ['2shop', 'lowercase identifier'],
    ['shop-ify', 'lowercase identifier'],
    ['shop"; import os', 'lowercase identifier'],
    ['shop\nx', 'lowercase identifier'],
    ['shop.ify', 'lowercase identifier'],
    ['shop ify', 'lowercase identifier'],
    ['', 'lowercase identifier'],
    ['class', 'reserved'],
    ['base', 'reserved'],
    ['generic', 'reserved'],
    ['_connector', 'lowercase identifier'],
    ['shop_connector_connector', 'without "_connector"'],
  ])('refuses %j', (input, message) => {
    expect(() => connectorNames(input)).toThrow(UsageError);
    expect(() => connectorNames(input)).toThrow(message);
  });
});

describe('validateModelName', () => {
  it.each(['res.partner', 'purchase.order', 'hr.employee', 'x_custom.model_2'])('accepts %s', (name) => {
    expect(validateModelName(name)).toBe(name);
  });
  it.each(['Res.Partner', 'res..partner', 'res.partner.', '.res', 'res partner', "res.partner'", 'res.2x'])(
    'refuses %j',
    (name) => {
      expect(() => validateModelName(name)).toThrow(UsageError);
    },
  );
});

describe('plural', () => {
  it.each([
    ['product', 'products'],
    ['category', 'categories'],
    ['address', 'addresses'],
    ['day', 'days'],
  ])('%s -> %s', (word, expected) => expect(plural(word)).toBe(expected));
});

describe('length limits', () => {
  it('accepts a 20-character name and refuses a longer one', () => {
    expect(connectorNames('abcdefghijklmnopqrst').prefix).toHaveLength(20);
    expect(() => connectorNames('abcdefghijklmnopqrstu')).toThrow(/at most 20 characters/);
  });
});
