/**
 * @fileoverview Builds the render context of a connector addon from validated options and the
 * entity catalogue. This object is the whole vocabulary of `templates/connector/`: a template may
 * use only the keys defined here (Handlebars runs in strict mode).
 */
import { UsageError } from '../errors.js';
import {
  AUTH_STYLES,
  CONNECTOR_TYPES,
  DEFAULT_API_URL,
  ENTITY_CATALOGUE as CATALOGUE,
  FRAMEWORK_EXPORT_ACTION_MODELS,
  type AuthStyle,
  type ConnectorType,
  type Direction,
  type EntityDependency,
  type EntityLines,
  type EntitySpec,
  type FieldMap,
  type ListingSpec,
} from './catalogue.js';
import { fieldContext, samplePayload, type FieldContext, type PayloadEntry } from './field-samples.js';

export type { FieldContext } from './field-samples.js';
import { connectorNames, pascalCase, underscored, type ConnectorNames } from './names.js';
import { connectorsPage, connectorsPageDepends, type ConnectorsPage } from './connectors-page.js';
import { catalogueContext, type CatalogueContext } from './catalogue-context.js';
import type { PlatformProfile, WebhookScheme } from '../platforms/profile.js';
import { quote } from '../util/quote.js';
import { createAnswer, listPage, orderRuleKeys, pagingTest, SAMPLE_ID, type PagingTest } from './test-payloads.js';

export interface ConnectorOptions {
  name: string;
  platform: PlatformProfile;
  type: ConnectorType;
  entities?: string[];
  auth: AuthStyle;
  apiUrl: string;
  /** Default of the backend's API key header (from an OpenAPI securityScheme). */
  apiKeyHeader?: string;
  /** Default of the backend's OAuth token URL (from an OpenAPI securityScheme). */
  oauthTokenUrl?: string;
  /** Path of the connection test's GET, relative to the API URL (from an OpenAPI document); `me` by default. */
  testEndpoint?: string;
  author: string;
  website: string;
  license: string;
  webhooks: boolean;
}

export interface DependencyContext {
  entity: string;
  external: string;
  odoo: string;
  required: boolean;
  /** Binding model of the dependency, e.g. `shopify.res.partner`. */
  binding: string;
  title: string;
  /** REST collection of the dependency (tests route its reads and creations). */
  resource: string;
  nameExternal: string;
  /** Key wrapping a single record in its API's answers (a described custom binding), or false. */
  recordKey: string | false;
  /** Python literal of its API's answer to a creation (the tests' routes). */
  createAnswer: string;
  /** Odoo model of the dependency. */
  model: string;
  /** External id of the dependency in the generated tests. */
  sampleId: number;
}

export interface LinesContext extends EntityLines {
  fields: FieldContext[];
  /** Binding model resolving `productExternal`, e.g. `shopify.product.product`. */
  productBinding: string;
  productResource: string;
  productNameExternal: string;
  productSampleId: number;
  /** Products with variants: tests route the variant (`productResource`) and its product here. */
  productTemplateResource: string | false;
}

