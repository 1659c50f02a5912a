/**
 * @fileoverview What the generated tests of a binding answer and send in place of the API: the
 * sample record id, a list answer in the listing's envelope, the two pages of a paging test, and
 * the keys an API description adds to the canonical order of the order rules tests.
 */
import type { EntitySpec, ListingSpec } from './catalogue.js';
import { blackLiteral, pyLiteral } from './handlebars-env.js';

/** External id of the record the generated tests import and export. */
export const SAMPLE_ID = 1001;

/** `[{"id": 1001}]`, wrapped as `{"data": [...]}` (dotted keys nest) when the list has an envelope. */
export function listPage(itemsKey: string | undefined): string {
  return pyLiteral(nested(itemsKey, [{ id: SAMPLE_ID }]));
}

/** Python literal of a creation's answer: `{"id": 1001}`, in its envelope when the API wraps it. */
export function createAnswer(createKey: string | undefined, id: number): string {
  return pyLiteral(nested(createKey, { id }));
}

/** The canonical order's reference and date (testing/order_rules), by the Odoo field they fill. */
const ORDER_RULE_VALUES: Record<string, { key: string; value: string }> = {
  client_order_ref: { key: 'name', value: '"#1001"' },
  date_order: { key: 'date', value: '"2026-11-30T09:15:00Z"' },
};

export function orderRuleKeys(spec: EntitySpec): { external: string; value: string }[] {
  if (spec.key !== 'order') return [];
  const sources = [...(spec.nameExternal ? [{ external: spec.nameExternal, odoo: spec.nameField }] : []), ...spec.importFields];
  const keys = new Map<string, string>();
  for (const { external, odoo } of sources) {
    const canonical = ORDER_RULE_VALUES[odoo];
    // a nested key (`meta.placed`) is left out: its test payload would need the object around it
    if (canonical && external !== canonical.key && !external.includes('.')) keys.set(external, canonical.value);
  }
  return [...keys].map(([external, value]) => ({ external, value }));
}

/**
 * The two pages a generated sync test answers and the query parameter the second request carries,
 * for a listing the adapter pages itself (entity_adapter.py.hbs). Pages are Python statements'
 * right-hand sides, formatted as black would at 8 columns of indentation.
 */
export interface PagingTest {
  /** Numbered and offset pages stop on a short page: the test sets the backend's page size to one. */
  pageSize: boolean;
  first: string;
  last: string;
  param: string;
  /** Python literal of that parameter's value on the second request. */
  next: string;
}

/** `value` at a dotted key of a new dict (`value` itself without a key). */
function nested(dotted: string | undefined, value: unknown, into: Record<string, unknown> = {}): unknown {
  const keys = (dotted ?? '').split('.').filter(Boolean);
  if (!keys.length) return value;
  let node = into;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys[keys.length - 1]!] = value;
  return into;
}

export function pagingTest(listing: ListingSpec | undefined): PagingTest | false {
  if (!listing?.param || listing.style === 'link') return false;
  const record = [{ id: SAMPLE_ID }];
  const page = (items: unknown[]): string => blackLiteral(nested(listing.itemsKey, items), 8, 'first = '.length);
  switch (listing.style) {
    case 'page':
      return { pageSize: true, first: page(record), last: page([]), param: listing.param, next: '2' };
    case 'offset':
      return { pageSize: true, first: page(record), last: page([]), param: listing.param, next: '1' };
    case 'cursor': {
      // the items and the cursor sit in one answer: a bare list has nowhere for the cursor
      if (!listing.itemsKey || !listing.nextKey) return false;
      const first = nested(listing.nextKey, 'page-2', nested(listing.itemsKey, record) as Record<string, unknown>);
      return { pageSize: false, first: blackLiteral(first, 8, 'first = '.length), last: page(record), param: listing.param, next: pyLiteral('page-2') };
    }
  }
}
