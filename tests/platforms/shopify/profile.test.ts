/**
 * The Shopify profile: its data, its place in the registry, and what `init shopify` writes
 * (GraphQL adapter, shop-domain webhook routing, API version default); validate finds nothing
 * in the generated addon. The generated Odoo tests (GraphQL-shaped fixtures) run on Odoo.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAddBinding } from '../../../src/commands/add-binding.js';
import { runInit } from '../../../src/commands/init.js';
import { runInitFramework } from '../../../src/commands/init-framework.js';
import { memoryIo } from '../../../src/io.js';
import { findAddonDirs } from '../../../src/odoo/discovery.js';
import { defaultPlatformFor, PLATFORM_KEYS, platformHelp, platformProfile } from '../../../src/platforms/registry.js';
import { SHOPIFY_API_VERSION, SHOPIFY_MAX_PAGE_SIZE, shopifyProfile } from '../../../src/platforms/shopify/profile.js';
import { profileCatalogue } from '../../../src/scaffold/context.js';
import { checkAddons } from '../../../src/validate/engine.js';
import { tempDir } from '../../helpers/temp.js';

const repoRoot = join(import.meta.dirname, '..', '..', '..');

describe('the Shopify profile', () => {
  it('is picked by the shopify name, with or without _connector', () => {
    expect(PLATFORM_KEYS).toContain('shopify');
    expect(defaultPlatformFor('shopify')).toBe(shopifyProfile);
    expect(defaultPlatformFor('shopify_connector')).toBe(shopifyProfile);
    expect(platformProfile('shopify')).toBe(shopifyProfile);
    expect(platformHelp()).toMatch(/ {2}shopify +Shopify: GraphQL Admin API/);
  });

  it('speaks GraphQL with an access token, 250-record pages and base64 webhooks', () => {
    expect(shopifyProfile.transport).toBe('graphql');
    expect(shopifyProfile.auth).toEqual(['api_key']);
    expect(shopifyProfile.types).toEqual(['ecommerce']);
    expect(shopifyProfile.pageSize).toBe(SHOPIFY_MAX_PAGE_SIZE);
    expect(SHOPIFY_MAX_PAGE_SIZE).toBe(250);
    expect(shopifyProfile.webhook).toEqual({
      signatureHeader: 'X-Shopify-Hmac-Sha256',
      encoding: 'base64',
      topicHeader: 'X-Shopify-Topic',
      idHeader: 'X-Shopify-Webhook-Id',
    });
    expect(shopifyProfile.apiUrl).toBe(`https://your-shop.myshopify.com/admin/api/${SHOPIFY_API_VERSION}/graphql.json`);
  });

  it('defaults to a quarterly API version, the same in the backend and the tests it writes', () => {
    expect(SHOPIFY_API_VERSION).toMatch(/^\d{4}-(01|04|07|10)$/);
    const platform = join(repoRoot, 'templates', 'platforms', 'shopify');
    const templates = join(platform, 'connector');
    const backend = readFileSync(join(platform, 'partials', 'platform', 'backend_imports.py.hbs'), 'utf8');
    const common = readFileSync(join(templates, 'tests', 'common.py.hbs'), 'utf8');
    expect(backend).toContain(`DEFAULT_API_VERSION = "${SHOPIFY_API_VERSION}"`);
    expect(common).toContain(`API_VERSION = "${SHOPIFY_API_VERSION}"`);
  });

  it('lists products and reads their variants, the catalogue untouched otherwise', () => {
    const catalogue = profileCatalogue(shopifyProfile);
    expect(catalogue.product!.resource).toBe('products');
    expect(catalogue.product!.catalogue).toEqual({ sync: 'template', variantResource: 'productVariants' });
    expect(catalogue.product!.odooModel).toBe('product.product');
    expect(catalogue.order!.webhookEvents).toEqual(['orders/create', 'orders/updated', 'orders/cancelled']);
    expect(catalogue.customer!.resource).toBe('customers');
  });
});

describe('init shopify', () => {
  let root: string;
  const read = (path: string): string => readFileSync(join(root, 'addons', 'shopify_connector', path), 'utf8');

  beforeAll(() => {
    root = tempDir('shopify');
    const io = memoryIo(root);
    expect(runInitFramework({ path: 'addons' }, io), io.stderr.join('\n')).toBe(0);
    expect(runInit('shopify', { path: 'addons' }, io), io.stderr.join('\n')).toBe(0);
    expect(io.stdout.join('\n')).toContain('Platform profile: Shopify');
  });

  it('records the profile for add-binding', () => {
    const config = JSON.parse(read('.odoo-connector.json')) as { platform: string; auth: string };
    expect(config.platform).toBe('shopify');
    expect(config.auth).toBe('api_key');
  });

  it('writes a GraphQL adapter: access token header, THROTTLED without a try spent, userErrors, cursors', () => {
    const adapter = read('components/adapter.py');
    expect(adapter).toContain('ACCESS_TOKEN_HEADER = "X-Shopify-Access-Token"');
    // THROTTLED goes to generic.adapter, which waits or postpones the job with ignore_retry
    expect(adapter).toMatch(/def _is_throttled\(self, response, payload\):[\s\S]*"THROTTLED" not in codes[\s\S]*_restore_seconds/);
    expect(adapter).toContain('result.get("userErrors")');
    expect(adapter).toContain('pageInfo {');
    expect(adapter).toContain(`"updated_at:>'%sZ'"`);
    expect(adapter).not.toContain('api_key_header');
  });

  it('writes per-entity queries and mutations of the current API', () => {
    const product = read('components/product_product.py');
    expect(product).toContain('productVariant(id: $id)');
    expect(product).toContain('productVariantsBulkUpdate(productId: $productId, variants: $variants)');
    expect(product).toContain('inventorySetQuantities(input: $input) @idempotent(key: $idempotencyKey)');
    expect(product).toContain('"changeFromQuantity": None');
    expect(read('components/res_partner.py')).toContain('defaultEmailAddress {');
    expect(read('components/sale_order.py')).toContain('originalUnitPriceSet {');
  });

  it('routes webhooks by shop domain and handles app/uninstalled', () => {
    const controller = read('controllers/main.py');
    expect(controller).toContain('SHOP_DOMAIN_HEADER = "X-Shopify-Shop-Domain"');
    expect(controller).toContain('SIGNATURE_HEADER = "X-Shopify-Hmac-Sha256"');
    const backend = read('models/shopify_backend.py');
    expect(backend).toContain('_webhook_signature_encoding = "base64"');
    expect(backend).toMatch(/def _find_webhook_backend\(self, shop_domain, raw_body, signature\)/);
    expect(backend).not.toMatch(/for backend in self\.sudo\(\)\.search/);
    expect(backend).toContain('UNINSTALLED_TOPIC = "app/uninstalled"');
    expect(backend).toContain('GID_KEY = "admin_graphql_api_id"');
    expect(backend).toContain('"orders/updated": ("shopify.sale.order", GID_KEY),');
  });

  it('shows the shop domain and the access token on the backend form, no header name', () => {
    const view = read('views/shopify_backend_views.xml');
    expect(view).toContain('<field name="shop_domain"');
    expect(view).toContain('<field name="api_version" />');
    expect(view).not.toContain('api_key_header');
    expect(read('models/shopify_backend.py')).toMatch(/api_key = fields\.Char\(\s*string="Access Token"/);
  });

  it('writes Odoo tests with GraphQL-shaped fixtures and signed webhooks', () => {
    expect(read('tests/common.py')).toContain('def throttled(');
    expect(read('tests/test_webhook.py')).toContain('def test_shops_sharing_a_secret_are_routed_by_domain');
    expect(read('tests/test_webhook.py')).toContain('def test_app_uninstalled_disables_the_backend');
    expect(read('tests/test_product_product.py')).toContain(`"updated_at:>'2024-01-02T03:04:05Z'"`);
  });

  it('passes validate', async () => {
    const dirs = findAddonDirs([join(root, 'addons')], root);
    const report = await checkAddons(dirs, { cwd: root });
    const errors = report.diagnostics.filter((d) => d.severity !== 'info');
    expect(errors.map((d) => `${d.file}:${d.line} ${d.ruleId} ${d.message}`)).toEqual([]);
  });
});

describe('add-binding on a Shopify connector', () => {
  it('adds a Shopify entity with its GraphQL adapter and refuses the others', async () => {
    const root = tempDir('shopify-grow');
    const io = memoryIo(root);
    expect(runInit('shopify', { entities: 'customer' }, io), io.stderr.join('\n')).toBe(0);
    const addonIo = memoryIo(join(root, 'shopify_connector'));
    expect(await runAddBinding('product', undefined, {}, addonIo), addonIo.stderr.join('\n')).toBe(0);
    const addon = join(root, 'shopify_connector');
    expect(readFileSync(join(addon, 'components', 'product_product.py'), 'utf8')).toContain('productVariant(id: $id)');
    expect(readFileSync(join(addon, 'models', 'shopify_backend.py'), 'utf8')).toContain(
      '"products/create": ("shopify.product.template", GID_KEY),',
    );
    await expect(runAddBinding('invoice', undefined, {}, memoryIo(addon))).rejects.toThrow(
      /invoice is not implemented by the Shopify profile/,
    );
  });
});
