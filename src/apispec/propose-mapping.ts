/**
 * @fileoverview The mapping proposal: which external field fills which field of the Odoo model,
 * with which conversion. Names and common synonyms, type-compatible pairs only; what it cannot
 * map it lists with the reason, for the addon's README. Nothing here is applied silently that
 * could be wrong: a split name (first/last) is a suggestion, read-only Odoo fields are skipped.
 */
import type { ExternalField, ExternalResource } from './model.js';
import { odooFields, type OdooField } from './odoo-field-types.js';

export type Conversion = 'char' | 'float' | 'int' | 'bool' | 'datetime' | 'date' | 'selection' | 'many2one';

export interface MappedField {
  /** Payload key; a nested one is dotted (`default_address.city`). */
  external: string;
  externalType: string;
  odoo: string;
  odooType: string;
  conversion: Conversion;
  /** External enum value -> Odoo selection key (conversion `selection`). */
  selection?: Record<string, string>;
  /** Entity key of the binding resolving the id (conversion `many2one`). */
  binding?: string;
  /** The external field is set by the server only: imported, never exported. */
  importOnly: boolean;
  example?: unknown;
}

export interface UnmappedField {
  external: string;
  externalType: string;
  reason: string;
}

export interface MappingProposal {
  model: string;
  /** False when the model is not in the baseline: only same-name text fields were mapped. */
  typesKnown: boolean;
  mapped: MappedField[];
  unmapped: UnmappedField[];
  /** Mappings worth doing by hand. */
  suggestions: string[];
  /**
   * The payload's first and last name keys (`first_name`, `lastName`…) when the model's `name`
   * has no field of its own: joined on import, split on export.
   */
  nameParts?: { first: string; last: string };
}

/** External name -> Odoo field names to try, in order (after the same name). */
const SYNONYMS: Record<string, string[]> = {
  created_at: ['create_date'],
  updated_at: ['write_date'],
  modified_at: ['write_date'],
  email: ['email', 'email_from'],
  email_address: ['email', 'email_from'],
  mail: ['email', 'email_from'],
  phone: ['phone', 'mobile'],
  phone_number: ['phone', 'mobile'],
  telephone: ['phone'],
  mobile: ['mobile', 'phone'],
  mobile_phone: ['mobile', 'phone'],
  cell_phone: ['mobile'],
  company: ['company_name'],
  company_name: ['company_name'],
  url: ['website'],
  website_url: ['website'],
  title: ['name'],
  full_name: ['name'],
  display_name: ['name'],
  amount: ['amount_total', 'amount'],
  total: ['amount_total'],
  total_amount: ['amount_total'],
  grand_total: ['amount_total'],
  total_price: ['amount_total'],
  reference: ['client_order_ref', 'ref', 'payment_ref'],
  ref: ['ref', 'client_order_ref'],
  order_number: ['client_order_ref'],
  external_reference: ['client_order_ref', 'ref'],
  sku: ['default_code'],
  product_code: ['default_code'],
  code: ['default_code'],
  price: ['list_price', 'lst_price', 'price_unit'],
  unit_price: ['price_unit', 'list_price'],
  cost: ['standard_price'],
  ean: ['barcode'],
  gtin: ['barcode'],
  upc: ['barcode'],
  description: ['description', 'comment', 'note'],
  notes: ['comment', 'note', 'narration'],
  note: ['comment', 'note', 'narration'],
  line1: ['street'],
  address1: ['street'],
  address_line1: ['street'],
  street1: ['street'],
  line2: ['street2'],
  address2: ['street2'],
  address_line2: ['street2'],
  postal_code: ['zip'],
  postcode: ['zip'],
  zip_code: ['zip'],
  zipcode: ['zip'],
  town: ['city'],
  vat_number: ['vat'],
  tax_id: ['vat'],
  tax_number: ['vat'],
  job_title: ['function'],
  enabled: ['active'],
  status: ['state'],
  placed_at: ['date_order'],
  processed_at: ['date_order'],
  ordered_at: ['date_order'],
  order_date: ['date_order'],
  issued_at: ['invoice_date'],
  issue_date: ['invoice_date'],
  due_date: ['invoice_date_due', 'date_deadline'],
  due_at: ['invoice_date_due', 'date_deadline'],
  quantity: ['product_uom_qty', 'quantity'],
  qty: ['product_uom_qty', 'quantity'],
  weight_kg: ['weight'],
  tracking_number: ['carrier_tracking_ref'],
  customer: ['partner_id'],
  contact: ['partner_id'],
  client: ['partner_id'],
  product: ['product_id'],
};