export interface EntityContext {
  key: string;
  title: string;
  pluralTitle: string;
  odooModel: string;
  /** `res_partner` */
  odooUnderscored: string;
  /** `ResPartner` */
  odooClass: string;
  odooLabel: string;
  /** xml id of the Odoo model's `ir.model` row, e.g. `base.model_res_partner`. */
  odooModelRef: string;
  /** `shopify.res.partner` */
  binding: string;
  /** `shopify_res_partner`: xml ids, ACL ids */
  bindingUnderscored: string;
  /** `ShopifyResPartner` */
  bindingClass: string;
  /** `res_partner`: models/<file>.py, components/<file>.py, tests/test_<file>.py */
  file: string;
  /** The form page listing the record's bindings, or false (see connectors-page.ts). */
  connectorsPage: ConnectorsPage | false;
  resource: string;
  syncKey: string;
  direction: Direction;
  imports: boolean;
  exports: boolean;
  /** Imports create missing Odoo records (false: they only update bound ones). */
  importCreates: boolean;
  nameField: string;
  /** Payload key of the name (falls back to a generated name when missing). */
  nameExternal: string;
  importFields: FieldContext[];
  /** Top-level keys of the generated test's payload for `importFields`. */
  samplePayload: PayloadEntry[];
  /** Some import field converts an ISO date-time (the component imports datetime). */
  importsDatetimes: boolean;
  /** The list answer declared by the API description, or false (a bare list, Link header). */
  listing: ListingSpec | false;
  /** Key wrapping a single record's answer, unwrapped by the adapter's read(); false when bare. */
  recordKey: string | false;
  /** Key wrapping the answer of a creation, unwrapped by the adapter's create(); false when bare. */
  createKey: string | false;
  /** Python literal of the API's answer to a creation of the sample record (the tests' routes). */
  createAnswer: string;
  /** HTTP method of an update (the adapter's write()). */
  updateMethod: 'PUT' | 'PATCH';
  /** The payload's first and last name keys making the record's name, or false. */
  nameParts: { first: string; last: string } | false;
  /** Python literal of a one-record list answer, in the declared envelope (generated tests). */
  listPage: string;
  /** The paging test of a declared page, offset or cursor listing; false for the Link header. */
  paging: PagingTest | false;
  /**
   * Keys an API description gives the order's reference and date (`reference`, `placed_at`), with
   * the canonical order's values: the order rules tests (testing/order_rules) send them too.
   */
  orderRuleKeys: { external: string; value: string }[];
  /** README lines of the payload fields no mapping covers. */
  unmapped: { external: string; type: string; reason: string }[];
  /** With `changedBy` always filled in. */
  exportFields: FieldMap[];
  dependencies: DependencyContext[];
  /**
   * The dependencies a custom binding serves: its imports update bound records only, so the tests
   * bind them before importing (their import would not create them).
   */
  prebound: DependencyContext[];
  hasDependencies: boolean;
  lines: LinesContext | false;
  listenFields: string[];
  /** A listened char field the tests write to trigger an export, or false. */
  listenTestField: string | false;
  /**
   * The exported field a change of `state` re-sends (an invoice's number, computed on posting),
   * when the binding listens to `state`; false otherwise (a custom binding of the same model).
   */
  stateExport: FieldMap | false;
  cron: EntitySpec['cron'];
  webhookEvents: string[];
  webhookDeleteEvents: string[];
  /** This binding also carries the inventory export (product with the inventory entity). */
  inventory: boolean;
  /**
   * Its imports get a queue channel of their own (`<prefix>.import.<syncKey>`) and a higher job
   * priority: documents with lines (orders) never wait behind catalogue imports or exports.
   */
  priorityImport: boolean;
  /** The backend syncs this binding drives: its own import, plus the inventory export. */
  syncs: SyncEntityContext[];
  /** The import mapper has `@only_create` mappings (product type, required dependencies). */
  onlyCreate: boolean;
  /** The addon adds an "Export to Connectors" action on the Odoo model (the framework covers products and partners). */
  exportWizardAction: boolean;
  /** External id of the record in the generated tests. */
  sampleId: number;
  /** Sequence of the binding's menu entry. */
  menuSequence: number;
  /** README notes of the entity and of its features (may be empty). */
  notes: string[];
  /** Partial creating a test record of the Odoo model: `records/<odoo_model>` or `records/generic`. */
  recordsPartial: string;
  /**
   * The tests bind records of their own (`_create_binding`): to export them, or to update them by
   * an import that creates nothing.
   */
  testsBindRecords: boolean;
  /** Some mapper of the binding has `@mapping` methods (a custom import-only binding has none). */
  usesMapping: boolean;
  /** Customers: invoice/delivery child contacts and matching by email (see catalogue.ts). */
  partnerAddresses: boolean;
  /** Products of an e-commerce connector: template and variant bindings (catalogue-context.ts). */
  catalogue: CatalogueContext | false;
}

export interface SyncEntityContext {
  /** `products`: `sync_products`, `_sync_products_implementation`, checkpoint key. */
  syncKey: string;
  title: string;
  pluralTitle: string;
  direction: Direction;
  imports: boolean;
  exports: boolean;
  binding: string;
  cron: EntitySpec['cron'];
  /** Inventory: a stock export over bound products, not a binding import. */
  inventory: boolean;
  /** REST collection the sync reads (or, for inventory, writes). */
  resource: string;
  /** Button and cron label, e.g. `Import Products`. */
  label: string;
  /** Key of the sync's `generic.sync.checkpoint`. */
  checkpointKey: string;
  /** The cron interval in words: `every hour`, `every 15 minutes`. */
  schedule: string;
}

export interface AuthContext {
  style: AuthStyle;
  description: string;
  isApiKey: boolean;
  isBearer: boolean;
  isBasic: boolean;
  isOauth2: boolean;
  isHmac: boolean;
  /** Defaults of the backend's fields, when the API description gives them; false otherwise. */
  apiKeyHeader: string | false;
  oauthTokenUrl: string | false;
}

