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
import { connectorContext, type ConnectorContext, type ConnectorOptions } from '../scaffold/context.js';
import { isStaleLock, withAddonLock } from '../scaffold/addon-lock.js';
import { keepUserLines, readPriorAddon, refuseUnrecordedBindings, replayAddedBindings } from '../scaffold/regenerate.js';
import { removeLeftovers } from '../scaffold/leftovers.js';
import { inspectTarget } from '../scaffold/target-folder.js';
import { addonsPathDirs, choice, splitList, validateLicense, validateText, validateUrl } from '../scaffold/options.js';
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
  fromTypes?: string;
}

/** Exit code, or a promise of it when an existing addon is rendered again (init --force). */
export function runInit(name: string, options: InitOptions, io: Io, typeNotes: string[] = []): number | Promise<number> {
  if (options.fromTypes !== undefined) return withTypes(name, options, options.fromTypes, io);
  // 1. Validate every option before anything is rendered; the profile decides what is allowed.
  const platform = options.platform === undefined ? defaultPlatformFor(name) : platformProfile(options.platform);
  const allowed = platform.key === 'generic' ? '' : ` with --platform ${platform.key}`;
  const type = choice<ConnectorType>(`--type${allowed}`, options.type ?? platform.types[0]!, platform.types);
  const requested = options.entities === undefined ? undefined : splitList(options.entities, '--entities');
  // --from-openapi: the document's server and security scheme, unless given
  const described = options.fromOpenapi === undefined ? undefined : readSpecConnection(options.fromOpenapi, requested);
  const auth = choice<AuthStyle>(`--auth${allowed}`, options.auth ?? described?.auth ?? platform.auth[0]!, platform.auth);
  const unsupported = platform.entities ? (requested ?? []).filter((key) => !platform.entities!.includes(key)) : [];
  if (unsupported.length) {
    throw new UsageError(
      `--entities: ${unsupported.join(', ')} ${unsupported.length > 1 ? 'are' : 'is'} not implemented by the ${platform.title} profile. ` +
        `It implements: ${platform.entities!.join(', ')} (or use --platform generic).`,
    );
  }
  const connector: ConnectorOptions = {
    name,
    platform,
    type,
    auth,
    entities: requested,
    apiUrl: validateUrl('--api-url', options.apiUrl ?? described?.apiUrl ?? platform.apiUrl),
    ...(described?.apiKeyHeader ? { apiKeyHeader: described.apiKeyHeader } : {}),
    ...(described?.oauthTokenUrl ? { oauthTokenUrl: described.oauthTokenUrl } : {}),
    ...(described?.testEndpoint ? { testEndpoint: described.testEndpoint } : {}),
    author: validateText('--author', options.author ?? 'odoo-connector'),
    website: validateUrl('--website', options.website ?? 'https://github.com/odoo-connector/odoo-connector', { fragment: true }),
    license: validateLicense(options.license ?? 'LGPL-3'),
    webhooks: options.webhooks ?? true,
  };
  const ctx = connectorContext(connector, packageVersion());
  const addonsDirs = addonsPathDirs(io.cwd, options.addonsPath);
  const specNotes = [
    ...typeNotes,
    ...(described?.notes ?? []),
    ...Object.entries(described?.schemas ?? {}).map(
      ([entity, schema]) => `${entity} is ${schema} in the API description (add-binding --from-openapi maps a binding's fields from it).`,
    ),
  ];

  // 2. Plan the addon in memory.
  const parent = resolve(io.cwd, options.path ?? '.');
  const target = join(parent, ctx.module);
  const state = inspectTarget(target);
  if (state === 'existing') {
    if (!options.force) {
      throw new RefusedError(`${target} already exists: nothing was written. Use --force to overwrite the generated files.`);
    }
    const again = (): Promise<number> => renderAgain(connector, target, parent, addonsDirs, options, io, specNotes);
    // an existing addon may be grown by add-binding at the same time: take turns
    return options.dryRun ? again() : withAddonLock(target, again);
  }
  // a killed run left temporary files (and perhaps its lock): they are not an addon to protect
  if (state === 'empty' && !options.dryRun) removeLeftovers(target, isStaleLock);
  const changes = new ChangeSet(target, options.force ? OverwriteStrategy.Overwrite : OverwriteStrategy.ThrowIfExisting);
  for (const file of renderConnector(ctx)) changes.create(file.path, file.content);
  return finish(changes, ctx, parent, addonsDirs, options, io, specNotes);
}