/** Names tried before the same name: `sale.order.reference` is the payment reference, not the order's. */
const PREFERRED: Record<string, string[]> = {
  reference: ['client_order_ref', 'ref'],
};

/** Odoo field types each external type may fill, with the conversion. */
function conversionFor(field: ExternalField, odoo: OdooField): Conversion | undefined {
  const t = odoo.type;
  switch (field.type) {
    case 'string':
      // not html: Odoo sanitizes it into markup, so the text would not round-trip
      return t === 'char' || t === 'text' ? 'char' : undefined;
    case 'enum':
      return t === 'selection' ? 'selection' : t === 'char' ? 'char' : undefined;
    case 'date-time':
      return t === 'datetime' ? 'datetime' : t === 'date' ? 'date' : undefined;
    case 'date':
      return t === 'date' ? 'date' : undefined;
    case 'number':
      return t === 'float' || t === 'monetary' ? 'float' : undefined;
    case 'integer':
      return t === 'integer' ? 'int' : t === 'float' || t === 'monetary' ? 'float' : undefined;
    case 'boolean':
      return t === 'boolean' ? 'bool' : undefined;
    default:
      return undefined;
  }
}

/** `firstName`, `First-Name` -> `first_name`. */
export function snakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase();
}

/** Odoo selection key per enum value: same key, or same key once normalised; undefined if none. */
function selectionTable(values: string[], keys: string[]): Record<string, string> | undefined {
  const table: Record<string, string> = {};
  for (const value of values) {
    const key = keys.find((k) => k === value) ?? keys.find((k) => snakeCase(k) === snakeCase(value));
    if (key) table[value] = key;
  }
  return Object.keys(table).length ? table : undefined;
}

/** Flattens nested objects one level into dotted names (an address's city). */
function leaves(fields: ExternalField[], prefix = '', depth = 0): ExternalField[] {
  return fields.flatMap((f) =>
    f.type === 'object' && f.fields && depth === 0 ? leaves(f.fields, `${prefix}${f.name}.`, depth + 1) : [{ ...f, name: `${prefix}${f.name}`, readOnly: f.readOnly }],
  );
}

/**
 * @param bound Odoo model -> entity key of the addon's bindings (for many2one through the binder)
 */