/** What templates know of the platform profile (never its name in a condition: its data). */
export interface PlatformContext {
  key: string;
  title: string;
  isGeneric: boolean;
  /** Whether `templates/platforms/<key>/` overrides generic templates or partials. */
  hasTemplates: boolean;
  transport: PlatformProfile['transport'];
  webhook: WebhookScheme;
  /** Default page size of new backends when it is not the framework's (50), else false. */
  pageSizeDefault: number | false;
  /** Path of the platform's guide inside the tool's references, or false. */
  guide: string | false;
}

export interface ConnectorContext extends ConnectorNames {
  connector: ConnectorNames;
  platform: PlatformContext;
  tool: { name: string; version: string };
  type: ConnectorType;
  typeTitle: string;
  auth: AuthContext;
  apiUrl: string;
  /** Whether `apiUrl` is only the catalogue's example: the field then gets a placeholder, no default. */
  apiUrlIsExample: boolean;
  /** Path of the connection test's GET, relative to the API URL (the adapter's `_test_endpoint`). */
  testEndpoint: string;
  author: string;
  website: string;
  license: string;
  version: string;
  webhooks: boolean;
  /** Every selected entity, features included, in catalogue order of the preset. */
  entityKeys: string[];
  /** Entities that own a binding model. */
  bindings: EntityContext[];
  /** Entities with a sync method on the backend (imports, plus inventory). */
  syncEntities: SyncEntityContext[];
  /** The importing binding the webhook tests deliver events for, if any. */
  webhookEntity: EntityContext | false;
  /** The customers, when the backend tells their deletions (the webhook test deletes one). */
  webhookDeleteEntity: EntityContext | false;
  imports: boolean;
  exports: boolean;
  features: { inventory: boolean };
  /** Some binding imports customers: the addon has a `partner.address` component. */
  partners: boolean;
  depends: string[];
  externalDependencies: string[];
  /** Manifest `data`, filled in by the planner once the file list is known. */
  dataFiles: string[];
}

export const ADDON_VERSION = '16.0.1.0.0';

/**
 * The catalogue as a profile sees it: its overrides merged into the catalogue's entries. A
 * null-prototype object: an entity named `constructor` or `__proto__` is simply unknown.
 */
export function profileCatalogue(profile: Pick<PlatformProfile, 'entityOverrides'>): Record<string, EntitySpec> {
  const catalogue: Record<string, EntitySpec> = Object.create(null) as Record<string, EntitySpec>;
  for (const [key, spec] of Object.entries(CATALOGUE)) {
    catalogue[key] = Object.hasOwn(profile.entityOverrides, key) ? { ...spec, ...profile.entityOverrides[key], key } : spec;
  }
  return catalogue;
}

const BASE_CATALOGUE = profileCatalogue({ entityOverrides: {} });

export function parseEntities(
  type: ConnectorType,
  requested: string[] | undefined,
  catalogue: Record<string, EntitySpec> = BASE_CATALOGUE,
): string[] {
  const wanted = requested ?? [...CONNECTOR_TYPES[type].entities];
  const unknown = wanted.filter((key) => !Object.hasOwn(catalogue, key));
  if (unknown.length) {
    throw new UsageError(
      `Unknown entit${unknown.length > 1 ? 'ies' : 'y'} ${unknown.map((u) => quote(u)).join(', ')} in --entities. ` +
        `Valid entities: ${Object.keys(catalogue).join(', ')}.`,
    );
  }
  // Pull in what an entity cannot work without (orders need customers and products), unless a
  // requested entity already binds the same Odoo model (contacts stand for customers).
  const requestedModels = new Set(
    wanted.filter((key) => !catalogue[key]!.featureOf).map((key) => catalogue[key]!.odooModel),
  );
  const result: string[] = [];
  const visit = (key: string, required: boolean): void => {
    if (result.includes(key)) return;
    if (required && !wanted.includes(key) && requestedModels.has(catalogue[key]!.odooModel)) return;
    for (const needed of catalogue[key]!.requires) visit(needed, true);
    result.push(key);
  };
  wanted.forEach((key) => visit(key, false));
  const models = new Map<string, string>();
  for (const key of result) {
    const spec = catalogue[key]!;
    if (spec.featureOf) continue;
    const other = models.get(spec.odooModel);
    if (other) {
      throw new UsageError(
        `Entities "${other}" and "${key}" both bind ${spec.odooModel}: a connector has one binding per Odoo model. Keep one of them.`,
      );
    }
    models.set(spec.odooModel, key);
  }
  return result;
}

