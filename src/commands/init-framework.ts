/**
 * @fileoverview `odoo-connector init-framework`: writes connector_base_backend, generic_connector,
 * its product and sale bridges and their test addon, the open framework generated connectors extend.
 */
import { join, resolve } from 'node:path';
import type { Io } from '../io.js';
import { applyChanges } from '../scaffold/apply.js';
import { ChangeSet, OverwriteStrategy } from '../scaffold/changeset.js';
import { renderTemplateDir } from '../scaffold/render.js';
import { templatesRoot } from '../util/package-paths.js';
import { existsSync } from 'node:fs';
import { RefusedError } from '../errors.js';

export const FRAMEWORK_ADDONS = [
  'connector_base_backend',
  'generic_connector',
  // auto-installed: the hidden Connectors page of the product and order forms
  'generic_connector_product',
  'generic_connector_sale',
  // auto-installed with stock: the free-quantity export of the variant bindings
  'generic_connector_stock',
  'test_generic_connector',
];

export interface InitFrameworkOptions {
  path?: string;
  dryRun?: boolean;
  force?: boolean;
  json?: boolean;
}

export function runInitFramework(options: InitFrameworkOptions, io: Io): number {
  const parent = resolve(io.cwd, options.path ?? '.');
  const existing = FRAMEWORK_ADDONS.filter((addon) => existsSync(join(parent, addon)));
  if (existing.length && !options.force) {
    throw new RefusedError(
      `${existing.map((a) => join(parent, a)).join(', ')} already exist${existing.length > 1 ? '' : 's'}: nothing was written. ` +
        'Use --force to overwrite the framework files.',
    );
  }
  const changes = new ChangeSet(parent, options.force ? OverwriteStrategy.Overwrite : OverwriteStrategy.ThrowIfExisting);
  for (const file of renderTemplateDir(join(templatesRoot, 'framework'), {})) changes.create(file.path, file.content);
  applyChanges(changes, io, {
    command: 'init-framework',
    dryRun: Boolean(options.dryRun),
    json: Boolean(options.json),
    details: { addons: FRAMEWORK_ADDONS },
    notes: options.dryRun
      ? []
      : [
          `Wrote ${FRAMEWORK_ADDONS.join(', ')} to ${parent}.`,
          'They need OCA queue_job, component, component_event and connector (16.0) on the addons path.',
        ],
  });
  return 0;
}
