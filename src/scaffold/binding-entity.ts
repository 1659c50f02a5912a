/**
 * @fileoverview The entity add-binding adds: a catalogue entry (`customer`, `invoice`…), or a
 * custom one built from `--odoo-model` for any other model. A custom entity maps only what every
 * model has (its display name on export) and imports update the records it is already bound
 * to: the integrator adds the real field mappings.
 */
import { UsageError } from '../errors.js';
import { ENTITY_CATALOGUE, catalogueEntry, type Direction, type EntitySpec } from './catalogue.js';
import { moduleDefiningModel } from './model-modules.js';
import { plural, titleCase, validateEntityName, validateModelName } from './names.js';
import { quote } from '../util/quote.js';

export interface BindingRequest {
  entity: string;
  odooModel?: string;
  externalName?: string;
  direction?: string;
  /** `SPEC[#pointer]`: map from the API's OpenAPI description. */
  fromOpenapi?: string;
  /** `FILE.d.ts#TypeName` or `package#TypeName`: map from the SDK's TypeScript declarations. */
  fromTypes?: string;
  /** Where relative --from-* paths and node_modules are looked up from. */
  cwd?: string;
}

const DIRECTIONS: Direction[] = ['import', 'export', 'both'];

/** Longest resource path that keeps the generated test lines within 88 columns. */
export const MAX_EXTERNAL_NAME = 40;

/** One path segment: no `.`/`..`, no empty segment, nothing to escape in a URL or a Python string. */
const RESOURCE_SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

/**
 * The resource path is joined to the API URL: `customers` or `v2/orders`, relative, each segment
 * a plain name, so that it cannot climb out of the API's base path (`a/../b`, `/x`, `a//b`).
 */
export function validateExternalName(value: string): string {
  const segments = value.split('/');
  if (value.length > MAX_EXTERNAL_NAME || !segments.every((segment) => RESOURCE_SEGMENT.test(segment))) {
    throw new UsageError(
      `Invalid --external-name ${quote(value)}: use a relative API resource path of at most ${MAX_EXTERNAL_NAME} characters, ` +
        'segments of letters, digits, _ . - separated by single slashes, no "." or ".." segment, e.g. "customers" or "v2/orders".',
    );
  }
  return value;
}

/** `catalogue`: the catalogue as the connector's platform profile sees it (default: the plain one). */
export function resolveEntitySpec(
  request: BindingRequest,
  catalogue?: Record<string, EntitySpec>,
): { spec: EntitySpec; custom: boolean } {
  const key = validateEntityName(request.entity);
  const model = request.odooModel === undefined ? undefined : validateModelName(request.odooModel);
  if (request.direction !== undefined && !DIRECTIONS.includes(request.direction as Direction)) {
    throw new UsageError(`Invalid --direction ${quote(request.direction)}. Valid values: ${DIRECTIONS.join(', ')}.`);
  }
  const direction = request.direction as Direction | undefined;
  if (request.externalName !== undefined) validateExternalName(request.externalName);
  const known = catalogue ? (Object.hasOwn(catalogue, key) ? catalogue[key] : undefined) : catalogueEntry(key);
  if (known && (model === undefined || model === known.odooModel)) {
    if (known.featureOf) {
      throw new UsageError(
        `"${key}" is a feature of the ${known.featureOf} binding, not a binding of its own: create the connector with it (init --entities ${known.featureOf},${key}).`,
      );
    }
    return {
      spec: {
        ...known,
        resource: request.externalName ?? known.resource,
        direction: direction ?? known.direction,
      },
      custom: false,
    };
  }
  if (model === undefined) {
    throw new UsageError(
      `"${key}" is not in the entity catalogue: give the Odoo model with --odoo-model (for example --odoo-model purchase.order). ` +
        `Catalogue entities: ${Object.keys(ENTITY_CATALOGUE).filter((k) => !ENTITY_CATALOGUE[k]!.featureOf).join(', ')}.`,
    );
  }
  const title = titleCase(key);
  const module = moduleDefiningModel(model);
  return {
    spec: {
      key,
      title,
      pluralTitle: titleCase(plural(key)),
      odooModel: model,
      odooLabel: `Odoo ${title}`,
      resource: request.externalName ?? plural(key),
      syncKey: plural(key),
      direction: direction ?? 'export',
      depends: module && module !== 'base' ? [module] : [],
      requires: [],
      nameField: 'display_name',
      nameExternal: 'name',
      importCreates: false,
      importFields: [],
      // display_name exists on every model; `name`, when the model has it, is what changes it
      exportFields: [{ external: 'name', odoo: 'display_name', type: 'char', changedBy: ['name'] }],
      dependencies: [],
      listenFields: ['name'],
      cron: { interval: 1, unit: 'hours' },
      webhookEvents: [],
    },
    custom: true,
  };
}