/** Models with hand-written test fixtures in templates/partials/records/. */
const CATALOGUE_MODELS = new Set(Object.values(CATALOGUE).map((spec) => spec.odooModel));

export function syncContext(spec: EntitySpec, prefix: string): SyncEntityContext {
  const inventory = spec.featureOf !== undefined;
  return {
    syncKey: spec.syncKey,
    title: spec.title,
    pluralTitle: spec.pluralTitle,
    direction: spec.direction,
    imports: spec.direction !== 'export',
    exports: spec.direction !== 'import',
    binding: `${prefix}.${spec.odooModel}`,
    cron: spec.cron,
    inventory,
    resource: spec.resource,
    label: `${inventory ? 'Export' : 'Import'} ${spec.pluralTitle}`,
    checkpointKey: `${spec.syncKey}.updated_since`,
    schedule:
      spec.cron.interval === 1
        ? `every ${spec.cron.unit.replace(/s$/, '')}`
        : `every ${spec.cron.interval} ${spec.cron.unit}`,
  };
}

/** The names of a binding that derive from its Odoo model alone (files, classes, xml ids). */
export function modelNames(
  prefix: string,
  odooModel: string,
): Pick<EntityContext, 'odooModel' | 'odooUnderscored' | 'odooClass' | 'binding' | 'bindingUnderscored' | 'bindingClass' | 'file'> {
  const binding = `${prefix}.${odooModel}`;
  return {
    odooModel,
    odooUnderscored: underscored(odooModel),
    odooClass: pascalCase(odooModel),
    binding,
    bindingUnderscored: underscored(binding),
    bindingClass: pascalCase(binding),
    file: underscored(odooModel),
  };
}

/** A custom binding serving another binding's dependency on its model (binding-plan.ts). */
export interface ServingBinding {
  title: string;
  resource: string;
  nameExternal: string;
  recordKey?: string;
  createKey?: string;
}

/**
 * The render context of one binding; `selected` are the entity keys of the addon, `served` its
 * custom bindings by Odoo model (each serves a dependency on its model).
 */