/**
 * --from-types: each entity resolved to a type of the declarations (or an error listing them),
 * before the addon is planned; the TypeScript compiler is loaded for this option only.
 */
async function withTypes(name: string, options: InitOptions, types: string, io: Io): Promise<number> {
  if (options.fromOpenapi !== undefined) throw new UsageError('--from-openapi and --from-types both describe the API: give one of them.');
  const requested = options.entities === undefined ? [] : splitList(options.entities, '--entities');
  if (!requested.length) throw new UsageError(`init --from-types needs --entities: each is looked up as a type of ${types} by its name.`);
  const { typesForEntities } = await import('../apispec/read-types.js');
  const found = await typesForEntities(types, requested, io.cwd);
  const notes = Object.entries(found).map(
    ([entity, type]) => `${entity} is ${type} in the SDK's declarations (add-binding ${entity} --force --from-types ${type} maps its fields from it).`,
  );
  return runInit(name, { ...options, fromTypes: undefined }, io, notes);
}

/**
 * init --force over an existing addon: the entities init chose then (unless --entities names
 * others, which are added to them), the bindings add-binding recorded, and the user's registry
 * lines, all kept (see scaffold/regenerate.ts).
 */
async function renderAgain(
  connector: ConnectorOptions,
  target: string,
  parent: string,
  addonsDirs: string[],
  options: InitOptions,
  io: Io,
  specNotes: string[],
): Promise<number> {
  const prior = await readPriorAddon(target);
  const entities = connector.entities === undefined
    ? (prior.initEntities.length ? prior.initEntities : undefined)
    : [...new Set([...connector.entities, ...prior.initEntities])];
  const ctx = connectorContext({ ...connector, entities }, packageVersion());
  // an e-commerce product binding comes with its template binding (catalogue-context.ts)
  const rendered = ctx.bindings.flatMap((b) => (b.catalogue ? [b.odooModel, 'product.template'] : [b.odooModel]));
  refuseUnrecordedBindings(prior, [...rendered, ...prior.added.map((a) => a.odooModel)]);
  const changes = new ChangeSet(target, OverwriteStrategy.Overwrite);
  for (const file of renderConnector(ctx)) changes.create(file.path, file.content);
  await replayAddedBindings(target, changes, prior, ctx.entityKeys, packageVersion());
  await keepUserLines(target, changes);
  const kept = prior.added.map((a) => a.entity).filter((key) => !ctx.entityKeys.includes(key));
  const notes = kept.length && !options.dryRun ? [`Kept the bindings added since init: ${kept.join(', ')}.`] : [];
  return finish(changes, ctx, parent, addonsDirs, options, io, [...notes, ...specNotes]);
}

function finish(
  changes: ChangeSet,
  ctx: ConnectorContext,
  parent: string,
  addonsDirs: string[],
  options: InitOptions,
  io: Io,
  extraNotes: string[] = [],
): number {
  // 3. Write it (or print it) and say what comes next.
  const notes = options.dryRun
    ? []
    : [`Created ${ctx.module} (${ctx.typeTitle}, ${ctx.auth.style} auth, entities: ${ctx.entityKeys.join(', ')}).`, ...extraNotes];
  if (!ctx.platform.isGeneric) {
    const told = options.platform === undefined ? ` (the ${ctx.prefix} name picks it; --platform generic for a plain REST connector)` : '';
    notes.unshift(`Platform profile: ${ctx.platform.title}${told}.`);
  }
  const framework = findFramework(parent, addonsDirs);
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
export function findFramework(parent: string, addonsDirs: string[]): string | undefined {
  return [parent, ...addonsDirs].find((dir) => existsSync(join(dir, 'generic_connector', '__manifest__.py')));
}
