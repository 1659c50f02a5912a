/**
 * @fileoverview The Shopify profile: the GraphQL Admin API (versioned endpoint, access token in
 * `X-Shopify-Access-Token`, connection pagination, search-query filters, cost-based throttling,
 * `userErrors`), webhooks signed in base64 and routed by shop domain. Its templates are in
 * `templates/platforms/shopify/`, its guide in `references/platforms/shopify.md`.
 */
import type { PlatformProfile } from '../profile.js';

/**
 * Newest stable Admin API version at the time of writing (quarterly: YYYY-01/04/07/10, each
 * supported about 12 months). The backend template has the same default (`DEFAULT_API_VERSION`);
 * tests/platforms/shopify checks they agree.
 */
export const SHOPIFY_API_VERSION = '2026-10';

/** Shopify's largest `first` on a connection. */
export const SHOPIFY_MAX_PAGE_SIZE = 250;

export const shopifyProfile: PlatformProfile = {
  key: 'shopify',
  title: 'Shopify',
  summary: 'GraphQL Admin API: access token, versioned endpoint, cost-based throttling, base64 webhooks routed by shop domain',
  types: ['ecommerce'],
  entities: ['product', 'customer', 'order', 'inventory'],
  // the Admin API access token of a custom app, sent in X-Shopify-Access-Token
  auth: ['api_key'],
  transport: 'graphql',
  // derived on the backend from the shop domain and the API version; editable there
  apiUrl: `https://your-shop.myshopify.com/admin/api/${SHOPIFY_API_VERSION}/graphql.json`,
  pageSize: SHOPIFY_MAX_PAGE_SIZE,
  webhook: {
    signatureHeader: 'X-Shopify-Hmac-Sha256',
    encoding: 'base64',
    topicHeader: 'X-Shopify-Topic',
    idHeader: 'X-Shopify-Webhook-Id',
  },
  // The adapter normalises GraphQL nodes to the catalogue's flat keys (title, sku, price,
  // customer_id, line_items...): only what differs from the catalogue is listed here.
  entityOverrides: {
    product: {
      // the products are listed (templates); each variant is read with its product's gid
      resource: 'products',
      catalogue: { sync: 'template', variantResource: 'productVariants' },
      importFields: [
        { external: 'sku', odoo: 'default_code', type: 'char' },
        { external: 'price', odoo: 'list_price', type: 'float' },
        { external: 'barcode', odoo: 'barcode', type: 'char' },
        // kept on the binding: inventorySetQuantities takes the inventory item, not the variant
        { external: 'inventory_item_id', odoo: 'inventory_item_external_id', type: 'char' },
      ],
      webhookEvents: ['products/create', 'products/update'],
      note: 'Each Shopify product is bound to an Odoo product template with its options as attributes, and each of its variants to the Odoo variant of the same option values (SKU, barcode, price, weight); product webhooks import the product with its variants.',
    },
    customer: {
      webhookEvents: ['customers/create', 'customers/update'],
    },
    order: {
      nameExternal: 'name',
      webhookEvents: ['orders/create', 'orders/updated', 'orders/cancelled'],
    },
    inventory: {
      resource: 'inventorySetQuantities',
      note: 'The free quantity (on hand minus reserved) of each mapped warehouse is set as "available" at its Shopify location when it changed, up to 100 per call.',
    },
  },
  hasTemplates: true,
  hasGuide: true,
};