export function entityContext(
  spec: EntitySpec,
  names: ConnectorNames,
  selected: string[],
  index: number,
  catalogue: Record<string, EntitySpec> = BASE_CATALOGUE,
  served: ReadonlyMap<string, ServingBinding> = new Map(),
): EntityContext {
  const binding = `${names.prefix}.${spec.odooModel}`;
  const bindingFor = (key: string): string => `${names.prefix}.${catalogue[key]!.odooModel}`;
  // Any selected binding of the dependency's model will do (a contact for a customer): the
  // dependency is read and exported through it, at its resource. An addon binds a model once; the
  // first match wins, so add-binding lists the bindings present before the ones it requires.
  const boundBy = (dep: EntityDependency): ServingBinding | undefined => {
    const model = catalogue[dep.entity]!.odooModel;
    // a model has one binding: when a custom one holds it, the catalogue entity is only its kind
    const custom = served.get(model);
    if (custom) return custom;
    const key = selected.find((k) => catalogue[k]?.odooModel === model);
    const target = key === undefined ? undefined : catalogue[key];
    return target && { title: target.title, resource: target.resource, nameExternal: target.nameExternal ?? 'name' };
  };
  const dependencies = spec.dependencies.flatMap((dep) => {
    const target = boundBy(dep);
    return target ? [{ dep, target }] : [];
  }).map(({ dep, target }, position) => ({
    ...dep,
    binding: bindingFor(dep.entity),
    title: target.title,
    resource: target.resource,
    nameExternal: target.nameExternal,
    recordKey: target.recordKey ?? (false as const),
    createAnswer: createAnswer(target.createKey, 2001 + position),
    model: catalogue[dep.entity]!.odooModel,
    sampleId: 2001 + position,
  }));
  const product = catalogue.product!;
  const lines: LinesContext | false =
    spec.lines && selected.includes(product.key)
      ? {
          ...spec.lines,
          fields: spec.lines.fields.map(fieldContext),
          productBinding: bindingFor(product.key),
          productResource: product.resource,
          productNameExternal: product.nameExternal ?? 'name',
          productSampleId: 3001,
          productTemplateResource: false,
        }
      : false;
  const imports = spec.direction !== 'export';
  // custom entities (add-binding --odoo-model) are not in the catalogue and have no features
  const features = selected
    .flatMap((key) => catalogue[key] ?? [])
    .filter((feature) => feature.featureOf === spec.key);
  return {
    key: spec.key,
    title: spec.title,
    pluralTitle: spec.pluralTitle,
    ...modelNames(names.prefix, spec.odooModel),
    odooLabel: spec.odooLabel,
    // the first dependency of an entity is the module defining its model
    odooModelRef: `${spec.depends[0] ?? 'base'}.model_${underscored(spec.odooModel)}`,
    connectorsPage: connectorsPage(spec.odooModel),
    resource: spec.resource,
    syncKey: spec.syncKey,
    direction: spec.direction,
    imports,
    exports: spec.direction !== 'import',
    importCreates: spec.importCreates ?? true,
    nameField: spec.nameField,
    nameExternal: spec.nameExternal ?? 'name',
    importFields: spec.importFields.map(fieldContext),
    samplePayload: samplePayload(spec.importFields.map(fieldContext)),
    importsDatetimes: imports && spec.importFields.some((field) => field.type === 'datetime'),
    listing: spec.listing ?? false,
    recordKey: spec.recordKey ?? false,
    createKey: spec.createKey ?? false,
    createAnswer: createAnswer(spec.createKey, SAMPLE_ID),
    updateMethod: spec.updateMethod ?? 'PUT',
    nameParts: spec.nameParts ?? false,
    listPage: listPage(spec.listing?.itemsKey),
    paging: pagingTest(spec.listing),
    orderRuleKeys: orderRuleKeys(spec),
    unmapped: spec.unmapped ?? [],
    exportFields: spec.exportFields.map((field) => ({ ...field, changedBy: field.changedBy ?? [field.odoo] })),
    dependencies,
    prebound: dependencies.filter((dep) => served.has(dep.model)),
    hasDependencies: dependencies.length > 0,
    lines,
    listenFields: spec.listenFields,
    listenTestField:
      spec.listenFields.find((field) =>
        spec.exportFields.some((mapped) => mapped.odoo === field && mapped.type === 'char'),
      ) ?? false,
    stateExport:
      (spec.listenFields.includes('state') &&
        spec.exportFields.find((field) => (field.changedBy ?? [field.odoo]).includes('state'))) ||
      false,
    cron: spec.cron,
    webhookEvents: spec.webhookEvents,
    webhookDeleteEvents: spec.webhookDeleteEvents ?? [],
    inventory: features.length > 0,
    priorityImport: imports && spec.lines !== undefined,
    syncs: [...(imports ? [spec] : []), ...features].map((item) => syncContext(item, names.prefix)),
    onlyCreate:
      imports &&
      (features.length > 0 || ((spec.importCreates ?? true) && dependencies.some((dep) => dep.required))),
    exportWizardAction: spec.direction !== 'import' && !FRAMEWORK_EXPORT_ACTION_MODELS.includes(spec.odooModel),
    sampleId: SAMPLE_ID,
    menuSequence: 20 + index * 10,
    notes: [spec, ...features].flatMap((item) => (item.note ? [item.note] : [])),
    recordsPartial: CATALOGUE_MODELS.has(spec.odooModel) ? `records/${underscored(spec.odooModel)}` : 'records/generic',
    testsBindRecords: spec.direction !== 'import' || !(spec.importCreates ?? true),
    usesMapping:
      spec.direction !== 'import' ||
      (imports && ((spec.importCreates ?? true) || spec.importFields.length > 0 || features.length > 0 || lines !== false)),
    partnerAddresses: imports && (spec.partnerAddresses ?? false),
    catalogue: false,
  };
}

/** Order lines name variants: with a catalogue, their product is read as a variant, then its template. */
function withCatalogueLines(bindings: EntityContext[]): EntityContext[] {
  const product = bindings.find((binding) => binding.catalogue);
  if (!product || !product.catalogue) return bindings;
  return bindings.map((binding) => withProductCatalogue(binding, product.catalogue || undefined, product.resource));
}

/** Lines of `binding` resolved through the variants of `catalogue` (products listed at `resource`). */
export function withProductCatalogue(
  binding: EntityContext,
  catalogue: CatalogueContext | undefined,
  resource: string,
): EntityContext {
  if (!catalogue || !binding.lines || binding.lines.productBinding !== catalogue.variantBinding) {
    return binding;
  }
  const lines = { ...binding.lines, productResource: catalogue.variantResource, productTemplateResource: resource };
  return { ...binding, lines };
}

