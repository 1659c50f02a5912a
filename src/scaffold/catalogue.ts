/**
 * @fileoverview The entity catalogue and the connector-type presets: which Odoo model each entity
 * binds, what the external resource is called, how fields map and what the manifest must depend
 * on. Templates read this data; they hold no entity-specific knowledge of their own.
 */

export type Direction = 'import' | 'export' | 'both';
/** How a value converts between the payload and Odoo (datetime: ISO 8601 <-> UTC naive). */
export type FieldType = 'char' | 'float' | 'int' | 'bool' | 'datetime' | 'date' | 'selection';

/** One field mapping: `external` key of the API payload <-> `odoo` field of the bound model. */
export interface FieldMap {
  external: string;
  odoo: string;
  type: FieldType;
  /** Export only: Odoo fields whose change re-sends this value (default: `odoo`). */
  changedBy?: string[];
  /** Type `selection`: external value -> Odoo selection key. */
  selection?: Record<string, string>;
  /** A value from the API's description, used in the generated test's payload. */
  example?: unknown;
}

/** A record this entity points at through another binding (order -> customer). */
export interface EntityDependency {
  /** Entity key of the dependency (must be generated too). */
  entity: string;
  /** Key in the external payload holding the dependency's external id. */
  external: string;
  /** Many2one field on the Odoo model. */
  odoo: string;
  required: boolean;
  /**
   * Import only: a Many2one of the backend to `model` used when the payload has no `external`
   * (guest orders); `MappingError` only when neither is set.
   */
  backendDefault?: { field: string; string: string; model: string; help: string };
}

/** Sub-records created with the parent (order lines), mapped by a child mapper. */
export interface EntityLines {
  external: string;
  odoo: string;
  model: string;
  fields: FieldMap[];
  /** Line key holding the external id of the product, resolved through the product binder. */
  productExternal: string;
  productOdoo: string;
}

/** A model the framework's "Export to Connectors" wizard already has an action for. */
export const FRAMEWORK_EXPORT_ACTION_MODELS = ['product.product', 'product.template', 'res.partner'];

export interface EntitySpec {
  key: string;
  title: string;
  pluralTitle: string;
  odooModel: string;
  /** Label of `odoo_id`; must differ from every field label of the bound model. */
  odooLabel: string;
  /** REST collection name on the external API. */
  resource: string;
  /** Suffix of the backend's `sync_<syncKey>` method and of the checkpoint key. */
  syncKey: string;
  direction: Direction;
  /** Modules the entity needs; the first one defines `odooModel`. */
  depends: string[];
  /** Other entities this one cannot work without (added automatically). */
  requires: string[];
  /** The Odoo field holding the record's display name, filled on import with a fallback. */
  nameField: string;
  /** Key of the external payload holding that name (default `name`). */
  nameExternal?: string;
  /**
   * Whether an import may create Odoo records (default true). Shipments are created in Odoo and
   * exported; the carrier only sends updates (tracking) for the shipments it already knows.
   */
  importCreates?: boolean;
  importFields: FieldMap[];
  exportFields: FieldMap[];
  dependencies: EntityDependency[];
  lines?: EntityLines;
  /**
   * Odoo fields whose change re-exports bound records (export directions only). The listeners ask
   * the export mapper (`changed_by`); the generated tests write these to check that they do.
   */
  listenFields: string[];
  cron: { interval: number; unit: 'minutes' | 'hours' | 'days' };
  webhookEvents: string[];
  /** Events saying the backend deleted the record: archive or unbind it (backend setting). */
  webhookDeleteEvents?: string[];
  /** A feature on another entity's binding rather than a binding of its own (inventory). */
  featureOf?: string;
  /** One sentence for the addon's README: what a user must know about this entity. */
  note?: string;
  /**
   * Customers: addresses become child contacts and first imports match partners by email
   * (generic_connector's `partner.address` component, the backend's matching switch).
   */
  partnerAddresses?: boolean;
  /** From the API description (--from-openapi): how its list is paginated and wrapped. */
  listing?: ListingSpec;
  /** From the API description: the key wrapping a single record's answer (`data`), unwrapped by read(). */
  recordKey?: string;
  /** From the API description: the key wrapping the answer of a creation, unwrapped by create(). */
  createKey?: string;
  /** From the API description: records are updated with PATCH (write()), not PUT. */
  updateMethod?: 'PATCH';
  /** From the API description: the payload's first and last name keys, for the record's one name. */
  nameParts?: { first: string; last: string };
  /** From the API description: payload fields no mapping covers, for the README. */
  unmapped?: { external: string; type: string; reason: string }[];
  /**
   * E-commerce connectors: the product is a template with variants (see `catalogue-context.ts`);
   * `sync` names the binding the product sync lists (the templates, or the variants when the
   * platform lists variants).
   */
  catalogue?: { sync: 'template' | 'variant'; variantResource?: string };
}

