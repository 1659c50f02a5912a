/**
 * @fileoverview Plans what add-binding changes in an existing connector addon: the per-entity
 * files rendered from the same templates `init` uses, and insertions of the same per-entity
 * partials into the shared files, each at a position found by parsing that file. Every
 * insertion is skipped when its content is already there, so a re-run plans nothing.
 */
import { join } from 'node:path';
import { RefusedError } from '../errors.js';
import { litString, litStrings, parsePython } from '../odoo/python.js';
import { ENTITY_CATALOGUE, catalogueEntry, type EntitySpec } from './catalogue.js';
import { ChangeSet, OverwriteStrategy } from './changeset.js';
import { addedBindings, recordAddedBinding, type AddedBinding } from './config-file.js';
import { connectorsPageDepends } from './connectors-page.js';
import { includeTemplate, renderConnector } from './connector-plan.js';
import { platformProfile } from '../platforms/registry.js';
import { templateLayers } from '../platforms/templates.js';
import { CONFIG_FILE, type ConnectorAddon } from './connector-addon.js';
import {
  connectorContext,
  entityContext,
  modelNames,
  profileCatalogue,
  withCatalogue,
  withProductCatalogue,
  type ConnectorContext,
  type EntityContext,
  type ServingBinding,
} from './context.js';
import { plural, titleCase, underscored } from './names.js';
import { catalogueContext } from './catalogue-context.js';
import { dataRank } from './data-order.js';
import { appendAccessRows } from './edits/csv-edits.js';
import {
  addRelativeImport,
  addToApplyOn,
  appendToClass,
  findModelClass,
  insertAfterLastField,
  insertContainerLines,
  insertListItem,
  listStrings,
  manifestList,
  returnedContainer,
} from './edits/python-edits.js';
import { growReadme, syncItemsAsMarkdown } from './edits/readme-edits.js';
import { applyInsertions } from './edits/text-insert.js';
import { appendXmlRecords, insertIntoElement, xmlIds } from './edits/xml-edits.js';
import { renderPartial } from './handlebars-env.js';
import { isPerEntityTemplate, renderTemplateDir, renderTemplatePaths } from './render.js';
import { resolveEntitySpec, type BindingRequest } from './binding-entity.js';
import { planFromSpec, type DescribedBinding } from '../apispec/plan-from-spec.js';
import { recordedDescription } from './description-source.js';

export interface BindingPlan {
  changes: ChangeSet;
  /** The API description's mapping proposal (--from-openapi). */
  described?: DescribedBinding;
  entity: EntityContext;
  /** The binding model was already in the addon before this run. */
  existed: boolean;
  notes: string[];
}

/**
 * Catalogue entity keys an addon already binds: those its config names, plus, for binding models
 * the config does not account for, the first catalogue entity of that Odoo model.
 */
function presentEntities(addon: ConnectorAddon): string[] {
  const keys = addon.entities.filter((key) => catalogueEntry(key) !== undefined);
  const covered = new Set(keys.map((key) => ENTITY_CATALOGUE[key]!.odooModel));
  for (const binding of addon.bindings) {
    if (covered.has(binding.odooModel)) continue;
    const spec = Object.values(ENTITY_CATALOGUE).find((s) => !s.featureOf && s.odooModel === binding.odooModel);
    if (spec) {
      keys.push(spec.key);
      covered.add(spec.odooModel);
    }
  }
  return keys;
}

function rootContext(addon: ConnectorAddon, entities: string[], version: string): ConnectorContext {
  return connectorContext(
    {
      name: addon.prefix,
      platform: platformProfile(addon.platform),
      type: addon.type ?? 'ecommerce',
      auth: addon.auth ?? 'api_key',
      entities,
      apiUrl: 'https://api.example.com/v1',
      author: 'odoo-connector',
      website: 'https://github.com/odoo-connector/odoo-connector',
      license: 'LGPL-3',
      webhooks: addon.webhooks,
    },
    version,
  );
}

