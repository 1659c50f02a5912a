/**
 * Platform profiles: the registry's choices, and templates layered over the generic ones (a file
 * of the profile replaces the generic file of the same path; its partials replace by name).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { genericProfile } from '../../src/platforms/generic/profile.js';
import { defaultPlatformFor, PLATFORM_KEYS, platformHelp, platformProfile } from '../../src/platforms/registry.js';
import { connectorContext, profileCatalogue } from '../../src/scaffold/context.js';
import { ENTITY_CATALOGUE } from '../../src/scaffold/catalogue.js';
import { handlebarsEnv, partialsRoot } from '../../src/scaffold/handlebars-env.js';
import { renderTemplateDir } from '../../src/scaffold/render.js';
import { tempDir } from '../helpers/temp.js';

function writeTree(root: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

describe('platform registry', () => {
  it('gives the generic profile to names that are no platform', () => {
    expect(defaultPlatformFor('acme').key).toBe('generic');
    expect(defaultPlatformFor('acme_connector')).toBe(genericProfile);
  });
  it('refuses an unknown --platform with the valid values, prototype keys included', () => {
    for (const key of ['magento2', 'constructor', '__proto__', 'toString']) {
      expect(() => platformProfile(key)).toThrow(UsageError);
    }
    expect(() => platformProfile('nope')).toThrow(/Valid values: .*generic/);
  });
  it('lists every platform in the help', () => {
    for (const key of PLATFORM_KEYS) expect(platformHelp()).toContain(`  ${key} `);
  });
  it('merges a profile\'s entity overrides into the catalogue without touching it', () => {
    const catalogue = profileCatalogue({ entityOverrides: { product: { resource: 'items' } } });
    expect(catalogue.product!.resource).toBe('items');
    expect(catalogue.product!.odooModel).toBe('product.product');
    expect(ENTITY_CATALOGUE.product!.resource).toBe('products');
    expect(catalogue.customer).toBe(ENTITY_CATALOGUE.customer);
  });
});

describe('layered templates', () => {
  it('lets a later root replace a file and add others', () => {
    const dir = tempDir('layers');
    writeTree(join(dir, 'generic'), { 'a.txt.hbs': 'generic {{x}}', 'b.txt': 'kept' });
    writeTree(join(dir, 'platform'), { 'a.txt.hbs': 'platform {{x}}', 'c.txt.hbs': 'added' });
    const files = renderTemplateDir([join(dir, 'generic'), join(dir, 'platform')], { x: 1 });
    expect(files.map((f) => [f.path, f.content])).toEqual([
      ['a.txt', 'platform 1'],
      ['b.txt', 'kept'],
      ['c.txt', 'added'],
    ]);
  });
  it('lets a later partial root replace a partial by name and keep the others', () => {
    const dir = tempDir('layers');
    writeTree(dir, { 'entity/readme_row.md.hbs': 'overridden {{x}}' });
    const env = handlebarsEnv([partialsRoot, dir]);
    expect(env.compile('{{> entity/readme_row}}', { noEscape: true, strict: true })({ x: 2 })).toBe('overridden 2');
    expect(env.partials['entity/acl_rows']).toBeDefined();
    expect(handlebarsEnv().partials['entity/readme_row']).not.toBe(env.partials['entity/readme_row']);
  });
});

describe('a connector named after its platform', () => {
  it('is titled as the platform spells itself; another name keeps its own title', () => {
    const options = {
      type: 'ecommerce' as const,
      auth: 'basic' as const,
      apiUrl: 'https://shop.example.com',
      author: 'me',
      website: 'https://example.com',
      license: 'LGPL-3',
      webhooks: true,
      platform: platformProfile('woocommerce'),
    };
    expect(connectorContext({ ...options, name: 'woocommerce' }, '1.0.0').title).toBe('WooCommerce');
    expect(connectorContext({ ...options, name: 'mystore' }, '1.0.0').title).toBe('Mystore');
  });
});
