/**
 * @fileoverview `odoo-connector init <name>`: writes a complete connector addon.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { RefusedError, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { applyChanges } from '../scaffold/apply.js';
import { defaultPlatformFor, platformProfile } from '../platforms/registry.js';
import type { AuthStyle, ConnectorType } from '../scaffold/catalogue.js';
import { ChangeSet, OverwriteStrategy } from '../scaffold/changeset.js';
import { renderConnector } from '../scaffold/connector-plan.js';
import { connectorContext } from '../scaffold/context.js';
import { choice, splitList, validateLicense, validateText, validateUrl } from '../scaffold/options.js';
import { packageVersion } from '../util/package-paths.js';
import { readSpecConnection } from '../apispec/spec-connection.js';

export interface InitOptions {
  platform?: string;
  type?: string;
  path?: string;
  entities?: string;
  auth?: string;
  apiUrl?: string;
  author?: string;
  website?: string;
  license?: string;
  webhooks?: boolean;
  dryRun?: boolean;
  force?: boolean;
  json?: boolean;
  addonsPath?: string;
  fromOpenapi?: string;
}

export function runInit(name: string, options: InitOptions, io: Io): number {
  // 1. Validate every option before anything is rendered; the profile decides what is allowed.
  const platform = options.platform === undefined ? defaultPlatformFor(name) : platformProfile(options.platform);
  const allowed = platform.key === 'generic' ? '' : ` with --platform ${platform.key}`;
  const type = choice<ConnectorType>(`--type${allowed}`, options.type ?? platform.types[0]!, platform.types);
  const entities = options.entities === undefined ? undefined : splitList(options.entities, '--entities');
  // --from-openapi: the document's server and security scheme, unless given
  const described = options.fromOpenapi === undefined ? undefined : readSpecConnection(options.fromOpenapi, entities);
  const auth = choice<AuthStyle>(`--auth${allowed}`, options.auth ?? described?.auth ?? platform.auth[0]!, platform.auth);
  if (entities && platform.entities) {
    const unsupported = entities.filter((key) => !platform.entities!.includes(key));
    if (unsupported.length) {
      throw new UsageError(
        `--entities: ${unsupported.join(', ')} ${unsupported.length > 1 ? 'are' : 'is'} not implemented by the ${platform.title} profile. ` +
          `It implements: ${platform.entities.join(', ')} (or use --platform generic).`,
      );
    }
  }
  const ctx = connectorContext(
    {
      name,
      platform,
      type,
      auth,
      entities,
      apiUrl: validateUrl('--api-url', options.apiUrl ?? described?.apiUrl ?? platform.apiUrl),
      author: validateText('--author', options.author ?? 'odoo-connector'),
      website: validateUrl('--website', options.website ?? 'https://github.com/odoo-connector/odoo-connector'),
      license: validateLicense(options.license ?? 'LGPL-3'),
      webhooks: options.webhooks ?? true,
    },
    packageVersion(),
  );

  // 2. Plan the addon in memory.
  const parent = resolve(io.cwd, options.path ?? '.');
  const target = join(parent, ctx.module);
  if (existsSync(target) && !options.force) {
    throw new RefusedError(`${target} already exists: nothing was written. Use --force to overwrite the generated files.`);
  }
  const changes = new ChangeSet(target, options.force ? OverwriteStrategy.Overwrite : OverwriteStrategy.ThrowIfExisting);
  for (const file of renderConnector(ctx)) changes.create(file.path, file.content);

  // 3. Write it (or print it) and say what comes next.
  const notes = options.dryRun
    ? []
    : [`Created ${ctx.module} (${ctx.typeTitle}, ${ctx.auth.style} auth, entities: ${ctx.entityKeys.join(', ')}).`];
  if (!ctx.platform.isGeneric) {
    const told = options.platform === undefined ? ` (the ${name.replace(/_connector$/, '')} name picks it; --platform generic for a plain REST connector)` : '';
    notes.unshift(`Platform profile: ${ctx.platform.title}${told}.`);
  }
  if (described) {
    notes.push(
      ...described.notes,
      ...Object.entries(described.schemas).map(
        ([entity, schema]) => `${entity} is ${schema} in the API description (add-binding --from-openapi maps a binding's fields from it).`,
      ),
    );
  }
  const framework = findFramework(parent, options.addonsPath);
  if (!framework) {
    notes.push(
      `Hint: generic_connector was not found next to ${ctx.module} or on --addons-path. ` +
        `Run "npx odoo-connector init-framework --path ${options.path ?? '.'}" to write it.`,
    );
  }
  applyChanges(changes, io, {
    command: 'init',
    dryRun: Boolean(options.dryRun),
    json: Boolean(options.json),
    details: { addon: ctx.module, platform: ctx.platform.key, type: ctx.type, auth: ctx.auth.style, entities: ctx.entityKeys, frameworkFound: Boolean(framework) },
    notes,
  });
  return 0;
}

/** The folder holding `generic_connector`, looked for beside the target and on an addons path. */
export function findFramework(parent: string, addonsPath: string | undefined): string | undefined {
  const candidates = [parent, ...(addonsPath ? addonsPath.split(',').map((p) => p.trim()).filter(Boolean) : [])];
  return candidates.find((dir) => existsSync(join(resolve(dir), 'generic_connector', '__manifest__.py')));
}
