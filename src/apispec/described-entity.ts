/**
 * @fileoverview Applies an API description to the entity add-binding writes: the proposed
 * mappings become its import/export fields (merged after what the catalogue already maps), the
 * collection path and list answer its adapter's, and what stays unmapped a README note.
 */
import type { EntitySpec, FieldMap, ListingSpec } from '../scaffold/catalogue.js';
import type { ExternalResource, Pagination } from './model.js';
import type { MappingProposal } from './propose-mapping.js';

const RESOURCE = /^[A-Za-z0-9_][A-Za-z0-9_./-]*$/;

export interface DescribedOptions {
  /** The user gave --direction / --external-name: they win over the description. */
  direction?: string;
  externalName?: string;
}

/** Whether an entity key has a catalogue entry whose binding the generated code can look up. */
export type KnownEntity = (key: string) => boolean;

/** Keys generic_connector's partner import reads a customer's addresses from (partner_importer.py). */
const PARTNER_ADDRESS_KEYS = new Set(['billing_address', 'shipping_address']);
/** The partner fields it fills from them (OWN_ADDRESS_FIELDS there). */
const PARTNER_ADDRESS_FIELDS = new Set(['street', 'street2', 'city', 'zip', 'country_id', 'state_id']);

export function describedEntity(
  spec: EntitySpec,
  resource: ExternalResource,
  proposal: MappingProposal,
  options: DescribedOptions,
  known: KnownEntity = () => false,
): EntitySpec {
  const creates = spec.importCreates ?? true;
  // A customer's addresses: the framework's import reads billing_address/shipping_address (and
  // makes child contacts of them). A description without those keys has an address shape of its
  // own: its mappings fill the partner's address and the framework's part is left out; with them,
  // the framework fills the address fields and the mappings leave them alone.
  const addresses = (spec.partnerAddresses ?? false) && resource.fields.some((f) => PARTNER_ADDRESS_KEYS.has(f.name));
  const mapped = proposal.mapped.filter((m) => m.conversion !== 'many2one' && !(addresses && PARTNER_ADDRESS_FIELDS.has(m.odoo)));
  // the name has its own mapping (with a fallback) when imports create records
  const nameMapping = creates ? mapped.find((m) => m.odoo === spec.nameField) : undefined;
  // or it is the payload's first and last names, joined on import and split on export
  // (a custom entity's name is its display_name, exported from `name`)
  const nameParts = ['name', 'display_name'].includes(spec.nameField) && !nameMapping ? proposal.nameParts : undefined;
  const toField = (m: MappingProposal['mapped'][number]): FieldMap => ({
    external: m.external,
    odoo: m.odoo,
    type: m.conversion as FieldMap['type'],
    ...(m.selection ? { selection: m.selection } : {}),
    ...(m.example !== undefined ? { example: m.example } : {}),
  });
  const importedOdoo = new Set([...spec.importFields.map((f) => f.odoo), ...(creates ? [spec.nameField] : [])]);
  const importFields = [...spec.importFields, ...mapped.filter((m) => !importedOdoo.has(m.odoo)).map(toField)];
  // a custom entity's placeholder export (display_name as `name`) gives way to real mappings, and
  // any `name` to the name's parts (the document has no such key)
  const placeholder = (f: FieldMap): boolean => f.odoo === 'display_name' && mapped.some((m) => m.external === f.external || m.odoo === 'name');
  const base = spec.exportFields.filter((f) => (nameParts ? f.odoo !== 'display_name' && f.external !== 'name' : !placeholder(f)));
  const exportedOdoo = new Set(base.map((f) => f.odoo));
  const exportedKeys = new Set(base.map((f) => f.external));
  const exportFields = [
    ...base,
    ...mapped
      .filter((m) => !m.importOnly && !m.external.includes('.') && !exportedOdoo.has(m.odoo) && !exportedKeys.has(m.external))
      .map(toField),
  ];
  const ops = resource.operations;
  const verbs = new Set(ops?.verbs ?? []);
  const reads = verbs.has('list') || verbs.has('read');
  const writes = verbs.has('create') || verbs.has('update');
  const direction = (options.direction as EntitySpec['direction'] | undefined) ?? (ops && reads !== writes ? (reads ? 'import' : 'export') : 'both');
  const path = options.externalName ?? (ops && RESOURCE.test(ops.path) ? ops.path : spec.resource);
  const listing = ops ? listingOf(ops.pagination, ops.itemsKey) : undefined;
  // another bound resource's id: resolved through that binding's binder (binder_for().to_internal)
  const relations = proposal.mapped.filter(
    // a relation the catalogue entity already maps (an order's customer) is not repeated
    (m) => m.conversion === 'many2one' && !spec.dependencies.some((dep) => dep.odoo === m.odoo || dep.external === m.external),
  );
  const dependencies = relations
    .filter((m) => m.binding && known(m.binding) && /^[A-Za-z_][A-Za-z0-9_]*$/.test(m.external))
    .map((m) => ({ entity: m.binding!, external: m.external, odoo: m.odoo, required: false }));
  const unmapped = [
    ...proposal.unmapped.map((u) => ({ external: u.external, type: u.externalType, reason: u.reason })),
    ...relations
      .filter((m) => !dependencies.some((dep) => dep.external === m.external))
      .map((m) => ({ external: m.external, type: m.externalType, reason: `proposed: ${m.odoo} through the ${m.binding} binder (write the mapping by hand)` })),
  ];
  return {
    ...spec,
    ...(spec.partnerAddresses ? { partnerAddresses: addresses } : {}),
    resource: path,
    direction,
    ...(nameMapping ? { nameExternal: nameMapping.external } : {}),
    ...(nameParts ? { nameParts } : {}),
    importFields,
    exportFields,
    dependencies: [...spec.dependencies, ...dependencies],
    listenFields: [...new Set([...spec.listenFields, ...(direction === 'import' ? [] : dependencies.map((dep) => dep.odoo)), ...exportFields.flatMap((f) => f.changedBy ?? [f.odoo]).filter((f) => f !== 'display_name')])],
    ...(listing ? { listing } : {}),
    ...(ops?.recordKey ? { recordKey: ops.recordKey } : {}),
    ...(ops?.createKey ? { createKey: ops.createKey } : {}),
    ...(ops?.updateMethod ? { updateMethod: ops.updateMethod } : {}),
    unmapped,
    note: [spec.note, unmappedNote(resource, unmapped)].filter(Boolean).join(' '),
  };
}