/** The list answer of an entity's collection, when the API description declares it. */
export interface ListingSpec {
  /** Dotted key of the records in a list answer; undefined for a bare list. */
  itemsKey?: string;
  style: 'link' | 'page' | 'offset' | 'cursor';
  /** Query parameter of the page size (`limit`, `per_page`). */
  sizeParam: string;
  /** page: page number; offset: offset; cursor: cursor parameter. */
  param?: string;
  /** cursor: dotted key of the next cursor in the answer. */
  nextKey?: string;
}

const HOURLY = { interval: 1, unit: 'hours' } as const;

/** Null prototype: a name typed by the user never reaches Object.prototype (see catalogueEntry). */
export const ENTITY_CATALOGUE: Record<string, EntitySpec> = Object.assign(Object.create(null) as Record<string, EntitySpec>, {
  product: {
    key: 'product',
    title: 'Product',
    pluralTitle: 'Products',
    odooModel: 'product.product',
    odooLabel: 'Odoo Product',
    resource: 'products',
    syncKey: 'products',
    direction: 'both',
    depends: ['product'],
    requires: [],
    nameField: 'name',
    nameExternal: 'title',
    importFields: [
      { external: 'sku', odoo: 'default_code', type: 'char' },
      { external: 'price', odoo: 'list_price', type: 'float' },
      { external: 'barcode', odoo: 'barcode', type: 'char' },
    ],
    exportFields: [
      { external: 'title', odoo: 'name', type: 'char' },
      { external: 'sku', odoo: 'default_code', type: 'char' },
      // writing lst_price writes list_price on the template: either change re-sends the price
      { external: 'price', odoo: 'lst_price', type: 'float', changedBy: ['lst_price', 'list_price'] },
    ],
    dependencies: [],
    listenFields: ['name', 'default_code', 'list_price', 'lst_price'],
    cron: HOURLY,
    webhookEvents: ['products/create', 'products/update'],
    webhookDeleteEvents: ['products/delete'],
    // GET variants/<id> answers one variant with its product_id (see the generic profile's guide)
    catalogue: { sync: 'template', variantResource: 'variants' },
  },
  customer: {
    key: 'customer',
    title: 'Customer',
    pluralTitle: 'Customers',
    odooModel: 'res.partner',
    odooLabel: 'Odoo Partner',
    resource: 'customers',
    syncKey: 'customers',
    direction: 'both',
    depends: ['base'],
    requires: [],
    nameField: 'name',
    importFields: [
      { external: 'email', odoo: 'email', type: 'char' },
      { external: 'phone', odoo: 'phone', type: 'char' },
    ],
    exportFields: [
      { external: 'name', odoo: 'name', type: 'char' },
      { external: 'email', odoo: 'email', type: 'char' },
      { external: 'phone', odoo: 'phone', type: 'char' },
    ],
    dependencies: [],
    listenFields: ['name', 'email', 'phone'],
    cron: HOURLY,
    webhookEvents: ['customers/create', 'customers/update'],
    webhookDeleteEvents: ['customers/delete'],
    partnerAddresses: true,
  },
  order: {
    key: 'order',
    title: 'Order',
    pluralTitle: 'Orders',
    odooModel: 'sale.order',
    odooLabel: 'Odoo Sale Order',
    resource: 'orders',
    syncKey: 'orders',
    direction: 'import',
    // delivery: generic_connector_sale's fulfilment export (carrier, tracking number)
    depends: ['sale', 'delivery'],
    requires: ['product', 'customer'],
    // sale.order.name is the Odoo sequence; the shop's order reference goes to the customer reference
    nameField: 'client_order_ref',
    importFields: [],
    exportFields: [],
    dependencies: [
      {
        entity: 'customer',
        external: 'customer_id',
        odoo: 'partner_id',
        required: true,
        backendDefault: {
          field: 'guest_partner_id',
          string: 'Partner for Guest Orders',
          model: 'res.partner',
          help: 'If set, the partner of all guest orders; else each guest gets its own.',
        },
      },
    ],
    lines: {
      external: 'line_items',
      odoo: 'order_line',
      model: 'sale.order.line',
      fields: [
        { external: 'quantity', odoo: 'product_uom_qty', type: 'float' },
        { external: 'price', odoo: 'price_unit', type: 'float' },
      ],
      productExternal: 'product_id',
      productOdoo: 'product_id',
    },
    listenFields: [],
    cron: { interval: 15, unit: 'minutes' },
    webhookEvents: ['orders/create', 'orders/update'],
    note: "Imports the customer and the products first; the order keeps the shop's prices, taxes, shipping and discounts, and is flagged To Review when its Odoo total differs from the shop's.",
  },
  inventory: {
    key: 'inventory',
    title: 'Inventory',
    pluralTitle: 'Inventory',
    odooModel: 'product.product',
    odooLabel: 'Odoo Product',
    resource: 'inventory_levels',
    syncKey: 'inventory',
    direction: 'export',
    // generic_connector_stock: the free-quantity export every connector shares
    depends: ['stock', 'generic_connector_stock'],
    requires: ['product'],
    nameField: 'name',
    importFields: [],
    exportFields: [],
    dependencies: [],
    listenFields: [],
    cron: HOURLY,
    webhookEvents: [],
    featureOf: 'product',
    note: 'Imported products are storable; their free quantity (on hand minus reserved) per mapped warehouse is exported when it changed.',
  },
  shipment: {
    key: 'shipment',
    title: 'Shipment',
    pluralTitle: 'Shipments',
    odooModel: 'stock.picking',
    odooLabel: 'Odoo Transfer',
    resource: 'shipments',
    syncKey: 'shipments',
    direction: 'both',
    // carrier_tracking_ref is defined by `delivery`, not `stock`
    depends: ['stock', 'delivery'],
    requires: [],
    nameField: 'origin',
    nameExternal: 'reference',
    importCreates: false,
    importFields: [{ external: 'tracking_number', odoo: 'carrier_tracking_ref', type: 'char' }],
    exportFields: [
      { external: 'reference', odoo: 'name', type: 'char' },
      { external: 'origin', odoo: 'origin', type: 'char' },
    ],
    dependencies: [{ entity: 'customer', external: 'recipient_id', odoo: 'partner_id', required: false }],
    // state is computed on stock.picking: a write event never carries it
    listenFields: ['origin', 'partner_id'],
    cron: { interval: 30, unit: 'minutes' },
    webhookEvents: ['shipments/update', 'tracking/update'],
    note: 'Transfers are exported to the carrier; imports only update the tracking reference of exported transfers.',
  },
  invoice: {
    key: 'invoice',
    title: 'Invoice',
    pluralTitle: 'Invoices',
    odooModel: 'account.move',
    odooLabel: 'Odoo Journal Entry',
    resource: 'invoices',
    syncKey: 'invoices',
    direction: 'export',
    depends: ['account'],
    requires: ['customer'],
    nameField: 'ref',
    importFields: [],
    exportFields: [
      // posting writes `state` and recomputes the number: no write event carries `name` then
      { external: 'number', odoo: 'name', type: 'char', changedBy: ['name', 'state'] },
      { external: 'reference', odoo: 'ref', type: 'char' },
      // amount_total is computed from the lines: the form writes them, never the total
      { external: 'total', odoo: 'amount_total', type: 'float', changedBy: ['invoice_line_ids', 'line_ids'] },
    ],
    dependencies: [{ entity: 'customer', external: 'customer_id', odoo: 'partner_id', required: true }],
    // the fields a write event carries when an exported value changes (payment_state and
    // amount_total are computed and stored: they never show in a write event)
    listenFields: ['ref', 'name', 'state', 'partner_id', 'invoice_line_ids', 'line_ids'],
    cron: HOURLY,
    webhookEvents: [],
    note: 'Exports the customer first; posting an invoice exports it again with its number.',
  },
  payment: {
    key: 'payment',
    title: 'Payment',
    pluralTitle: 'Payments',
    odooModel: 'account.payment',
    odooLabel: 'Odoo Payment',
    resource: 'payments',
    syncKey: 'payments',
    direction: 'import',
    depends: ['account'],
    requires: ['customer'],
    nameField: 'ref',
    nameExternal: 'reference',
    importFields: [{ external: 'amount', odoo: 'amount', type: 'float' }],
    exportFields: [],
    dependencies: [{ entity: 'customer', external: 'customer_id', odoo: 'partner_id', required: true }],
    listenFields: [],
    cron: HOURLY,
    webhookEvents: ['payments/create'],
    note: "Imported payments are draft customer payments in the company's first bank or cash journal.",
  },
  lead: {
    key: 'lead',
    title: 'Lead',
    pluralTitle: 'Leads',
    odooModel: 'crm.lead',
    odooLabel: 'Odoo Lead',
    resource: 'leads',
    syncKey: 'leads',
    direction: 'import',
    depends: ['crm'],
    requires: [],
    nameField: 'name',
    nameExternal: 'title',
    importFields: [
      { external: 'email', odoo: 'email_from', type: 'char' },
      { external: 'phone', odoo: 'phone', type: 'char' },
      { external: 'company', odoo: 'partner_name', type: 'char' },
      { external: 'contact_name', odoo: 'contact_name', type: 'char' },
    ],
    exportFields: [],
    dependencies: [],
    listenFields: [],
    cron: { interval: 30, unit: 'minutes' },
    webhookEvents: ['leads/create', 'leads/update'],
  },
  contact: {
    key: 'contact',
    title: 'Contact',
    pluralTitle: 'Contacts',
    odooModel: 'res.partner',
    odooLabel: 'Odoo Contact',
    resource: 'contacts',
    syncKey: 'contacts',
    direction: 'both',
    depends: ['base'],
    requires: [],
    nameField: 'name',
    importFields: [
      { external: 'email', odoo: 'email', type: 'char' },
      { external: 'phone', odoo: 'phone', type: 'char' },
    ],
    exportFields: [
      { external: 'name', odoo: 'name', type: 'char' },
      { external: 'email', odoo: 'email', type: 'char' },
      { external: 'phone', odoo: 'phone', type: 'char' },
    ],
    dependencies: [],
    listenFields: ['name', 'email', 'phone'],
    cron: HOURLY,
    webhookEvents: ['contacts/create', 'contacts/update'],
  },
});