/** Splits rendered XML records into blocks keyed by their id. */
function recordBlocks(xml: string): { id: string; text: string }[] {
  const blocks: { id: string; text: string }[] = [];
  // a record ends at its closing tag (its fields self-close); a menuitem self-closes
  const pattern = /^ *(?:<record\b[\s\S]*?<\/record>|<menuitem\b[\s\S]*?\/>)[ \t]*\n/gm;
  for (let m = pattern.exec(xml); m; m = pattern.exec(xml)) {
    const id = /\bid="([^"]+)"/.exec(m[0])?.[1];
    if (id) blocks.push({ id, text: m[0] });
  }
  return blocks;
}

/** Splits rendered class-body methods into blocks keyed by the method name. */
function methodBlocks(python: string): { name: string; text: string }[] {
  return python
    .split(/\n(?=\n {4}def )/)
    .map((chunk) => chunk.replace(/^\n+/, ''))
    .filter((chunk) => chunk.trim())
    .map((text) => ({ name: /def (\w+)\(/.exec(text)?.[1] ?? '', text }));
}

export async function planAddBinding(
  addon: ConnectorAddon,
  request: BindingRequest,
  /** `changes`: a plan to add to (init --force replays recorded bindings over its own, `replaying` each). */
  options: { force: boolean; version: string; changes?: ChangeSet; replaying?: AddedBinding },
): Promise<BindingPlan> {
  // 1. What to add, and whether it can be added.
  const profile = platformProfile(addon.platform);
  const catalogue = profileCatalogue(profile);
  // the profile's entry, with --external-name and --direction applied
  const { spec, custom } = resolveEntitySpec(request, catalogue);
  if (profile.entities && !profile.entities.includes(spec.key)) {
    throw new RefusedError(
      `${addon.dir}: ${spec.key} is not implemented by the ${profile.title} profile this connector was written with ` +
        `(it implements ${profile.entities.join(', ')}). Nothing was written.`,
    );
  }
  const bindingModel = `${addon.prefix}.${spec.odooModel}`;
  const existing = addon.bindings.find((b) => b.model === bindingModel || b.odooModel === spec.odooModel);
  if (existing && existing.model !== bindingModel) {
    throw new RefusedError(
      `${join(addon.dir, existing.file)}: ${existing.model} already binds ${spec.odooModel}; a connector has one binding per Odoo model.`,
    );
  }
  const present = presentEntities(addon).filter((key) => key !== spec.key);
  // a requirement is met by any binding of its Odoo model (contact stands for customer)
  const boundModels = new Set([...present.map((key) => ENTITY_CATALOGUE[key]!.odooModel), ...addon.bindings.map((b) => b.odooModel)]);
  const missing = spec.requires.filter((key) => !boundModels.has(ENTITY_CATALOGUE[key]!.odooModel));
  if (missing.length) {
    throw new RefusedError(
      `${spec.key} needs the ${missing.join(' and ')} binding${missing.length > 1 ? 's' : ''}: ` +
        `run ${missing.map((key) => `"add-binding ${key}"`).join(' and ')} first. Nothing was written.`,
    );
  }
  // A requirement met by a recorded custom binding (add-binding shopper --odoo-model res.partner)
  // is served by that one: the tests read it at its collection, in its API's shape. Its model's
  // catalogue entity is not in the addon (no customer address import, no guest partners).
  const changes = options.changes ?? new ChangeSet(addon.dir, OverwriteStrategy.Overwrite);
  const served = customBindingsByModel(changes.read(CONFIG_FILE), catalogue);
  const root = rootContext(
    addon,
    present.filter((key) => !served.has(catalogue[key]!.odooModel)),
    options.version,
  );
  // a product template binding goes with the product binding (catalogue-context.ts): no menu of its own
  const bindings = addon.bindings.filter((b) => b.model !== `${addon.prefix}.product.template`);
  const index = existing ? bindings.indexOf(existing) : bindings.length;
  // --from-openapi: the mappings, path and list answer come from the API's description
  const described = await planFromSpec(spec, request, addon, catalogue);
  const entitySpec = described?.spec ?? spec;
  // present bindings first: a requirement met by another binding of its model is served by that one
  const flat = entityContext(entitySpec, root.connector, [...present, ...spec.requires, spec.key], index, catalogue, served);
  const product = present.includes('product') ? catalogueContext(catalogue.product!, root.connector.prefix, root.type) : false;
  const entity = withProductCatalogue(
    withCatalogue(flat, entitySpec, root.connector.prefix, root.type),
    product || undefined,
    catalogue.product!.resource,
  );
  const ctx = { ...root, bindings: [entity] } as ConnectorContext;
  const layers = templateLayers(ctx.platform);
  const partialCtx = { ...ctx, entity } as unknown as Record<string, unknown>;
  const partial = (name: string): string => renderPartial(`entity/${name}`, partialCtx, layers.env);
  const notes: string[] = [];
  const conflicts: string[] = [];
  // the generated test builds on init's tests/common.py (its test case and mock_api)
  const common = changes.read('tests/common.py') ?? '';
  const hasTests = /def mock_api\(/.test(common) && common.includes(`class ${ctx.className}TestCase`);

  // 2. The per-entity files, rendered from the templates init uses.
  const files = renderTemplateDir(
    layers.connectorRoots,
    ctx as unknown as Record<string, unknown>,
    (template) => isPerEntityTemplate(template) && includeTemplate(template, ctx) && (hasTests || !template.startsWith('tests/')),
    layers.env,
  );
  refuseFilesOfOthers(addon, ctx, entity, files.map((file) => file.path), existing?.model);
  for (const file of files) {
    const current = changes.read(file.path);
    if (current !== undefined && current !== file.content && (!options.force || !existing)) conflicts.push(file.path);
    changes.create(file.path, file.content);
  }
  if (!hasTests) {
    notes.push(`tests/common.py has no ${ctx.className}TestCase with mock_api() (as init writes it): the test of the new binding was not written.`);
  }

  // 3. Insertions into the shared files.
  const edited: string[] = [];
  const edit = async (path: string, change: (source: string, file: string) => string | Promise<string>): Promise<void> => {
    edited.push(path);
    const source = changes.read(path);
    if (source === undefined) {
      throw new RefusedError(`${join(addon.dir, path)} does not exist: add-binding inserts the new binding there. Nothing was written.`);
    }
    changes.update(path, await change(source, join(addon.dir, path)));
  };
  await edit('models/__init__.py', (src, file) => addRelativeImport(src, entity.file, file, partial('model_import')));
  await edit('components/__init__.py', (src, file) => addRelativeImport(src, entity.file, file, partial('component_import')));
  if (hasTests) {
    await edit('tests/__init__.py', (src, file) => addRelativeImport(src, `test_${entity.file}`, file, partial('test_import')));
  }
  await edit('security/ir.model.access.csv', (src, file) => appendAccessRows(src, partial('acl_rows'), file));
  const recordRules = `security/${addon.prefix}_security.xml`;
  // addons written before the binding record rules have no such file: they keep working without
  if (changes.read(recordRules) !== undefined) {
    await edit(recordRules, (src, file) => appendMissingRecords(src, partial('record_rule'), file));
  }
  await edit(menusFile(addon, changes), (src, file) => appendMissingRecords(src, partial('menu_item'), file));
  await edit('data/queue_job_data.xml', (src, file) => appendMissingRecords(src, partial('job_functions'), file));
  if (entity.syncs.length) {
    await edit('data/ir_cron_data.xml', (src, file) => appendMissingRecords(src, partial('crons'), file));
  }
  await edit(addon.backendFile, (src, file) => editBackend(src, file, addon, ctx, entity, partial));
  const backendViews = `views/${addon.prefix}_backend_views.xml`;
  if (changes.read(backendViews) !== undefined) {
    await edit(backendViews, (src, file) => editBackendForm(src, file, entity, partial, notes));
  }
  const depends = [...spec.depends, ...connectorsPageDepends(entity.odooModel)];
  await edit('__manifest__.py', (src, file) => editManifest(src, file, depends, `views/${entity.bindingUnderscored}_views.xml`));
  const readme = ['README.rst', 'README.md'].find((path) => changes.read(path) !== undefined);
  if (readme) {
    await edit(readme, (src, file) => {
      const format = readme.endsWith('.rst') ? 'rst' : 'md';
      const syncs = partial('readme_syncs');
      const parts = format === 'rst' ? { row: partial('readme_row'), syncs } : { row: partial('readme_md_row'), syncs: syncItemsAsMarkdown(syncs) };
      const { text, missing } = growReadme(src, format, parts, entity.binding);
      if (missing.length) notes.push(`${file}: add ${missing.join(' and ')} of ${entity.binding} yourself (no anchor found).`);
      return text;
    });
  }
  // a new binding is recorded, an existing one when rewritten (init --force needs the record)
  const recordIt = !existing || options.force || request.externalName !== undefined || request.direction !== undefined;
  if (recordIt && changes.read(CONFIG_FILE) !== undefined) {
    // rewritten over init's binding: init --force renders it (with what it shares) before this record
    const prior = addedBindings(changes.read(CONFIG_FILE), CONFIG_FILE).find((item) => item.odooModel === spec.odooModel);
    const overInit = options.replaying ? options.replaying.overInit : (existing && !prior) || prior?.overInit;
    const record: AddedBinding = {
      entity: spec.key,
      odooModel: spec.odooModel,
      ...(overInit ? { overInit: true } : {}),
      ...(request.externalName !== undefined ? { externalName: request.externalName } : {}),
      ...(request.direction !== undefined ? { direction: request.direction } : {}),
      // a custom binding from an API description: the shape its dependents' tests read it in
      ...(custom && described ? describedShape(entitySpec, request) : {}),
      // and where that description is, for init --force to map it again
      ...(described ? recordedDescription(request, addon.dir) : {}),
    };
    await edit(CONFIG_FILE, (src, file) => recordAddedBinding(src, file, record));
  }

  await coverWithComponents(addon, changes, entity);
  staleDependentTests(present, spec, entitySpec, existing !== undefined, catalogue, notes);
  if (!custom && !existing) {
    const handled = new Set([...files.map((file) => file.path), ...edited, ...changes.list().map((c) => c.path)]);
    const overridden = request.externalName !== undefined || request.direction !== undefined;
    refreshUntouched(addon, changes, { present, key: spec.key, version: options.version, handled, apply: !overridden }, notes);
  }

  // 4. An existing binding is completed only on request.
  if (existing && !changes.isEmpty && !options.force) {
    const differing = conflicts.length ? ` (${conflicts.join(', ')} differ from what add-binding writes)` : '';
    throw new RefusedError(
      `${join(addon.dir, existing.file)}: the binding ${bindingModel} already exists${differing}. ` +
        'Use --force to rewrite its files and complete the shared files. Nothing was written.',
    );
  }
  if (conflicts.length) {
    // without the binding in models/, a file at its paths is someone else's: --force does not apply
    throw new RefusedError(
      `${conflicts.map((p) => join(addon.dir, p)).join(', ')} already exist${conflicts.length > 1 ? '' : 's'} but ${addon.prefix}.${spec.odooModel} ` +
        'is not bound in models/: add-binding does not overwrite files that are not its binding\'s own, even with --force. ' +
        'Move them away, or bind another Odoo model. Nothing was written.',
    );
  }
  return { changes, entity, existed: Boolean(existing), notes, ...(described ? { described } : {}) };
}

/**
 * Files init writes differently once the new entity is there, besides the new binding's own files
 * and the insertions above: another binding's exporter gains the new dependency (a shipment its
 * recipient once customers are bound), the webhook test an entity to deliver events for. Each is
 * rewritten when it is exactly what init wrote without the new entity; an edited one, or one
 * whose new content depends on --external-name or --direction, is left alone with a note.
 */
function refreshUntouched(
  addon: ConnectorAddon,
  changes: ChangeSet,
  run: { present: string[]; key: string; version: string; handled: Set<string>; apply: boolean },
  notes: string[],
): void {
  const before = renderConnector(rootContext(addon, run.present, run.version));
  const after = new Map(renderConnector(rootContext(addon, [...run.present, run.key], run.version)).map((f) => [f.path, f.content]));
  for (const old of before) {
    const next = after.get(old.path);
    if (next === undefined || next === old.content || run.handled.has(old.path)) continue;
    const current = changes.read(old.path);
    if (current === undefined || current === next) continue;
    if (current === old.content && run.apply) {
      changes.update(old.path, next);
    } else {
      notes.push(`${join(addon.dir, old.path)}: init writes it differently with ${run.key} (e.g. a test or mapping of ${run.key}); compare it with a connector written by init with ${run.key}.`);
    }
  }
}

/**
 * Paths the binding must never write because something else owns them: the connector's own files
 * (every template that is not per binding, whatever options chose them) and the files of every
 * other binding of the addon. Derived from the templates, so a new template is covered too.
 */
function ownersOfOtherFiles(addon: ConnectorAddon, ctx: ConnectorContext, entity: EntityContext, self: string | undefined): Map<string, string> {
  const layers = templateLayers(ctx.platform);
  const otherModels = new Set([
    ...addon.bindings.filter((b) => b.model !== self).map((b) => b.odooModel),
    ...addon.entities.flatMap((key) => {
      const spec = catalogueEntry(key);
      return spec && !spec.featureOf ? [spec.odooModel] : [];
    }),
  ]);
  otherModels.delete(entity.odooModel);
  const others = [...otherModels].map((model) => ({ ...entity, ...modelNames(addon.prefix, model) }));
  const context = { ...ctx, bindings: others } as unknown as Record<string, unknown>;
  const owners = new Map<string, string>();
  for (const { path, template, entity: other } of renderTemplatePaths(layers.connectorRoots, context, () => true, layers.env)) {
    const owner = other ? `the binding ${String(other.binding)}` : `the connector itself (init writes it from templates/connector/${template})`;
    if (!owners.has(path)) owners.set(path, owner);
  }
  return owners;
}

function refuseFilesOfOthers(addon: ConnectorAddon, ctx: ConnectorContext, entity: EntityContext, planned: string[], self: string | undefined): void {
  const owners = ownersOfOtherFiles(addon, ctx, entity, self);
  const taken = planned.filter((path) => owners.has(path));
  if (!taken.length) return;
  const path = taken[0]!;
  throw new RefusedError(
    `${join(addon.dir, path)} belongs to ${owners.get(path)}: binding ${entity.odooModel} would write its own file there` +
      `${taken.length > 1 ? ` (and at ${taken.slice(1).join(', ')})` : ''}, with or without --force. Nothing was written. ` +
      `A binding's file names derive from its Odoo model, not from the entity name (${entity.odooModel} gives ${path}): ` +
      'another entity name does not help; bind another Odoo model.',
  );
}

function menusFile(addon: ConnectorAddon, changes: ChangeSet): string {
  const conventional = `views/${addon.prefix}_menus.xml`;
  if (changes.read(conventional) !== undefined) return conventional;
  const holder = addon.data.find((path) => path.endsWith('.xml') && xmlIds(changes.read(path) ?? '').has(`menu_${addon.prefix}_root`));
  if (!holder) {
    throw new RefusedError(
      `${join(addon.dir, '__manifest__.py')}: no data file defines the menu menu_${addon.prefix}_root; add-binding puts the new menu entry under it.`,
    );
  }
  return holder;
}

function appendMissingRecords(source: string, rendered: string, file: string): string {
  const ids = xmlIds(source);
  const fresh = recordBlocks(rendered).filter((block) => !ids.has(block.id));
  return fresh.length ? appendXmlRecords(source, fresh.map((b) => b.text).join(''), file) : source;
}

async function editBackend(
  source: string,
  file: string,
  addon: ConnectorAddon,
  ctx: ConnectorContext,
  entity: EntityContext,
  partial: (name: string) => string,
): Promise<string> {
  const backendModel = `${addon.prefix}.backend`;
  let result = source;
  // each step re-parses: offsets move with every insertion
  if (entity.syncs.length) {
    const cls = await findModelClass(result, backendModel, file);
    const list = returnedContainer(cls, '_get_sync_entities', 'list', file);
    const present = listStrings(list);
    const lines = partial('sync_entities')
      .split('\n')
      .filter((line) => line.trim() && !present.includes(line.trim().replace(/^"|",?$/g, '')));
    if (lines.length) result = insertContainerLines(result, list, `${lines.join('\n')}\n`);
  }
  if (ctx.webhooks && entity.imports && entity.webhookEvents.length) {
    const cls = await findModelClass(result, backendModel, file);
    const dict = returnedContainer(cls, '_webhook_handlers', 'dictionary', file);
    // an entry may span lines (a deletion's tuple): keep or drop it whole, by its event key
    const entries: string[][] = [];
    for (const line of partial('webhook_handlers').split('\n')) {
      if (!line.trim()) continue;
      if (/^\s*"[^"\n]*":/.test(line) || !entries.length) entries.push([line]);
      else entries.at(-1)!.push(line);
    }
    const lines = entries.filter((entry) => !dict.text.includes(entry[0]!.trim().split(':')[0]!)).flat();
    if (lines.length) result = insertContainerLines(result, dict, `${lines.join('\n')}\n`);
  }
  const fieldBlocks = [...partial('backend_fields').matchAll(/^ {4}(\w+) = fields\.[\s\S]*?^ {4}\)\n/gm)];
  if (fieldBlocks.length) {
    const cls = await findModelClass(result, backendModel, file);
    const body = cls.childForFieldName('body')!.text;
    const missing = fieldBlocks.filter((m) => !new RegExp(`^\\s*${m[1]} = `, 'm').test(body));
    if (missing.length) result = insertAfterLastField(result, cls, missing.map((m) => m[0]).join(''));
  }
  const cls = await findModelClass(result, backendModel, file);
  const body = cls.childForFieldName('body')!.text;
  const methods = methodBlocks(partial('backend_methods')).filter((m) => !new RegExp(`def ${m.name}\\(`).test(body));
  if (methods.length) result = appendToClass(result, cls, methods.map((m) => m.text.replace(/\n+$/, '')).join('\n\n'));
  return result;
}

/** The backend form: the binding's sync buttons and its settings (the backend fields it adds). */
function editBackendForm(
  source: string,
  file: string,
  entity: EntityContext,
  partial: (name: string) => string,
  notes: string[],
): string {
  let result = source;
  const missingButtons = entity.syncs.filter((s) => !result.includes(`'sync_entity': '${s.syncKey}'`));
  if (missingButtons.length) {
    const out = insertIntoElement(result, (tag, attrs) => tag === 'group' && attrs.name === 'sync_buttons', partial('backend_sync_buttons'), file);
    if (out === undefined) {
      notes.push(`${file}: no <group name="sync_buttons">: add a button for sync_${entity.syncs[0]!.syncKey} to the backend form yourself.`);
    } else {
      result = out;
    }
  }
  const fields = partial('backend_form_fields')
    .split('\n')
    .filter((line) => line.trim())
    .filter((line) => !result.includes(line.trim()));
  if (fields.length) {
    const out = insertIntoElement(
      result,
      (tag, attrs) => tag === 'group' && attrs.name === 'settings',
      `${fields.join('\n')}\n`,
      file,
      (tag, attrs) => tag === 'field' && attrs.name === 'active',
    );
    if (out === undefined) {
      notes.push(`${file}: no <group name="settings">: add ${fields.map((f) => f.trim()).join(' ')} to the backend form yourself.`);
    } else {
      result = out;
    }
  }
  return result;
}

export async function editManifest(source: string, file: string, depends: string[], viewsFile: string): Promise<string> {
  let result = source;
  const data = await manifestList(result, 'data', file);
  if (!data) throw new RefusedError(`${file}: the manifest has no "data" list; nothing was written.`);
  const items = listStrings(data.list);
  if (!items.includes(viewsFile)) {
    const rank = dataRank(viewsFile);
    // where init puts it: by rank, then by name
    const before = items.findIndex((item) => dataRank(item) > rank || (dataRank(item) === rank && item.localeCompare(viewsFile) > 0));
    result = insertListItem(result, data.list, viewsFile, before === -1 ? undefined : before);
  }
  for (const dep of depends.filter((d) => d !== 'base')) {
    const found = await manifestList(result, 'depends', file);
    if (!found) throw new RefusedError(`${file}: the manifest has no "depends" list; nothing was written.`);
    if (!listStrings(found.list).includes(dep)) result = insertListItem(result, found.list, dep);
  }
  return result;
}

/** The components the new binding's files extend or need at run time, by name. */
function requiredComponents(prefix: string): string[] {
  return ['connector', 'adapter', 'binder', 'record.importer', 'batch.importer', 'record.exporter', 'batch.exporter'].map(
    (role) => (role === 'connector' ? `base.${prefix}.connector` : `${prefix}.${role}`),
  );
}

/**
 * Checks that the shared components exist, and adds the new binding to the `_apply_on` of those
 * restricted to a list of models (a binder written for three bindings would not find a fourth).
 */
async function coverWithComponents(addon: ConnectorAddon, changes: ChangeSet, entity: EntityContext): Promise<void> {
  const found = new Map<string, string>();
  for (const file of changes.listPython('components')) {
    const py = await parsePython(changes.read(file) ?? '');
    for (const cls of py.classes) {
      const name = litString(cls.attrs._name) ?? (litStrings(cls.attrs._inherit) ?? [])[0];
      if (name) found.set(name, file);
    }
  }
  const required = requiredComponents(addon.prefix);
  const missing = required.filter((name) => !found.has(name));
  if (missing.length) {
    throw new RefusedError(
      `${join(addon.dir, 'components')}: no component named ${missing.join(', ')}; the new binding's components extend ` +
        "the shared components init writes (see templates/connector/components/). Nothing was written.",
    );
  }
  for (const name of required.filter((n) => n !== `base.${addon.prefix}.connector`)) {
    const file = found.get(name)!;
    changes.update(file, await addToApplyOn(changes.read(file)!, name, entity.binding, join(addon.dir, file)));
  }
}

/**
 * A description that wraps this binding's answers, written over the binding, leaves the tests of
 * the bindings that import it as a dependency mocking its former, bare answers: those are their
 * own files, so they are named for the user to update.
 */
function staleDependentTests(
  present: string[],
  spec: EntitySpec,
  described: EntitySpec,
  existed: boolean,
  catalogue: Record<string, EntitySpec>,
  notes: string[],
): void {
  const envelope = described.recordKey ?? described.createKey;
  if (!existed || envelope === undefined) return;
  for (const key of present) {
    const dependent = catalogue[key];
    if (!dependent?.dependencies.some((dep) => catalogue[dep.entity]?.odooModel === spec.odooModel)) continue;
    notes.push(
      `tests/test_${underscored(dependent.odooModel)}.py (the ${key} binding's) mocks the ${described.resource} it reads and creates ` +
        `as bare records: wrap those routes' answers in {"${envelope}": ...} as ${spec.key} now reads them, or its tests fail with KeyError: '${envelope}'.`,
    );
  }
}

/** What a described custom binding's dependents need of it beyond its defaults (AddedBinding). */
function describedShape(spec: EntitySpec, request: BindingRequest): Partial<AddedBinding> {
  return {
    ...(request.externalName === undefined && spec.resource !== plural(spec.key) ? { resource: spec.resource } : {}),
    ...(spec.recordKey ? { recordKey: spec.recordKey } : {}),
    ...(spec.createKey ? { createKey: spec.createKey } : {}),
    ...(spec.nameExternal && spec.nameExternal !== 'name' ? { nameExternal: spec.nameExternal } : {}),
  };
}

/** Custom bindings recorded in the config (entities outside the catalogue), by Odoo model. */
function customBindingsByModel(config: string | undefined, catalogue: Record<string, EntitySpec>): Map<string, ServingBinding> {
  const out = new Map<string, ServingBinding>();
  for (const record of addedBindings(config, CONFIG_FILE)) {
    if (catalogue[record.entity]) continue;
    out.set(record.odooModel, {
      title: titleCase(record.entity),
      resource: record.resource ?? record.externalName ?? plural(record.entity),
      nameExternal: record.nameExternal ?? 'name',
      recordKey: record.recordKey,
      createKey: record.createKey,
    });
  }
  return out;
}