export async function proposeMapping(resource: ExternalResource, model: string, bound: Map<string, string>): Promise<MappingProposal> {
  const fields = await odooFields(model);
  const mapped: MappedField[] = [];
  const unmapped: UnmappedField[] = [];
  const suggestions: string[] = [];
  const taken = new Set<string>();
  const describe = (f: ExternalField): string => (f.type === 'enum' ? `enum (${(f.values ?? []).join(', ')})` : f.type === 'array' ? `array of ${f.items?.type ?? 'any'}` : f.type);
  for (const field of leaves(resource.fields)) {
    const miss = (reason: string): void => void unmapped.push({ external: field.name, externalType: describe(field), reason });
    const leaf = snakeCase(field.name.split('.').pop()!);
    if (field.name === 'id') continue; // the binding's external id
    if (field.type === 'array' || field.type === 'object') {
      miss(field.type === 'array' ? 'a list (lines, tags): map it by hand with a child mapper or a many2many' : 'a nested object: map it by hand');
      continue;
    }
    if (!fields) {
      // no types: only a text field of the same name is safe
      if (field.type === 'string' && !/_ids?$/.test(leaf) && leaf !== 'id') {
        mapped.push({ external: field.name, externalType: describe(field), odoo: leaf, odooType: 'unknown', conversion: 'char', importOnly: field.readOnly, ...example(field) });
      } else miss(`the types of ${model} are unknown: map it by hand`);
      continue;
    }
    // many2one through the binder: `customer_id` -> partner_id when partners are bound
    const idStem = /^(.+?)_?id$/i.exec(field.name.split('.').pop()!)?.[1];
    if (idStem && (field.type === 'integer' || field.type === 'number' || field.type === 'string') && !field.name.includes('.')) {
      const stem = snakeCase(idStem);
      const candidates = [`${stem}_id`, ...(SYNONYMS[stem] ?? [])];
      const target = candidates.map((c) => fields.get(c)).find((f) => f && f.type === 'many2one' && !f.readOnly && !taken.has(f.name));
      if (target) {
        const entity = bound.get(target.comodel ?? '');
        if (entity) {
          taken.add(target.name);
          mapped.push({ external: field.name, externalType: describe(field), odoo: target.name, odooType: `many2one ${target.comodel}`, conversion: 'many2one', binding: entity, importOnly: field.readOnly, ...example(field) });
        } else miss(`the id of a ${target.comodel} (${target.name}): add a binding of ${target.comodel} first, then map it through its binder`);
        continue;
      }
    }
    const names = [...new Set([...(PREFERRED[leaf] ?? []), leaf, ...(SYNONYMS[leaf] ?? [])])];
    let chosen: { odoo: OdooField; conversion: Conversion } | undefined;
    let blocked: string | undefined;
    for (const name of names) {
      const odoo = fields.get(name);
      if (!odoo || taken.has(name)) continue;
      if (odoo.readOnly) {
        blocked ??= `${name} is read-only in Odoo (set by the ORM or computed)`;
        continue;
      }
      const conversion = conversionFor(field, odoo);
      if (!conversion) {
        blocked ??= `${name} is a ${odoo.type}${odoo.comodel ? ` of ${odoo.comodel}` : ''}: not type-compatible`;
        continue;
      }
      chosen = { odoo, conversion };
      break;
    }
    if (!chosen) {
      miss(blocked ? `${blocked}` : `no field of ${model} by that name or a synonym`);
      continue;
    }
    const { odoo, conversion } = chosen;
    let selection: Record<string, string> | undefined;
    if (conversion === 'selection') {
      selection = selectionTable(field.values ?? [], odoo.selection ?? []);
      if (!selection) {
        miss(`${odoo.name} is a selection whose keys (${(odoo.selection ?? ['not literal']).join(', ')}) match none of the values`);
        continue;
      }
    }
    taken.add(odoo.name);
    mapped.push({
      external: field.name,
      externalType: describe(field),
      odoo: odoo.name,
      odooType: odoo.type,
      conversion,
      ...(selection ? { selection } : {}),
      importOnly: field.readOnly,
      ...example(field),
    });
  }
  const part = (key: string): ExternalField | undefined => resource.fields.find((f) => snakeCase(f.name) === key && f.type === 'string');
  const [first, last] = [part('first_name'), part('last_name')];
  const nameParts = first && last && fields?.has('name') && !taken.has('name') ? { first: first.name, last: last.name } : undefined;
  // the two keys are mapped (onto the name), no longer listed as unmapped
  const rest = nameParts ? unmapped.filter((u) => u.external !== nameParts.first && u.external !== nameParts.last) : unmapped;
  return { model, typesKnown: !!fields, mapped, unmapped: rest, suggestions, ...(nameParts ? { nameParts } : {}) };
}

function example(field: ExternalField): { example?: unknown } {
  return field.example === undefined ? {} : { example: field.example };
}