export const CONNECTOR_TYPES = {
  ecommerce: { title: 'E-commerce', entities: ['product', 'order', 'customer', 'inventory'] },
  logistics: { title: 'Logistics', entities: ['shipment', 'product', 'customer'] },
  accounting: { title: 'Accounting', entities: ['invoice', 'payment', 'customer'] },
  crm: { title: 'CRM', entities: ['lead', 'contact'] },
} as const;
export type ConnectorType = keyof typeof CONNECTOR_TYPES;

export const AUTH_STYLES = {
  api_key: 'API key sent in a request header',
  bearer: 'Bearer token in the Authorization header',
  basic: 'HTTP Basic authentication (user and password)',
  oauth2: 'OAuth 2 client credentials with refresh tokens',
  hmac: 'HMAC-SHA256 request signing with a key id and a secret',
} as const;
export type AuthStyle = keyof typeof AUTH_STYLES;

export const DEFAULT_API_URL = 'https://api.example.com/v1';

/**
 * Lookups by a name the user typed: own keys only, so `constructor` or `__proto__` is an unknown
 * name rather than a property of Object.prototype.
 */
export function catalogueEntry(key: string): EntitySpec | undefined {
  return Object.hasOwn(ENTITY_CATALOGUE, key) ? ENTITY_CATALOGUE[key] : undefined;
}

export function isConnectorType(value: string): value is ConnectorType {
  return Object.hasOwn(CONNECTOR_TYPES, value);
}

export function isAuthStyle(value: string): value is AuthStyle {
  return Object.hasOwn(AUTH_STYLES, value);
}
