/**
 * @fileoverview Builds the render context of a connector addon from validated options and the
 * entity catalogue. This object is the whole vocabulary of `templates/connector/`: a template may
 * use only the keys defined here (Handlebars runs in strict mode).
 */
import { UsageError } from '../errors.js';
import {
  AUTH_STYLES,
  CONNECTOR_TYPES,
  ENTITY_CATALOGUE,
  type AuthStyle,
  type ConnectorType,
  type Direction,
  type EntitySpec,
  type FieldMap,
} from './catalogue.js';
import { connectorNames, pascalCase, underscored, type ConnectorNames } from './names.js';

export interface ConnectorOptions {
  name: string;
  type: ConnectorType;
  entities?: string[];
  auth: AuthStyle;
  apiUrl: string;
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
  /** `shopify.res.partner` */
  binding: string;
  /** `shopify_res_partner`: xml ids, ACL ids */
  bindingUnderscored: string;
  /** `ShopifyResPartner` */
  bindingClass: string;
  /** `res_partner`: models/<file>.py, components/<file>.py, tests/test_<file>.py */
  file: string;
  resource: string;
  syncKey: string;
  direction: Direction;
  imports: boolean;
  exports: boolean;
  nameField: string;
  importFields: FieldMap[];
  exportFields: FieldMap[];
  dependencies: DependencyContext[];
  hasDependencies: boolean;
  lines: EntitySpec['lines'] | false;
  listenFields: string[];
  cron: EntitySpec['cron'];
  webhookEvents: string[];
  /** This binding also carries the inventory export (product with the inventory entity). */
  inventory: boolean;
  /** Sequence of the binding's menu entry. */
  menuSequence: number;
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
}

export interface AuthContext {
  style: AuthStyle;
  description: string;
  isApiKey: boolean;
  isBearer: boolean;
  isBasic: boolean;
  isOauth2: boolean;
  isHmac: boolean;
}

export interface ConnectorContext extends ConnectorNames {
  connector: ConnectorNames;
  tool: { name: string; version: string };
  type: ConnectorType;
  typeTitle: string;
  auth: AuthContext;
  apiUrl: string;
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
  imports: boolean;
  exports: boolean;
  features: { inventory: boolean };
  depends: string[];
  externalDependencies: string[];
  /** Manifest `data`, filled in by the planner once the file list is known. */
  dataFiles: string[];
}

export const ADDON_VERSION = '16.0.1.0.0';

export function parseEntities(type: ConnectorType, requested: string[] | undefined): string[] {
  const wanted = requested && requested.length ? requested : [...CONNECTOR_TYPES[type].entities];
  const unknown = wanted.filter((key) => !(key in ENTITY_CATALOGUE));
  if (unknown.length) {
    throw new UsageError(
      `Unknown entit${unknown.length > 1 ? 'ies' : 'y'} ${unknown.map((u) => JSON.stringify(u)).join(', ')} in --entities. ` +
        `Valid entities: ${Object.keys(ENTITY_CATALOGUE).join(', ')}.`,
    );
  }
  // Pull in what an entity cannot work without (orders need customers and products).
  const result: string[] = [];
  const visit = (key: string): void => {
    if (result.includes(key)) return;
    for (const needed of ENTITY_CATALOGUE[key]!.requires) visit(needed);
    result.push(key);
  };
  wanted.forEach(visit);
  const models = new Map<string, string>();
  for (const key of result) {
    const spec = ENTITY_CATALOGUE[key]!;
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

function entityContext(spec: EntitySpec, names: ConnectorNames, selected: string[], index: number): EntityContext {
  const binding = `${names.prefix}.${spec.odooModel}`;
  const bindingFor = (key: string): string => `${names.prefix}.${ENTITY_CATALOGUE[key]!.odooModel}`;
  const dependencies = spec.dependencies
    .filter((dep) => selected.includes(dep.entity))
    .map((dep) => ({ ...dep, binding: bindingFor(dep.entity) }));
  return {
    key: spec.key,
    title: spec.title,
    pluralTitle: spec.pluralTitle,
    odooModel: spec.odooModel,
    odooUnderscored: underscored(spec.odooModel),
    odooClass: pascalCase(spec.odooModel),
    odooLabel: spec.odooLabel,
    binding,
    bindingUnderscored: underscored(binding),
    bindingClass: pascalCase(binding),
    file: underscored(spec.odooModel),
    resource: spec.resource,
    syncKey: spec.syncKey,
    direction: spec.direction,
    imports: spec.direction !== 'export',
    exports: spec.direction !== 'import',
    nameField: spec.nameField,
    importFields: spec.importFields,
    exportFields: spec.exportFields,
    dependencies,
    hasDependencies: dependencies.length > 0,
    lines: spec.lines && selected.includes('product') ? spec.lines : false,
    listenFields: spec.listenFields,
    cron: spec.cron,
    webhookEvents: spec.webhookEvents,
    inventory: selected.some((key) => ENTITY_CATALOGUE[key]!.featureOf === spec.key),
    menuSequence: 20 + index * 10,
  };
}

export function connectorContext(options: ConnectorOptions, toolVersion: string): ConnectorContext {
  const names = connectorNames(options.name);
  const entityKeys = parseEntities(options.type, options.entities);
  const specs = entityKeys.map((key) => ENTITY_CATALOGUE[key]!);
  const bindings = specs
    .filter((spec) => !spec.featureOf)
    .map((spec, index) => entityContext(spec, names, entityKeys, index));
  const syncEntities: SyncEntityContext[] = specs
    .filter((spec) => spec.featureOf || spec.direction !== 'export')
    .map((spec) => ({
      syncKey: spec.syncKey,
      title: spec.title,
      pluralTitle: spec.pluralTitle,
      direction: spec.direction,
      imports: spec.direction !== 'export',
      exports: spec.direction !== 'import',
      binding: `${names.prefix}.${spec.odooModel}`,
      cron: spec.cron,
      inventory: spec.featureOf !== undefined,
    }));
  const depends = ['generic_connector', ...new Set(specs.flatMap((spec) => spec.depends))].filter(
    (dep) => dep !== 'base',
  );
  const style = options.auth;
  return {
    ...names,
    connector: names,
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
    },
    apiUrl: options.apiUrl,
    author: options.author,
    website: options.website,
    license: options.license,
    version: ADDON_VERSION,
    webhooks: options.webhooks,
    entityKeys,
    bindings,
    syncEntities,
    imports: bindings.some((b) => b.imports),
    exports: bindings.some((b) => b.exports),
    features: { inventory: entityKeys.includes('inventory') },
    depends,
    externalDependencies: ['requests'],
    dataFiles: [],
  };
}
