/**
 * @fileoverview `init --force` over an existing addon renders it again without losing what was
 * added after init: the bindings add-binding recorded in `.odoo-connector.json` are planned again
 * over the fresh render (with their options and API descriptions), the entities init chose then are kept, and the
 * lines the user added to the registries init rewrites stay: imports in `__init__.py` files of
 * modules that exist, manifest data files that exist and depends, and ACL rows. A binding found
 * in models/ that nothing records cannot be rendered again: that is a refusal, not a silent drop.
 */
import { join } from 'node:path';
import { RefusedError, UsageError } from '../errors.js';
import { readOrigin } from './file-state.js';
import { catalogueEntry } from './catalogue.js';
import { editManifest, planAddBinding } from './binding-plan.js';
import type { ChangeSet } from './changeset.js';
import { addedBindings, type AddedBinding } from './config-file.js';
import { replayedDescription } from './description-source.js';
import { CONFIG_FILE, readConnectorAddon, type ConnectorAddon } from './connector-addon.js';
import { appendAccessRows } from './edits/csv-edits.js';
import { addRelativeImport, insertListItem, listStrings, manifestList } from './edits/python-edits.js';

export interface PriorAddon {
  /** Entities init chose (recorded, and not added later by add-binding). */
  initEntities: string[];
  added: AddedBinding[];
  /** The addon as it is on disk, when it can be read as a connector. */
  addon: ConnectorAddon | undefined;
  hasConfig: boolean;
}

/** What the existing addon records and holds. */
export async function readPriorAddon(target: string): Promise<PriorAddon> {
  const configPath = join(target, CONFIG_FILE);
  const source = readOrigin(configPath).text;
  const added = addedBindings(source, configPath);
  let entities: unknown = [];
  try {
    entities = source === undefined ? [] : (JSON.parse(source) as { entities?: unknown }).entities;
  } catch {
    entities = [];
  }
  // an entity add-binding rewrote over init's binding stays init's (the record is replayed over it)
  const addedKeys = new Set(added.filter((item) => !item.overInit).map((item) => item.entity));
  const initEntities = (Array.isArray(entities) ? entities : []).filter(
    (key): key is string => typeof key === 'string' && catalogueEntry(key) !== undefined && !addedKeys.has(key),
  );
  let addon: ConnectorAddon | undefined;
  try {
    addon = await readConnectorAddon(target);
  } catch (error) {
    if (!(error instanceof RefusedError)) throw error;
    addon = undefined; // not readable as a connector: nothing of it to keep
  }
  return { initEntities, added, addon, hasConfig: source !== undefined };
}

/** Plans the recorded bindings again over init's render, with the options they were added with. */
export async function replayAddedBindings(target: string, changes: ChangeSet, prior: PriorAddon, rendered: string[], version: string): Promise<void> {
  for (const record of prior.added) {
    const described = record.fromOpenapi !== undefined || record.fromTypes !== undefined;
    const description = replayedDescription(record, target);
    const plain = record.externalName === undefined && record.direction === undefined && !described;
    if (plain && rendered.includes(record.entity)) continue;
    const addon = await readConnectorAddon(target, changes);
    const request = { entity: record.entity, odooModel: record.odooModel, externalName: record.externalName, direction: record.direction, ...description };
    try {
      await planAddBinding(addon, request, { force: true, version, changes, replaying: record });
    } catch (error) {
      if (!(error instanceof UsageError) || !described) throw error;
      // the description moved or no longer reads: say which record asks for it
      const given = record.fromOpenapi ?? record.fromTypes;
      throw new RefusedError(
        `${join(target, CONFIG_FILE)}: the ${record.entity} binding was mapped from ${given} (relative to the addon), which init --force reads again: ` +
          `${error.message} Restore the description there, or correct or remove "${record.fromOpenapi !== undefined ? 'fromOpenapi' : 'fromTypes'}" ` +
          'in that record (without it, the binding is rendered as if added without a description). Nothing was written.',
      );
    }
  }
}

/** Refuses when a binding on disk would be left out of the new render (its files orphaned). */
export function refuseUnrecordedBindings(prior: PriorAddon, coveredModels: string[]): void {
  const lost = (prior.addon?.bindings ?? []).filter((binding) => !coveredModels.includes(binding.odooModel));
  if (!lost.length) return;
  const first = lost[0]!;
  throw new RefusedError(
    `${join(prior.addon!.dir, first.file)}: the binding ${first.model} is not recorded in ${CONFIG_FILE}, so init --force would ` +
      `drop it from the manifest, imports, access rows and menus${lost.length > 1 ? ` (so would ${lost.slice(1).map((b) => b.model).join(', ')})` : ''}. ` +
      'Nothing was written. ' +
      (prior.hasConfig
        ? `Record it first with "add-binding <entity> --odoo-model ${first.odooModel} --force", or remove its files.`
        : `There is no ${CONFIG_FILE} to record it in: move its files away, run init --force, then add it again with "add-binding <entity> --odoo-model ${first.odooModel}".`),
  );
}

/** Puts back the lines the user added to registries that the new render rewrites. */
export async function keepUserLines(target: string, changes: ChangeSet): Promise<void> {
  const exists = (path: string): boolean => changes.read(path) !== undefined;
  for (const change of changes.list()) {
    if (change.kind !== 'update' || change.before === undefined) continue;
    const file = join(target, change.path);
    const folder = change.path.includes('/') ? change.path.slice(0, change.path.lastIndexOf('/') + 1) : '';
    let merged = change.after;
    if (change.path.endsWith('__init__.py')) {
      for (const module of relativeImports(change.before)) {
        if (exists(`${folder}${module}.py`) || exists(`${folder}${module}/__init__.py`)) {
          merged = await addRelativeImport(merged, module, file);
        }
      }
    } else if (change.path === '__manifest__.py') {
      const before = await manifestList(change.before, 'data', file);
      for (const data of before ? listStrings(before.list) : []) {
        if (exists(data)) merged = await editManifest(merged, file, [], data);
      }
      const depends = await manifestList(change.before, 'depends', file);
      for (const dep of depends ? listStrings(depends.list) : []) {
        const now = await manifestList(merged, 'depends', file);
        if (now && !listStrings(now.list).includes(dep)) merged = insertListItem(merged, now.list, dep);
      }
    } else if (change.path === 'security/ir.model.access.csv') {
      const rows = change.before.split(/\r?\n/).slice(1).filter((line) => line.trim()).join('\n');
      merged = appendAccessRows(merged, rows, file);
    }
    if (merged !== change.after) changes.update(change.path, merged);
  }
}

/** Modules imported by `from . import a, b as c` lines. */
function relativeImports(source: string): string[] {
  const modules: string[] = [];
  for (const match of source.matchAll(/^from \. import ([^#\n]+)/gm)) {
    for (const part of match[1]!.replace(/[()\\]/g, '').split(',')) {
      const name = part.trim().split(/\s+as\s+/)[0]!.trim();
      if (/^[A-Za-z_]\w*$/.test(name)) modules.push(name);
    }
  }
  return modules;
}
