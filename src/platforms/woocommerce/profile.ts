/**
 * @fileoverview The WooCommerce profile: the REST API v3 of a WordPress store
 * (`<store>/wp-json/wc/v3`), consumer key and secret sent as HTTP Basic over HTTPS, `per_page`
 * (at most 100) and `page` with the `X-WP-TotalPages` header, the `modified_after` filter in
 * UTC (`dates_are_gmt`), variable products whose variations are the sellable products, and
 * webhooks signed with a base64 HMAC-SHA256 (`X-WC-Webhook-Signature`) whose creation is
 * checked by an unsigned ping. Its templates are in `templates/platforms/woocommerce/`, its
 * guide in `references/platforms/woocommerce.md`.
 */
import type { EntitySpec } from '../../scaffold/catalogue.js';
import type { PlatformProfile } from '../profile.js';

/** Topics as WooCommerce names them (`<resource>.<event>`); deletions are not handled yet. */
export const WOOCOMMERCE_TOPICS = {
  product: ['product.created', 'product.updated'],
  customer: ['customer.created', 'customer.updated'],
  order: ['order.created', 'order.updated'],
} as const;

/**
 * Catalogue entries as the WooCommerce templates map them. The import fields name the keys of
 * the normalised records (`*_values()` of the generated components), which keep WooCommerce's
 * names where they exist.
 */
const entityOverrides: Record<string, Partial<EntitySpec>> = {
  product: {
    nameExternal: 'name',
    // simple and variable products are listed; a variation is read at products/<id>
    catalogue: { sync: 'template' },
    importFields: [
      { external: 'sku', odoo: 'default_code', type: 'char' },
      { external: 'regular_price', odoo: 'list_price', type: 'float' },
    ],
    exportFields: [
      { external: 'name', odoo: 'name', type: 'char' },
      { external: 'sku', odoo: 'default_code', type: 'char' },
      { external: 'regular_price', odoo: 'lst_price', type: 'float', changedBy: ['lst_price', 'list_price'] },
    ],
    webhookEvents: [...WOOCOMMERCE_TOPICS.product],
    webhookDeleteEvents: ['product.deleted'],
    note: 'A simple product is an Odoo template with one variant; a variable product a template with its variation attributes, each variation bound to the Odoo variant of the same options; the price is the regular price.',
  },
  customer: {
    // WooCommerce customers are WordPress accounts: Odoo does not create them
    direction: 'import',
    importFields: [
      { external: 'email', odoo: 'email', type: 'char' },
      { external: 'phone', odoo: 'phone', type: 'char' },
    ],
    exportFields: [],
    listenFields: [],
    webhookEvents: [...WOOCOMMERCE_TOPICS.customer],
    webhookDeleteEvents: ['customer.deleted'],
    note: 'Name, email, phone and the billing address (country and state from their codes); a different shipping address is a delivery contact; a first import binds the partner with the same email.',
  },
  order: {
    webhookEvents: [...WOOCOMMERCE_TOPICS.order],
    note: "Lines by product or variation (order_values() gives the variation's id as the line's product_id) with WooCommerce's prices and taxes, shipping, fee and coupon lines; guest orders go to the backend partner for guest orders.",
  },
  inventory: {
    resource: 'products',
    note: 'Stock is managed on the WooCommerce product or variation (manage_stock) and its quantity set to the free quantity (on hand minus reserved) of the backend warehouse when it changed, in batch requests.',
  },
};

export const woocommerceProfile: PlatformProfile = {
  key: 'woocommerce',
  title: 'WooCommerce',
  summary:
    'REST API v3 (/wp-json/wc/v3): consumer key/secret as HTTP Basic, per_page/page with X-WP-TotalPages, ' +
    'modified_after, variable products, base64-signed webhooks (X-WC-Webhook-Signature) and the save ping',
  types: ['ecommerce'],
  entities: ['product', 'customer', 'order', 'inventory'],
  auth: ['basic'],
  transport: 'rest',
  apiUrl: 'https://shop.example.com/wp-json/wc/v3',
  pageSize: 100,
  webhook: {
    signatureHeader: 'X-WC-Webhook-Signature',
    encoding: 'base64',
    topicHeader: 'X-WC-Webhook-Topic',
    idHeader: 'X-WC-Webhook-Delivery-ID',
  },
  entityOverrides,
  hasTemplates: true,
  hasGuide: true,
};
