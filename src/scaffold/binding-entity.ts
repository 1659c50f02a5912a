/**
 * @fileoverview The entity add-binding adds: a catalogue entry (`customer`, `invoice`…), or a
 * custom one built from `--odoo-model` for any other model. A custom entity maps only what every
 * model has (its display name on export) and imports update the records it is already bound
 * to: the integrator adds the real field mappings.
 */
import { UsageError } from '../errors.js';
import { ENTITY_CATALOGUE, type Direction, type EntitySpec } from './catalogue.js';
import { moduleDefiningModel } from './model-modules.js';
import { plural, titleCase, validateEntityName, validateModelName } from './names.js';

export interface BindingRequest {
  entity: string;
  odooModel?: string;
  externalName?: string;
  direction?: string;
  /** `SPEC[#pointer]`: map from the API's OpenAPI description. */
  fromOpenapi?: string;
}

const DIRECTIONS: Direction[] = ['import', 'export', 'both'];

export function resolveEntitySpec(request: BindingRequest): { spec: EntitySpec; custom: boolean } {
  const key = validateEntityName(request.entity);
  const model = request.odooModel === undefined ? undefined : validateModelName(request.odooModel);
  if (request.direction !== undefined && !DIRECTIONS.includes(request.direction as Direction)) {
    throw new UsageError(`Invalid --direction ${JSON.stringify(request.direction)}. Valid values: ${DIRECTIONS.join(', ')}.`);
  }
  const direction = request.direction as Direction | undefined;
  if (request.externalName !== undefined && !/^[A-Za-z0-9_][A-Za-z0-9_./-]*$/.test(request.externalName)) {
    throw new UsageError(
      `Invalid --external-name ${JSON.stringify(request.externalName)}: use the API resource path, e.g. "customers" or "v2/orders".`,
    );
  }
  const known = ENTITY_CATALOGUE[key];
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
