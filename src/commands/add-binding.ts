/**
 * @fileoverview `odoo-connector add-binding [connector_path] <entity>`: adds one entity to an
 * existing connector addon, all edits planned in memory and written at once, or not at all.
 */
import { UsageError } from '../errors.js';
import { withAddonLock } from '../scaffold/addon-lock.js';
import type { Io } from '../io.js';
import { applyChanges } from '../scaffold/apply.js';
import { planAddBinding } from '../scaffold/binding-plan.js';
import { locateAddon, readConnectorAddon } from '../scaffold/connector-addon.js';
import { packageVersion } from '../util/package-paths.js';
import { proposalLines } from '../apispec/plan-from-spec.js';

export interface AddBindingOptions {
  odooModel?: string;
  externalName?: string;
  direction?: string;
  dryRun?: boolean;
  force?: boolean;
  json?: boolean;
  fromOpenapi?: string;
  fromTypes?: string;
}

/** `first` is the addon path when `second` is given, the entity otherwise. */
export async function runAddBinding(
  first: string | undefined,
  second: string | undefined,
  options: AddBindingOptions,
  io: Io,
): Promise<number> {
  // 1. Find the addon and read what init chose.
  if (first === undefined) throw new UsageError('add-binding needs the entity to add, e.g. "add-binding customer".');
  const [path, entity] = second === undefined ? [undefined, first] : [first, second];
  const dir = locateAddon(io.cwd, path);
  // another run on this addon between our reading and writing would lose its edits: take turns
  if (options.dryRun) return addBinding(dir, entity, options, io);
  return withAddonLock(dir, () => addBinding(dir, entity, options, io));
}

async function addBinding(dir: string, entity: string, options: AddBindingOptions, io: Io): Promise<number> {
  const addon = await readConnectorAddon(dir);

  // 2. Plan every file change in memory.
  const plan = await planAddBinding(
    addon,
    { entity, odooModel: options.odooModel, externalName: options.externalName, direction: options.direction, fromOpenapi: options.fromOpenapi, fromTypes: options.fromTypes, cwd: io.cwd },
    { force: Boolean(options.force), version: packageVersion() },
  );

  // 3. Write it all at once (or print the diff).
  const { entity: added } = plan;
  if (plan.changes.isEmpty && !options.json) {
    io.out(`${added.binding} is already in ${addon.module}: nothing to do.`);
    return 0;
  }
  const notes = [
    ...(plan.described ? (options.dryRun ? proposalLines(plan.described) : plan.described.resource.notes) : []),
    ...plan.notes,
    ...(options.dryRun
      ? []
      : [
          `Added ${added.binding} (${added.odooModel}, ${added.direction}) to ${addon.module}.`,
          `Upgrade the module (-u ${addon.module}) and review components/${added.file}.py: the field mappings are where the real API differs.`,
        ]),
  ];
  applyChanges(plan.changes, io, {
    command: 'add-binding',
    dryRun: Boolean(options.dryRun),
    json: Boolean(options.json),
    diff: true,
    details: {
      addon: addon.module,
      entity: added.key,
      binding: added.binding,
      odooModel: added.odooModel,
      direction: added.direction,
      ...(plan.described ? { proposal: { ...plan.described.proposal, resource: added.resource, operations: plan.described.resource.operations ?? null } } : {}),
    },
    notes,
  });
  return 0;
}
