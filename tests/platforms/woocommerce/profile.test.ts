/**
 * The WooCommerce profile as data and as `init` applies it: the registry picks it by name, the
 * options it accepts, what the CLI says, and what the generated addon speaks (REST v3 paths,
 * pagination headers, incremental filter, webhook headers and the ping).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultPlatformFor, platformHelp, platformProfile } from '../../../src/platforms/registry.js';
import { woocommerceProfile } from '../../../src/platforms/woocommerce/profile.js';
import { profileCatalogue } from '../../../src/scaffold/context.js';
import { runInProcess } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/temp.js';

const root = tempDir('woocommerce-profile');
let counter = 0;

async function init(args: string[]): Promise<{ dir: string; exitCode: number; stdout: string; stderr: string }> {
  const dir = join(root, String(counter++));
  mkdirSync(dir);
  return { dir, ...(await runInProcess(['init', ...args], dir)) };
}

describe('woocommerce profile', () => {
  it('speaks the REST API v3 with the consumer key as HTTP Basic', () => {
    expect(woocommerceProfile.key).toBe('woocommerce');
    expect(woocommerceProfile.types).toEqual(['ecommerce']);
    expect(woocommerceProfile.entities).toEqual(['product', 'customer', 'order', 'inventory']);
    expect(woocommerceProfile.auth).toEqual(['basic']);
    expect(woocommerceProfile.apiUrl).toMatch(/\/wp-json\/wc\/v3$/);
    expect(woocommerceProfile.pageSize).toBe(100);
    expect(woocommerceProfile.webhook).toEqual({
      signatureHeader: 'X-WC-Webhook-Signature',
      encoding: 'base64',
      topicHeader: 'X-WC-Webhook-Topic',
      idHeader: 'X-WC-Webhook-Delivery-ID',
    });
  });

  it('names topics and payload keys as WooCommerce does', () => {
    const catalogue = profileCatalogue(woocommerceProfile);
    expect(catalogue.product!.webhookEvents).toEqual(['product.created', 'product.updated']);
    expect(catalogue.customer!.webhookEvents).toEqual(['customer.created', 'customer.updated']);
    expect(catalogue.order!.webhookEvents).toEqual(['order.created', 'order.updated']);
    expect(catalogue.order!.lines!.external).toBe('line_items');
    expect(catalogue.customer!.direction).toBe('import');
    expect(catalogue.product!.exportFields.map((field) => field.external)).toEqual(['name', 'sku', 'regular_price']);
  });

  it('is picked by its name and listed in the help', () => {
    expect(defaultPlatformFor('woocommerce')).toBe(woocommerceProfile);
    expect(defaultPlatformFor('woocommerce_connector')).toBe(woocommerceProfile);
    expect(defaultPlatformFor('woo').key).toBe('generic');
    expect(platformProfile('woocommerce')).toBe(woocommerceProfile);
    expect(platformHelp()).toMatch(/ {2}woocommerce +WooCommerce: REST API v3/);
  });
});

describe('init woocommerce', () => {
  it('says which profile it used and records it', async () => {
    const result = await init(['woocommerce']);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Platform profile: WooCommerce \(the woocommerce name picks it/);
    expect(result.stdout).toMatch(/basic auth, entities: product, customer, order, inventory/);
    const config = JSON.parse(readFileSync(join(result.dir, 'woocommerce_connector', '.odoo-connector.json'), 'utf8'));
    expect(config.platform).toBe('woocommerce');
  });

  it('applies the profile to another name with --platform', async () => {
    const result = await init(['myshop', '--platform', 'woocommerce']);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Platform profile: WooCommerce/);
    const controller = readFileSync(join(result.dir, 'myshop_connector', 'controllers', 'main.py'), 'utf8');
    expect(controller).toContain('SIGNATURE_HEADER = "X-WC-Webhook-Signature"');
    expect(controller).toContain('"/myshop/webhook"');
  });

  it.each([
    [['--auth', 'api_key'], /--auth with --platform woocommerce/],
    [['--type', 'crm'], /--type with --platform woocommerce/],
    [['--entities', 'product,invoice'], /invoice is not implemented by the WooCommerce profile/],
  ])('refuses %j before writing', async (args, message) => {
    const result = await init(['woocommerce', ...args]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('writes an adapter paging with X-WP-TotalPages and filtering with modified_after in UTC', async () => {
    const { dir } = await init(['woocommerce']);
    const addon = join(dir, 'woocommerce_connector');
    const adapter = readFileSync(join(addon, 'components', 'adapter.py'), 'utf8');
    expect(adapter).toContain('response.headers.get("X-WP-TotalPages")');
    expect(adapter).toContain('params["modified_after"]');
    expect(adapter).toContain('params["dates_are_gmt"] = "true"');
    expect(adapter).toMatch(/_max_page_size = 100/);
    const backend = readFileSync(join(addon, 'models', 'woocommerce_backend.py'), 'utf8');
    expect(backend).toContain('string="Consumer Key"');
    expect(backend).toContain('string="Consumer Secret"');
    expect(backend).toContain('"%s/wp-json/wc/v3" % store_url');
    expect(backend).toContain('_webhook_signature_encoding = "base64"');
    expect(backend).not.toContain('location_external_id');
    const controller = readFileSync(join(addon, 'controllers', 'main.py'), 'utf8');
    expect(controller).toContain('SOURCE_HEADER = "X-WC-Webhook-Source"');
    expect(controller).toContain('PING_BODY = re.compile(rb"webhook_id=\\d+")');
  });
});