/** The binding with its catalogue structure, and its product sync on the templates when they are listed. */
export function withCatalogue(binding: EntityContext, spec: EntitySpec, prefix: string, type: ConnectorType): EntityContext {
  const catalogue = catalogueContext(spec, prefix, type);
  if (!catalogue) return binding;
  const syncs = binding.syncs.map((sync) =>
    sync.inventory || !catalogue.syncsTemplates ? sync : { ...sync, binding: catalogue.binding },
  );
  // the variant binding maps no import of its own: the template importer writes the variants
  return { ...binding, catalogue, syncs, onlyCreate: false };
}

export function connectorContext(options: ConnectorOptions, toolVersion: string): ConnectorContext {
  const profile = options.platform;
  // a connector named after its platform is titled as the platform spells itself (WooCommerce)
  const plain = connectorNames(options.name);
  const names = profile.key !== 'generic' && plain.prefix === profile.key ? { ...plain, title: profile.title } : plain;
  const catalogue = profileCatalogue(profile);
  const entityKeys = parseEntities(options.type, options.entities, catalogue);
  const specs = entityKeys.map((key) => catalogue[key]!);
  const bindings = withCatalogueLines(
    specs
      .filter((spec) => !spec.featureOf)
      .map((spec, index) => withCatalogue(entityContext(spec, names, entityKeys, index, catalogue), spec, names.prefix, options.type)),
  );
  // in binding order, so that the list matches what the per-binding partials render
  const syncEntities: SyncEntityContext[] = bindings.flatMap((binding) => binding.syncs);
  // webhook tests deliver an event for a binding that imports without dependencies when possible
  const importing = bindings.filter((binding) => binding.imports && binding.importCreates && binding.webhookEvents.length);
  const webhookEntity = importing.find((binding) => !binding.hasDependencies && !binding.lines) ?? importing[0] ?? false;
  const depends = [
    'generic_connector',
    ...new Set(specs.flatMap((spec) => [...spec.depends, ...(spec.featureOf ? [] : connectorsPageDepends(spec.odooModel))])),
  ].filter(
    (dep) => dep !== 'base',
  );
  const style = options.auth;
  return {
    ...names,
    connector: names,
    platform: platformContext(profile),
    tool: { name: 'odoo-connector', version: toolVersion },
    type: options.type,
    typeTitle: CONNECTOR_TYPES[options.type].title,
    auth: {
      style,
      description: AUTH_STYLES[style],
      isApiKey: style === 'api_key',
      isBearer: style === 'bearer',
      isBasic: style === 'basic',
      isOauth2: style === 'oauth2',
      isHmac: style === 'hmac',
      apiKeyHeader: (style === 'api_key' && options.apiKeyHeader) || false,
      oauthTokenUrl: (style === 'oauth2' && options.oauthTokenUrl) || false,
    },
    apiUrl: options.apiUrl,
    apiUrlIsExample: options.apiUrl === DEFAULT_API_URL,
    testEndpoint: options.testEndpoint ?? 'me',
    author: options.author,
    website: options.website,
    license: options.license,
    version: ADDON_VERSION,
    webhooks: options.webhooks,
    entityKeys,
    bindings,
    syncEntities,
    webhookEntity,
    webhookDeleteEntity: bindings.find((binding) => binding.odooModel === 'res.partner' && binding.imports && binding.webhookDeleteEvents.length) ?? false,
    imports: bindings.some((b) => b.imports),
    exports: bindings.some((b) => b.exports),
    features: { inventory: entityKeys.includes('inventory') },
    partners: bindings.some((binding) => binding.partnerAddresses),
    depends,
    externalDependencies: ['requests'],
    dataFiles: [],
  };
}

/** The framework's default page size (generic.backend), kept unless the profile says otherwise. */
const FRAMEWORK_PAGE_SIZE = 50;

export function platformContext(profile: PlatformProfile): PlatformContext {
  return {
    key: profile.key,
    title: profile.title,
    isGeneric: profile.key === 'generic',
    hasTemplates: profile.hasTemplates,
    transport: profile.transport,
    webhook: profile.webhook,
    pageSizeDefault: profile.pageSize === FRAMEWORK_PAGE_SIZE ? false : profile.pageSize,
    guide: profile.hasGuide ? `references/platforms/${profile.key}.md` : false,
  };
}