function listingOf(pagination: Pagination, itemsKey: string | undefined): ListingSpec | undefined {
  const key = itemsKey ? { itemsKey } : {};
  switch (pagination.style) {
    case 'page':
      return { ...key, style: 'page', param: pagination.pageParam, sizeParam: pagination.sizeParam };
    case 'offset':
      return { ...key, style: 'offset', param: pagination.offsetParam, sizeParam: pagination.limitParam };
    case 'cursor':
      // without a declared next-cursor key, the Link header stays the way to the next page
      return pagination.nextKey
        ? { ...key, style: 'cursor', param: pagination.cursorParam, sizeParam: pagination.sizeParam ?? 'limit', nextKey: pagination.nextKey }
        : { ...key, style: 'link', sizeParam: pagination.sizeParam ?? 'limit' };
    default:
      return itemsKey ? { ...key, style: 'link', sizeParam: 'limit' } : undefined;
  }
}

/** One README sentence: the fields of the description no mapping covers, with their types. */
function unmappedNote(resource: ExternalResource, unmapped: { external: string; type: string; reason: string }[]): string {
  if (!unmapped.length) return '';
  const items = unmapped.map((u) => `\`\`${u.external}\`\` (${u.type}): ${u.reason}`);
  return `Not mapped from ${resource.name}: ${items.join('; ')}.`;
}
